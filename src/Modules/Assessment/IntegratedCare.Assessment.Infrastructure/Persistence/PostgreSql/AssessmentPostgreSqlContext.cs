using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IntegratedCare.Assessment.Infrastructure.Persistence.PostgreSql;

/// <summary>The same model on PostgreSQL, with migrations of its own (see <see cref="PostgreSqlModel"/>).</summary>
internal sealed class AssessmentPostgreSqlContext(DbContextOptions<AssessmentPostgreSqlContext> options) : AssessmentDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        PostgreSqlModel.Apply(modelBuilder, Module);
    }
}

/// <summary>Lets <c>dotnet ef migrations add --context AssessmentPostgreSqlContext</c> build the context; it connects to nothing.</summary>
internal sealed class AssessmentPostgreSqlContextDesignTimeFactory : IDesignTimeDbContextFactory<AssessmentPostgreSqlContext>
{
    public AssessmentPostgreSqlContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AssessmentPostgreSqlContext>();
        PersistenceRegistration.Configure(builder, DatabaseProvider.PostgreSql, AssessmentDbContext.Module, "Host=localhost;Database=design_time");
        return new AssessmentPostgreSqlContext(builder.Options);
    }
}
