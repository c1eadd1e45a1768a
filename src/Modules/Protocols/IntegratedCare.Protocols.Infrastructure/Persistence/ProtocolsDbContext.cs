using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Allocations;
using IntegratedCare.Protocols.Domain.Areas;
using IntegratedCare.Protocols.Domain.Consents;
using IntegratedCare.Protocols.Domain.InterAgency;
using IntegratedCare.Protocols.Domain.Referrals;
using IntegratedCare.Protocols.Domain.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IntegratedCare.Protocols.Infrastructure.Persistence;

/// <summary>The Protocols module's tables, all prefixed <c>protocols_</c>.</summary>
internal class ProtocolsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "protocols";

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Area> Areas => Set<Area>();

    public DbSet<SharingProtocol> SharingProtocols => Set<SharingProtocol>();

    public DbSet<Consent> Consents => Set<Consent>();

    public DbSet<InterAgencyProtocol> InterAgencyProtocols => Set<InterAgencyProtocol>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<AllocationItem> AllocationItems => Set<AllocationItem>();

    public DbSet<AllocationMeeting> AllocationMeetings => Set<AllocationMeeting>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Agency>(e =>
        {
            e.ToTable("protocols_agencies");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasConversion(id => id.Value, v => new AgencyId(v));
            e.Property(x => x.Name).HasMaxLength(200).UseCollation("NOCASE");
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.OrganisationCode).HasMaxLength(20);
            e.Property(x => x.DeactivationReason).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.AreaIds);
            e.Ignore(x => x.DomainEvents);
            e.PrimitiveCollection<List<Guid>>("_areaIds").HasColumnName("AreaIds").IsRequired();
            e.ComplexProperty(x => x.Contact, c =>
            {
                c.Property(p => p.Email).HasColumnName("ContactEmail").HasMaxLength(254);
                c.Property(p => p.Phone).HasColumnName("ContactPhone").HasMaxLength(20);
            });
            e.HasIndex(x => x.Name).IsUnique().HasFilter("\"Status\" = 'Active'");
            e.HasIndex(x => x.Type);
        });

        modelBuilder.Entity<Area>(e =>
        {
            e.ToTable("protocols_areas");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasConversion(id => id.Value, v => new AreaId(v));
            e.Property(x => x.Name).HasMaxLength(200).UseCollation("NOCASE");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.TimeZone).HasMaxLength(40);
            e.Property(x => x.Jurisdiction).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.DomainEvents);
            e.ComplexProperty(x => x.Coordinator, c =>
            {
                c.Property(p => p.StaffId).HasColumnName("CoordinatorStaffId").HasMaxLength(200);
                c.Property(p => p.Name).HasColumnName("CoordinatorName").HasMaxLength(200);
                c.Property(p => p.Email).HasColumnName("CoordinatorEmail").HasMaxLength(254);
                c.Property(p => p.Phone).HasColumnName("CoordinatorPhone").HasMaxLength(20);
            });
            e.HasIndex(x => x.Name).IsUnique();
        });

        modelBuilder.Entity<SharingProtocol>(e =>
        {
            e.ToTable("protocols_sharing_protocols");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasConversion(id => id.Value, v => new SharingProtocolId(v));
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Rules);
            e.Ignore(x => x.Signatories);
            e.Ignore(x => x.DomainEvents);
            e.Property<List<SharingRule>>("_rules").HasColumnName("Rules")
                .HasConversion(JsonColumn.Converter<SharingRule>(), JsonColumn.Comparer<SharingRule>());
            e.PrimitiveCollection<List<Guid>>("_signatories").HasColumnName("Signatories").IsRequired();
            e.HasIndex(x => x.Status);
        });

        modelBuilder.Entity<Consent>(e =>
        {
            e.ToTable("protocols_consents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasConversion(id => id.Value, v => new ConsentId(v));
            e.Property(x => x.RecordingAgencyId).HasConversion(id => id.Value, v => new AgencyId(v));
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.Property(x => x.Method).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.WithdrawalReason).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Provisions);
            e.Ignore(x => x.DomainEvents);
            e.Property<List<ConsentProvision>>("_provisions").HasColumnName("Provisions")
                .HasConversion(JsonColumn.Converter<ConsentProvision>(), JsonColumn.Comparer<ConsentProvision>());
            e.HasIndex(x => x.ServiceUserId);

            // The expiry sweep's seek: active consents with an expiry not yet notified, in expiry order.
            e.HasIndex(x => x.ExpiresAt, "IX_protocols_consents_expiry_due")
                .HasFilter("\"Status\" = 'Active' AND \"ExpiresAt\" IS NOT NULL AND \"ExpiryNotifiedAt\" IS NULL");
        });

        modelBuilder.Entity<InterAgencyProtocol>(e =>
        {
            e.ToTable("protocols_interagency_protocols");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasConversion(id => id.Value, v => new InterAgencyProtocolId(v));
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.ReferralCriteria).HasMaxLength(4000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.PartyTypes);
            e.Ignore(x => x.PartyAgencies);
            e.Ignore(x => x.DomainEvents);
            e.Property<List<AgencyType>>("_partyTypes").HasColumnName("PartyTypes")
                .HasConversion(JsonColumn.Converter<AgencyType>(), JsonColumn.Comparer<AgencyType>());
            e.PrimitiveCollection<List<Guid>>("_partyAgencies").HasColumnName("PartyAgencies").IsRequired();
            e.ComplexProperty(x => x.ResponseTime, c =>
            {
                c.Property(p => p.Amount).HasColumnName("ResponseTimeAmount");
                c.Property(p => p.Unit).HasColumnName("ResponseTimeUnit").HasConversion<string>().HasMaxLength(16);
            });
            e.ComplexProperty(x => x.EscalationContact, c =>
            {
                c.Property(p => p.Role).HasColumnName("EscalationRole").HasMaxLength(200);
                c.Property(p => p.Email).HasColumnName("EscalationEmail").HasMaxLength(254);
                c.Property(p => p.Phone).HasColumnName("EscalationPhone").HasMaxLength(20);
            });
        });

        modelBuilder.Entity<Referral>(e =>
        {
            e.ToTable("protocols_referrals");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasConversion(id => id.Value, v => new ReferralId(v));
            e.Property(x => x.ProtocolId).HasConversion(id => id.Value, v => new InterAgencyProtocolId(v));
            e.Property(x => x.FromAgencyId).HasConversion(id => id.Value, v => new AgencyId(v));
            e.Property(x => x.ToAgencyId).HasConversion(id => id.Value, v => new AgencyId(v));
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.RejectionReason).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.SharedCategories);
            e.Ignore(x => x.IsAwaitingAnswer);
            e.Ignore(x => x.DomainEvents);
            e.Property<List<DataCategory>>("_sharedCategories").HasColumnName("SharedCategories")
                .HasConversion(JsonColumn.Converter<DataCategory>(), JsonColumn.Comparer<DataCategory>());
            e.HasIndex(x => new { x.ToAgencyId, x.Status });
            e.HasIndex(x => new { x.FromAgencyId, x.Status });
            // The deadline sweeps' seeks, in due order: unanswered and not yet flagged; unanswered and flagged.
            e.HasIndex(x => x.DueAt, "IX_protocols_referrals_overdue_due")
                .HasFilter("\"Status\" IN ('Requested', 'Received') AND \"OverdueAt\" IS NULL");
            e.HasIndex(x => x.DueAt, "IX_protocols_referrals_lapsing_due")
                .HasFilter("\"Status\" IN ('Requested', 'Received') AND \"OverdueAt\" IS NOT NULL");
        });

        modelBuilder.Entity<AllocationItem>(e =>
        {
            e.ToTable("protocols_allocation_items");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasConversion(id => id.Value, v => new AllocationItemId(v));
            e.Property(x => x.AreaId).HasConversion(id => id.Value, v => new AreaId(v));
            e.Property(x => x.ReferralId).HasConversion(id => id.Value, v => new ReferralId(v));
            e.Property(x => x.QueuedByAgencyId).HasConversion(id => id.Value, v => new AgencyId(v));
            e.Property(x => x.LeadAgencyId).HasConversion(id => id!.Value, v => new AgencyId(v));
            e.Property(x => x.LastMeetingId).HasConversion(id => id!.Value, v => new AllocationMeetingId(v));
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Property(x => x.LastDeferralReason).HasMaxLength(1000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.ContributingAgencyIds);
            e.Ignore(x => x.DomainEvents);
            e.PrimitiveCollection<List<Guid>>("_contributingAgencyIds").HasColumnName("ContributingAgencyIds").IsRequired();
            e.HasIndex(x => x.ReferralId).IsUnique();
            e.HasIndex(x => new { x.AreaId, x.Status });
        });

        modelBuilder.Entity<AllocationMeeting>(e =>
        {
            e.ToTable("protocols_allocation_meetings");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasConversion(id => id.Value, v => new AllocationMeetingId(v));
            e.Property(x => x.AreaId).HasConversion(id => id.Value, v => new AreaId(v));
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.AttendeeAgencyIds);
            e.Ignore(x => x.DecidedItemIds);
            e.Ignore(x => x.DomainEvents);
            e.PrimitiveCollection<List<Guid>>("_attendeeAgencyIds").HasColumnName("AttendeeAgencyIds").IsRequired();
            e.PrimitiveCollection<List<Guid>>("_decidedItemIds").HasColumnName("DecidedItemIds").IsRequired();
            e.HasIndex(x => x.AreaId);
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class ProtocolsDesignTimeFactory : IDesignTimeDbContextFactory<ProtocolsDbContext>
{
    public ProtocolsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<ProtocolsDbContext>();
        PersistenceRegistration.Configure(builder, "Data Source=design-time.db", ProtocolsDbContext.Module);
        return new ProtocolsDbContext(builder.Options);
    }
}
