using Microsoft.Data.Sqlite;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Persistence;

/// <summary>Which database server the host stores its data on.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file: one host, no other set-up (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: several hosts on one database (docs/adr/0009).</summary>
    PostgreSql,
}

/// <summary>Configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default) or <c>PostgreSql</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>PostgreSQL only: an Npgsql connection string (host, port, database, username, password).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>SQLite only: the database file; relative paths are under the host's content root.</summary>
    public string Path { get; set; } = "./data/integratedcare.db";

    /// <summary>SQLite <c>synchronous</c>: FULL (default, durable on power loss), NORMAL or OFF.</summary>
    public string Synchronous { get; set; } = "FULL";

    /// <summary>How long a writer waits for another writer's lock before giving up.</summary>
    public int BusyTimeoutSeconds { get; set; } = 30;

    /// <summary>Whether EF's SQL log lines show parameter values. Off: they carry people's data.</summary>
    public bool LogParameterValues { get; set; }

    /// <summary>
    /// A quota for the database file in megabytes (0: none, the disk is the limit). Past it, writes fail as
    /// on a full disk: RESOURCE_EXHAUSTED, nothing half-written (SQLite's <c>max_page_count</c>).
    /// </summary>
    public int MaxSizeMegabytes { get; set; }

    /// <summary>
    /// How often a host looks whether another host changed what it caches (sharing rules, revoked
    /// credentials, agencies, holidays). A change on another host holds here within this bound.
    /// </summary>
    public TimeSpan CacheRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    public string SqliteConnectionString(string contentRoot)
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, Path));
        return new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = BusyTimeoutSeconds,
        }.ToString();
    }

    /// <summary>
    /// The Npgsql connection string, with two defaults the string can override. Statement auto-preparation: every
    /// command sends the same few dozen statements, and a prepared one skips the server's parse and plan
    /// (a fifth more UpdateAgency calls per second in the benchmark). A fleet whose migrations change a table
    /// under running hosts may see one "cached plan must not change result type" per prepared statement until
    /// they restart; such an upgrade restarts every host anyway (README, "PostgreSQL and several hosts").
    /// And no session reset when a connection goes back to the pool: the host keeps no session state (no
    /// <c>SET</c>, temporary table or <c>LISTEN</c>; its one session-level lock, a sweep's lease, is released by
    /// the lease itself), and Npgsql rolls back an open transaction either way, so the seven reset statements
    /// each command's connection sent first (as many statements as the command itself) bought nothing.
    /// </summary>
    public string PostgreSqlConnectionString()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new InvalidOperationException("Database:Provider is PostgreSql but Database:ConnectionString is empty: give the server's Npgsql connection string.");
        }

        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = ConnectionString };
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ToString();
    }

    public string SynchronousPragma() => Synchronous.ToUpperInvariant() switch
    {
        "FULL" or "EXTRA" or "NORMAL" or "OFF" => Synchronous.ToUpperInvariant(),
        _ => throw new InvalidOperationException($"Database:Synchronous must be FULL, EXTRA, NORMAL or OFF, not '{Synchronous}'."),
    };
}
