using Npgsql;

namespace IntegratedCare.Tests.Shared;

/// <summary>
/// The PostgreSQL server a test run may be given: <c>INTEGRATEDCARE_TEST_POSTGRES</c>, a connection string
/// whose user may create databases (<c>.ci/postgres start</c> prints one). Each host under test gets a fresh
/// database of its own on it, dropped at the end.
/// </summary>
internal static class TestPostgres
{
    public const string Variable = "INTEGRATEDCARE_TEST_POSTGRES";

    public static string? Server { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server ? server : null;

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

/// <summary>
/// A test of what only PostgreSQL has (several hosts, commit order): skipped with the reason when no server is
/// given. CI's second pass gives one, and <c>.ci/run</c> fails when it cannot start the server.
/// </summary>
internal sealed class PostgreSqlFactAttribute : Xunit.FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (TestPostgres.Server is null)
        {
            Skip = $"Needs PostgreSQL: set {TestPostgres.Variable} to a server's connection string (README, \"Tests on PostgreSQL\").";
        }
    }
}
