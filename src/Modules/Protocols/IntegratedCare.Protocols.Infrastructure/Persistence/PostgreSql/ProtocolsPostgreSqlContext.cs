using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IntegratedCare.Protocols.Infrastructure.Persistence.PostgreSql;

/// <summary>The same model on PostgreSQL, with migrations of its own (see <see cref="PostgreSqlModel"/>).</summary>
internal sealed class ProtocolsPostgreSqlContext(DbContextOptions<ProtocolsPostgreSqlContext> options) : ProtocolsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        PostgreSqlModel.Apply(modelBuilder, Module);
    }
}

/// <summary>Lets <c>dotnet ef migrations add --context ProtocolsPostgreSqlContext</c> build the context; it connects to nothing.</summary>
internal sealed class ProtocolsPostgreSqlContextDesignTimeFactory : IDesignTimeDbContextFactory<ProtocolsPostgreSqlContext>
{
    public ProtocolsPostgreSqlContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<ProtocolsPostgreSqlContext>();
        PersistenceRegistration.Configure(builder, DatabaseProvider.PostgreSql, ProtocolsDbContext.Module, "Host=localhost;Database=design_time");
        return new ProtocolsPostgreSqlContext(builder.Options);
    }
}
