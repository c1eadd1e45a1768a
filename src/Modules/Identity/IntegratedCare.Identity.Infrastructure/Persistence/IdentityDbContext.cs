using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.Identity.Domain.Credentials;
using IntegratedCare.Identity.Domain.StaffAccounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IntegratedCare.Identity.Infrastructure.Persistence;

/// <summary>The Identity module's tables, all prefixed <c>identity_</c>.</summary>
internal class IdentityDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "identity";

    public DbSet<StaffAccount> StaffAccounts => Set<StaffAccount>();

    public DbSet<AgencyCredential> AgencyCredentials => Set<AgencyCredential>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StaffAccount>(e =>
        {
            e.ToTable("identity_staff_accounts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasConversion(id => id.Value, v => new StaffAccountId(v));
            e.Property(x => x.UserName).HasMaxLength(64);
            e.Property(x => x.NormalizedUserName).HasMaxLength(64);
            e.Property(x => x.DisplayName).HasMaxLength(200);
            e.Property(x => x.AgencyId).HasMaxLength(64);
            e.Ignore(x => x.Roles);
            e.Property<string>("_roles").HasColumnName("Roles").HasMaxLength(400).IsRequired();
            e.Property(x => x.PasswordHash).HasMaxLength(400);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.DomainEvents);
            e.HasIndex(x => x.NormalizedUserName).IsUnique();
        });

        modelBuilder.Entity<AgencyCredential>(e =>
        {
            e.ToTable("identity_agency_credentials");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasConversion(id => id.Value, v => new AgencyCredentialId(v));
            e.Property(x => x.ReplacedBy).HasConversion(id => id!.Value, v => new AgencyCredentialId(v));
            e.Property(x => x.AgencyId).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.IssuedBy).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.DomainEvents);
            e.HasIndex(x => x.AgencyId);
            e.HasIndex(x => x.RevokedAt);
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class IdentityDesignTimeFactory : IDesignTimeDbContextFactory<IdentityDbContext>
{
    public IdentityDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<IdentityDbContext>();
        PersistenceRegistration.Configure(builder, "Data Source=design-time.db", IdentityDbContext.Module);
        return new IdentityDbContext(builder.Options);
    }
}
