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
