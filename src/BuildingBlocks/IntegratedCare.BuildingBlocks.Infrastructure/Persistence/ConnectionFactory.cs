using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Persistence;

/// <summary>Opens connections with the per-connection pragmas applied; the file itself is in WAL mode.</summary>
public sealed class ConnectionFactory
{
    private readonly string _connectionString;
    private readonly string _pragmas;

    public ConnectionFactory(IOptions<DatabaseOptions> options, IHostEnvironment environment)
    {
        var value = options.Value;
        _connectionString = value.ConnectionString(environment.ContentRootPath);
        var dataSource = new SqliteConnectionStringBuilder(_connectionString).DataSource;
        DataFolder.EnsureFor(dataSource);
        _pragmas = $"PRAGMA synchronous={value.SynchronousPragma()}; PRAGMA foreign_keys=ON; PRAGMA busy_timeout={value.BusyTimeoutSeconds * 1000};"
            + (value.MaxSizeMegabytes > 0 ? $" PRAGMA max_page_count={value.MaxSizeMegabytes * 256L};" : string.Empty);
        DataSource = dataSource;
    }

    public string DataSource { get; }

    public DbConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>WAL is a property of the file, set once; readers then never block the writer.</summary>
    public void EnableWriteAheadLog()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        var mode = command.ExecuteScalar() as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused WAL mode (got '{mode}').");
        }
    }
}
