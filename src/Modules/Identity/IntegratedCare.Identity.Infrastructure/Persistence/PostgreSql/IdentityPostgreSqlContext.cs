using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IntegratedCare.Identity.Infrastructure.Persistence.PostgreSql;

/// <summary>The same model on PostgreSQL, with migrations of its own (see <see cref="PostgreSqlModel"/>).</summary>
internal sealed class IdentityPostgreSqlContext(DbContextOptions<IdentityPostgreSqlContext> options) : IdentityDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        PostgreSqlModel.Apply(modelBuilder, Module);
    }
}

/// <summary>Lets <c>dotnet ef migrations add --context IdentityPostgreSqlContext</c> build the context; it connects to nothing.</summary>
internal sealed class IdentityPostgreSqlContextDesignTimeFactory : IDesignTimeDbContextFactory<IdentityPostgreSqlContext>
{
    public IdentityPostgreSqlContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<IdentityPostgreSqlContext>();
        PersistenceRegistration.Configure(builder, DatabaseProvider.PostgreSql, IdentityDbContext.Module, "Host=localhost;Database=design_time");
        return new IdentityPostgreSqlContext(builder.Options);
    }
}
