using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IntegratedCare.GapsAndBlocks.Infrastructure.Persistence.PostgreSql;

/// <summary>The same model on PostgreSQL, with migrations of its own (see <see cref="PostgreSqlModel"/>).</summary>
internal sealed class GapsAndBlocksPostgreSqlContext(DbContextOptions<GapsAndBlocksPostgreSqlContext> options) : GapsAndBlocksDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        PostgreSqlModel.Apply(modelBuilder, Module);
    }
}

/// <summary>Lets <c>dotnet ef migrations add --context GapsAndBlocksPostgreSqlContext</c> build the context; it connects to nothing.</summary>
internal sealed class GapsAndBlocksPostgreSqlContextDesignTimeFactory : IDesignTimeDbContextFactory<GapsAndBlocksPostgreSqlContext>
{
    public GapsAndBlocksPostgreSqlContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<GapsAndBlocksPostgreSqlContext>();
        PersistenceRegistration.Configure(builder, DatabaseProvider.PostgreSql, GapsAndBlocksDbContext.Module, "Host=localhost;Database=design_time");
        return new GapsAndBlocksPostgreSqlContext(builder.Options);
    }
}
