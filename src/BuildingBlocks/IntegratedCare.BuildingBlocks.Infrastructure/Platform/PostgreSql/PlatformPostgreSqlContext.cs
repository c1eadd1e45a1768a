using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Platform.PostgreSql;

/// <summary>The same model on PostgreSQL, with migrations of its own (see <see cref="PostgreSqlModel"/>).</summary>
public sealed class PlatformPostgreSqlContext(DbContextOptions<PlatformPostgreSqlContext> options) : PlatformDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        PostgreSqlModel.Apply(modelBuilder, Module);
    }
}

/// <summary>Lets <c>dotnet ef migrations add --context PlatformPostgreSqlContext</c> build the context; it connects to nothing.</summary>
internal sealed class PlatformPostgreSqlContextDesignTimeFactory : IDesignTimeDbContextFactory<PlatformPostgreSqlContext>
{
    public PlatformPostgreSqlContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PlatformPostgreSqlContext>();
        PersistenceRegistration.Configure(builder, DatabaseProvider.PostgreSql, PlatformDbContext.Module, "Host=localhost;Database=design_time");
        return new PlatformPostgreSqlContext(builder.Options);
    }
}
