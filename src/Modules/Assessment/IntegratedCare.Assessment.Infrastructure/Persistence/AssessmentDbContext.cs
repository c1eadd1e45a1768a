using IntegratedCare.Assessment.Domain.Assessments;
using IntegratedCare.Assessment.Domain.ServiceUsers;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IntegratedCare.Assessment.Infrastructure.Persistence;

/// <summary>The Assessment module's tables, all prefixed <c>assessment_</c>.</summary>
internal class AssessmentDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "assessment";

    public DbSet<ServiceUser> ServiceUsers => Set<ServiceUser>();

    public DbSet<SingleSharedAssessment> Assessments => Set<SingleSharedAssessment>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ServiceUser>(e =>
        {
            e.ToTable("assessment_service_users");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasConversion(id => id.Value, v => new ServiceUserId(v));
            e.Property(x => x.RegisteredBy).HasMaxLength(200);
            e.Property(x => x.SexOrGender).HasMaxLength(50);
            e.Property(x => x.PreferredLanguage).HasMaxLength(50);
            e.Property(x => x.Chi).HasMaxLength(10);
            e.Property(x => x.Nhs).HasMaxLength(10);
            e.Property(x => x.Pps).HasMaxLength(9);
            e.Property(x => x.FamilyNameKey).HasMaxLength(100);
            e.Property(x => x.FamilyNameSoundex).HasMaxLength(4);
            e.Property(x => x.GivenNameKey).HasMaxLength(100);
            e.Property(x => x.KnownAsKey).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Identifiers);
            e.Ignore(x => x.DomainEvents);
            e.ComplexProperty(x => x.Name, c =>
            {
                c.Property(p => p.GivenName).HasColumnName("GivenName").HasMaxLength(100);
                c.Property(p => p.FamilyName).HasColumnName("FamilyName").HasMaxLength(100);
                c.Property(p => p.OtherNames).HasColumnName("OtherNames").HasMaxLength(200);
                c.Property(p => p.KnownAs).HasColumnName("KnownAs").HasMaxLength(100);
            });
            e.ComplexProperty(x => x.Contact, c =>
            {
                c.Property(p => p.Phone).HasColumnName("ContactPhone").HasMaxLength(20);
                c.Property(p => p.Email).HasColumnName("ContactEmail").HasMaxLength(254);
            });
            e.ComplexProperty(x => x.Address, c =>
            {
                c.Property(p => p.Line1).HasColumnName("AddressLine1").HasMaxLength(200);
                c.Property(p => p.Line2).HasColumnName("AddressLine2").HasMaxLength(200);
                c.Property(p => p.Town).HasColumnName("AddressTown").HasMaxLength(100);
                c.Property(p => p.Postcode).HasColumnName("AddressPostcode").HasMaxLength(10);
            });

            // One person per identifier, enforced by the database as well as the handler.
            e.HasIndex(x => x.Chi).IsUnique().HasFilter("\"Chi\" IS NOT NULL");
            e.HasIndex(x => x.Nhs).IsUnique().HasFilter("\"Nhs\" IS NOT NULL");
            e.HasIndex(x => x.Pps).IsUnique().HasFilter("\"Pps\" IS NOT NULL");
            e.HasIndex(x => x.FamilyNameSoundex);
            e.HasIndex(x => x.FamilyNameKey);
            e.HasIndex(x => x.GivenNameKey);
            e.HasIndex(x => x.KnownAsKey);
            e.Property(x => x.PhoneKey).HasMaxLength(20);
            e.Property(x => x.EmailKey).HasMaxLength(254);
            e.HasIndex(x => x.PhoneKey);
            e.HasIndex(x => x.EmailKey);
            e.HasIndex(x => x.DateOfBirth);
        });

        modelBuilder.Entity<SingleSharedAssessment>(e =>
        {
            e.ToTable("assessment_assessments");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasConversion(id => id.Value, v => new AssessmentId(v));
            e.Property(x => x.Supersedes).HasConversion(id => id!.Value, v => new AssessmentId(v));
            e.Property(x => x.SupersededBy).HasConversion(id => id!.Value, v => new AssessmentId(v));
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.StartedBy).HasMaxLength(200);
            e.Property(x => x.CompletedBy).HasMaxLength(200);
            e.Property(x => x.AssessorName).HasMaxLength(200);
            e.Property(x => x.AssessorRole).HasMaxLength(100);
            e.Property(x => x.TierRationale).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Findings);
            e.Ignore(x => x.RiskFlags);
            e.Ignore(x => x.Outstanding);
            e.Ignore(x => x.IsReassessment);
            e.Ignore(x => x.DomainEvents);
            e.Property<List<DomainFinding>>("_findings").HasColumnName("Findings")
                .HasConversion(JsonColumn.Converter<DomainFinding>(), JsonColumn.Comparer<DomainFinding>());
            e.Property<List<RiskFlagEntry>>("_riskFlags").HasColumnName("RiskFlags")
                .HasConversion(JsonColumn.Converter<RiskFlagEntry>(), JsonColumn.Comparer<RiskFlagEntry>());
            e.HasIndex(x => x.ServiceUserId, "IX_assessment_assessments_ServiceUserId");

            // One assessment in progress per person, enforced by the database as well as the handler.
            e.HasIndex(x => x.ServiceUserId, "IX_assessment_assessments_in_progress").IsUnique().HasFilter("\"Status\" = 'InProgress'");
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class AssessmentDesignTimeFactory : IDesignTimeDbContextFactory<AssessmentDbContext>
{
    public AssessmentDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AssessmentDbContext>();
        PersistenceRegistration.Configure(builder, "Data Source=design-time.db", AssessmentDbContext.Module);
        return new AssessmentDbContext(builder.Options);
    }
}
