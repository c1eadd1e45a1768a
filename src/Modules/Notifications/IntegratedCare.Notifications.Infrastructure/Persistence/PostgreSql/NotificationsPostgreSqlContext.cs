using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IntegratedCare.Notifications.Infrastructure.Persistence.PostgreSql;

/// <summary>The same model on PostgreSQL, with migrations of its own (see <see cref="PostgreSqlModel"/>).</summary>
internal sealed class NotificationsPostgreSqlContext(DbContextOptions<NotificationsPostgreSqlContext> options) : NotificationsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        PostgreSqlModel.Apply(modelBuilder, Module);
    }
}

/// <summary>Lets <c>dotnet ef migrations add --context NotificationsPostgreSqlContext</c> build the context; it connects to nothing.</summary>
internal sealed class NotificationsPostgreSqlContextDesignTimeFactory : IDesignTimeDbContextFactory<NotificationsPostgreSqlContext>
{
    public NotificationsPostgreSqlContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<NotificationsPostgreSqlContext>();
        PersistenceRegistration.Configure(builder, DatabaseProvider.PostgreSql, NotificationsDbContext.Module, "Host=localhost;Database=design_time");
        return new NotificationsPostgreSqlContext(builder.Options);
    }
}
