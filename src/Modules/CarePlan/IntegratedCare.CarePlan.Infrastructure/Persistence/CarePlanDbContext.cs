using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.CarePlan.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IntegratedCare.CarePlan.Infrastructure.Persistence;

/// <summary>One kept version of a plan; <see cref="Position"/> orders every version of every plan by commit.</summary>
internal sealed class CarePlanVersionRow
{
    public long Position { get; set; }

    public Guid CarePlanId { get; set; }

    public long Version { get; set; }

    public DateTimeOffset At { get; set; }

    public required string By { get; set; }

    public required string Why { get; set; }

    /// <summary>The agencies taking part at this version: whom the change feed shows it to.</summary>
    public List<Guid> TeamAgencyIds { get; set; } = [];

    /// <summary>Which stored schema <see cref="Snapshot"/> is written in (see History/StoredPlanV1).</summary>
    public int SchemaVersion { get; set; } = 1;

    public required string Snapshot { get; set; }
}

/// <summary>The CarePlan module's tables, all prefixed <c>careplan_</c>.</summary>
internal class CarePlanDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "careplan";

    public DbSet<IntegratedCarePlan> Plans => Set<IntegratedCarePlan>();

    public DbSet<CarePlanVersionRow> Versions => Set<CarePlanVersionRow>();

    /// <summary>Which agencies take part in which plan, one row each, so listings filter on an index, not a JSON column.</summary>
    public DbSet<TeamAgencyRow> TeamAgencies => Set<TeamAgencyRow>();

    /// <summary>Keeps <see cref="TeamAgencies"/> in step with every plan saved, in the same transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries<IntegratedCarePlan>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList())
        {
            var plan = entry.Entity;
            var stored = entry.State == EntityState.Added ? [] : await TeamAgencies.Where(t => t.CarePlanId == plan.Id).ToListAsync(cancellationToken);
            var wanted = plan.TeamAgencyIds.ToHashSet();
            TeamAgencies.RemoveRange(stored.Where(s => !wanted.Contains(s.AgencyId)));
            TeamAgencies.AddRange(wanted.Where(a => stored.All(s => s.AgencyId != a)).Select(a => new TeamAgencyRow { CarePlanId = plan.Id, AgencyId = a }));
        }

        // The change feed reads versions by position: their positions must become visible in commit order.
        if (ChangeTracker.Entries<CarePlanVersionRow>().Any(e => e.State == EntityState.Added))
        {
            await CommitOrder.TakeAsync(this, FeedName, cancellationToken);
        }

        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The care plan change feed, whose appends commit in position order (docs/adr/0009).</summary>
    public const string FeedName = "careplan-versions";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IntegratedCarePlan>(e =>
        {
            e.ToTable("careplan_plans");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasConversion(id => id.Value, v => new CarePlanId(v));
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.LeadCaseManager).HasMaxLength(200);
            e.Property(x => x.ExitReason).HasMaxLength(1000);
            e.Property(x => x.Jurisdiction).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Goals);
            e.Ignore(x => x.Actions);
            e.Ignore(x => x.Team);
            e.Ignore(x => x.Variances);
            e.Ignore(x => x.Reviews);
            e.Ignore(x => x.Stages);
            e.Ignore(x => x.OutcomeProfiles);
            e.Ignore(x => x.Stage);
            e.Ignore(x => x.TeamAgencyIds);
            e.Ignore(x => x.IsOpen);
            e.Ignore(x => x.DomainEvents);
            e.ComplexProperty(x => x.Participation, c =>
            {
                c.Property(p => p.TookPart).HasColumnName("TookPart");
                c.Property(p => p.AgreedOn).HasColumnName("AgreedOn");
                c.Property(p => p.CopyReceivedOn).HasColumnName("CopyReceivedOn");
                c.Property(p => p.OwnWords).HasColumnName("OwnWords").HasMaxLength(2000);
            });
            Json<Goal>(e, "_goals", "Goals");
            Json<PlanAction>(e, "_actions", "Actions");
            Json<TeamMember>(e, "_team", "Team");
            Json<Variance>(e, "_variances", "Variances");
            Json<Review>(e, "_reviews", "Reviews");
            Json<StageEntry>(e, "_stages", "Stages");
            Json<TreatmentOutcomesProfile>(e, "_outcomeProfiles", "OutcomeProfiles");
            e.PrimitiveCollection<List<Guid>>("_teamAgencyIds").HasColumnName("TeamAgencyIds").IsRequired();
            e.HasIndex(x => x.ServiceUserId, "IX_careplan_plans_ServiceUserId");

            // One open plan per person: a new episode starts only when the last one closed.
            e.HasIndex(x => x.ServiceUserId, "IX_careplan_plans_open").IsUnique().HasFilter("\"Status\" IN ('Draft', 'Active', 'OnHold')");
            // The overdue-actions sweep's seek: open plans with an action not yet noted, in due order.
            e.HasIndex(x => x.NextActionDue, "IX_careplan_plans_action_due")
                .HasFilter("\"NextActionDue\" IS NOT NULL AND \"Status\" IN ('Draft', 'Active', 'OnHold')");
            e.HasIndex(x => new { x.LeadAgencyId, x.NextReviewDue });
        });

        modelBuilder.Entity<TeamAgencyRow>(e =>
        {
            e.ToTable("careplan_team_agencies");
            e.HasKey(x => new { x.CarePlanId, x.AgencyId });
            e.Property(x => x.CarePlanId).HasConversion(id => id.Value, v => new CarePlanId(v));
            e.HasIndex(x => x.AgencyId);
        });

        modelBuilder.Entity<CarePlanVersionRow>(e =>
        {
            e.ToTable("careplan_versions");
            e.HasKey(x => x.Position);
            e.Property(x => x.Position).ValueGeneratedOnAdd();
            e.Property(x => x.By).HasMaxLength(200);
            e.Property(x => x.Why).HasMaxLength(500);
            e.PrimitiveCollection(x => x.TeamAgencyIds).IsRequired();
            e.Property(x => x.SchemaVersion).HasDefaultValue(1);
            e.HasIndex(x => new { x.CarePlanId, x.At });
        });
    }

    private static void Json<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<IntegratedCarePlan> e, string field, string column) =>
        e.Property<List<T>>(field).HasColumnName(column).HasConversion(JsonColumn.Converter<T>(), JsonColumn.Comparer<T>());
}

/// <summary>One agency taking part in one plan (the lead, or a team member).</summary>
internal sealed class TeamAgencyRow
{
    public required CarePlanId CarePlanId { get; init; }

    public Guid AgencyId { get; init; }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class CarePlanDesignTimeFactory : IDesignTimeDbContextFactory<CarePlanDbContext>
{
    public CarePlanDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<CarePlanDbContext>();
        PersistenceRegistration.Configure(builder, "Data Source=design-time.db", CarePlanDbContext.Module);
        return new CarePlanDbContext(builder.Options);
    }
}
