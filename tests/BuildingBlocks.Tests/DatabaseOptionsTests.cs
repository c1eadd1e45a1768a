using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using Npgsql;

namespace BuildingBlocks.Tests;

public sealed class DatabaseOptionsTests
{
    [Fact]
    public void PostgreSqlConnectionString_PreparesStatementsAndSkipsTheSessionReset_ByDefault()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = "Host=db.internal;Username=app;Password=secret;Database=care" };

        var built = new NpgsqlConnectionStringBuilder(options.PostgreSqlConnectionString());

        Assert.Equal(64, built.MaxAutoPrepare);
        Assert.Equal(2, built.AutoPrepareMinUsages);
        Assert.True(built.NoResetOnClose);
        Assert.Equal("db.internal", built.Host);
        Assert.Equal("secret", built.Password);
    }

    [Fact]
    public void PostgreSqlConnectionString_KeepsWhatTheOperatorGave()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = "Host=db.internal;Max Auto Prepare=0;No Reset On Close=false" };

        var built = new NpgsqlConnectionStringBuilder(options.PostgreSqlConnectionString());

        Assert.Equal(0, built.MaxAutoPrepare);
        Assert.False(built.NoResetOnClose);
    }

    [Fact]
    public void PostgreSqlConnectionString_WhenEmpty_SaysWhichSettingIsMissing()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = " " };

        var ex = Assert.Throws<InvalidOperationException>(options.PostgreSqlConnectionString);

        Assert.Contains("Database:ConnectionString", ex.Message, StringComparison.Ordinal);
    }
}
