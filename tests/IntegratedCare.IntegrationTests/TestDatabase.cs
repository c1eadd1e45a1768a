using Npgsql;
using Xunit;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// Which database this run of the integration tests is on. SQLite by default; PostgreSQL when
/// <c>INTEGRATEDCARE_TEST_POSTGRES</c> names a server (a connection string whose user may create databases),
/// as <c>.ci/run</c> does for its second pass. Each <see cref="DataFolder"/> then gets a database of its own.
/// </summary>
public static class TestDatabase
{
    public const string Variable = "INTEGRATEDCARE_TEST_POSTGRES";

    public static string? Server { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server ? server : null;

    public static bool IsPostgreSql => Server is not null;

    public static string CreateDatabase()
    {
        var name = $"ic_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(Server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ToString();
    }

    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}

/// <summary>A test of what only SQLite has (its file, pragmas, query plans, old file migrations): skipped, saying so, on a PostgreSQL run.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.IsPostgreSql)
        {
            Skip = "SQLite only: this run is on PostgreSQL, which the PostgreSQL tests cover instead.";
        }
    }
}

/// <summary>
/// A test of what only PostgreSQL has (several hosts, commit order): skipped with the reason when no server is
/// given. CI's second pass gives one, and <c>.ci/run</c> fails when it cannot start the server.
/// </summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (!TestDatabase.IsPostgreSql)
        {
            Skip = $"Needs PostgreSQL: set {TestDatabase.Variable} to a server's connection string (README, \"Tests on PostgreSQL\").";
        }
    }
}

/// <summary>The theory form of <see cref="SqliteFactAttribute"/>.</summary>
public sealed class SqliteTheoryAttribute : TheoryAttribute
{
    public SqliteTheoryAttribute()
    {
        if (TestDatabase.IsPostgreSql)
        {
            Skip = "SQLite only: this run is on PostgreSQL, which the PostgreSQL tests cover instead.";
        }
    }
}
