using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// The one place that knows which database the host runs on: it opens connections (SQLite with its
/// per-connection pragmas, PostgreSQL from one pooled data source) and begins transactions the way each
/// provider needs. No module sees it.
/// </summary>
public sealed class ConnectionFactory : IDisposable
{
    private readonly string _sqliteConnectionString = string.Empty;
    private readonly string _pragmas = string.Empty;
    private readonly NpgsqlDataSource? _postgres;
    private readonly NpgsqlDataSource? _background;

    public ConnectionFactory(IOptions<DatabaseOptions> options, IHostEnvironment environment)
    {
        var value = options.Value;
        Provider = value.Provider;
        if (Provider == DatabaseProvider.PostgreSql)
        {
            _postgres = new NpgsqlDataSourceBuilder(value.PostgreSqlConnectionString()).Build();

            // The audit writer and the hosts' leases hold a connection while requests wait on them: they have
            // a small pool of their own, so a burst of requests holding every pooled connection cannot starve
            // the very writer those requests wait for.
            _background = new NpgsqlDataSourceBuilder(
                new NpgsqlConnectionStringBuilder(value.PostgreSqlConnectionString()) { MaxPoolSize = 8, MinPoolSize = 0 }.ToString()).Build();
            DataSource = new NpgsqlConnectionStringBuilder(value.PostgreSqlConnectionString()) { Password = null }.ToString();
            return;
        }

        _sqliteConnectionString = value.SqliteConnectionString(environment.ContentRootPath);
        var dataSource = new SqliteConnectionStringBuilder(_sqliteConnectionString).DataSource;
        DataFolder.EnsureFor(dataSource);
        _pragmas = $"PRAGMA synchronous={value.SynchronousPragma()}; PRAGMA foreign_keys=ON; PRAGMA busy_timeout={value.BusyTimeoutSeconds * 1000};"
            + (value.MaxSizeMegabytes > 0 ? $" PRAGMA max_page_count={value.MaxSizeMegabytes * 256L};" : string.Empty);
        DataSource = dataSource;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite file, or the PostgreSQL server and database (no password): for logs and health.</summary>
    public string DataSource { get; }

    public DbConnection Open()
    {
        var connection = Create();
        connection.Open();
        return connection;
    }

    /// <summary>A connection for the platform's own background writers (audit, leases), never starved by requests.</summary>
    public DbConnection OpenBackground() => _background?.OpenConnection() ?? Open();

    /// <summary>
    /// A connection not yet open: a scope's unit of work opens it when its transaction begins, so a request
    /// holds no pooled connection while it is still being authorised (which may read in a scope of its own).
    /// SQLite's pragmas are applied each time it opens.
    /// </summary>
    public DbConnection Create()
    {
        if (_postgres is not null)
        {
            return _postgres.CreateConnection();
        }

        var connection = new SqliteConnection(_sqliteConnectionString);
        connection.StateChange += (_, change) =>
        {
            if (change.CurrentState == ConnectionState.Open && change.OriginalState != ConnectionState.Open)
            {
                using var command = connection.CreateCommand();
                command.CommandText = _pragmas;
                command.ExecuteNonQuery();
            }
        };
        return connection;
    }

    /// <summary>
    /// A write transaction. SQLite: BEGIN IMMEDIATE, the file's one write lock, taken up front so two writers
    /// never deadlock on upgrade. PostgreSQL: READ COMMITTED; every aggregate carries a version checked on
    /// update, and the few places that need an order across hosts take an advisory lock (<see cref="CommitOrder"/>).
    /// </summary>
    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await OpenIfClosedAsync(connection, cancellationToken);
        return connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: false)
            : await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
    }

    /// <summary>
    /// A read that sees one snapshot. SQLite: BEGIN DEFERRED, never the write lock. PostgreSQL: REPEATABLE READ,
    /// which for a read is a snapshot taken at its first statement.
    /// </summary>
    public async Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await OpenIfClosedAsync(connection, cancellationToken);
        return connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
    }

    private static async Task OpenIfClosedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }
    }

    /// <summary>Set once at start-up. SQLite: WAL, a property of the file, so readers never block the writer. PostgreSQL: nothing.</summary>
    public void PrepareDatabase()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        var mode = command.ExecuteScalar() as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused WAL mode (got '{mode}').");
        }
    }

    public void Dispose()
    {
        _postgres?.Dispose();
        _background?.Dispose();
    }
}
