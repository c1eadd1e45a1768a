using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IntegratedCare.CarePlan.Infrastructure.Persistence.PostgreSql;

/// <summary>The same model on PostgreSQL, with migrations of its own (see <see cref="PostgreSqlModel"/>).</summary>
internal sealed class CarePlanPostgreSqlContext(DbContextOptions<CarePlanPostgreSqlContext> options) : CarePlanDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        PostgreSqlModel.Apply(modelBuilder, Module);
    }
}

/// <summary>Lets <c>dotnet ef migrations add --context CarePlanPostgreSqlContext</c> build the context; it connects to nothing.</summary>
internal sealed class CarePlanPostgreSqlContextDesignTimeFactory : IDesignTimeDbContextFactory<CarePlanPostgreSqlContext>
{
    public CarePlanPostgreSqlContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<CarePlanPostgreSqlContext>();
        PersistenceRegistration.Configure(builder, DatabaseProvider.PostgreSql, CarePlanDbContext.Module, "Host=localhost;Database=design_time");
        return new CarePlanPostgreSqlContext(builder.Options);
    }
}
