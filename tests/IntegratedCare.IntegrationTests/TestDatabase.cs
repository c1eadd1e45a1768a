using IntegratedCare.Tests.Shared;
using Xunit;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// Which database this run of the integration tests is on. SQLite by default; PostgreSQL when
/// <c>INTEGRATEDCARE_TEST_POSTGRES</c> names a server (<see cref="TestPostgres"/>), as <c>.ci/run</c> does for
/// its second pass. Each <see cref="DataFolder"/> then gets a database of its own.
/// </summary>
public static class TestDatabase
{
    public const string Variable = TestPostgres.Variable;

    public static bool IsPostgreSql => TestPostgres.Server is not null;

    public static string CreateDatabase() => TestPostgres.CreateDatabase();

    public static void DropDatabase(string connectionString) => TestPostgres.DropDatabase(connectionString);
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
