using System.Text.Json;
using System.Text.Json.Serialization;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.GapsAndBlocks.Domain.Details;
using IntegratedCare.GapsAndBlocks.Domain.Forms;
using IntegratedCare.GapsAndBlocks.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IntegratedCare.GapsAndBlocks.Infrastructure.Persistence;

/// <summary>The GapsAndBlocks module's tables, all prefixed <c>gapsblocks_</c>. Nothing in them identifies a person.</summary>
internal sealed class GapsAndBlocksDbContext(DbContextOptions<GapsAndBlocksDbContext> options) : DbContext(options)
{
    public const string Module = "gapsblocks";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General) { Converters = { new JsonStringEnumConverter() } };

    public DbSet<GapsBlocksForm> Forms => Set<GapsBlocksForm>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<MoreDetail> Details => Set<MoreDetail>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<GapsBlocksForm>(e =>
        {
            e.ToTable("gapsblocks_forms");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasConversion(id => id.Value, v => new FormId(v));
            e.Property(x => x.CaseManagerId).HasMaxLength(200);
            e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.ResolvedAt).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Resolution).HasMaxLength(2000);
            e.Property(x => x.NdricActions).HasMaxLength(2000);
            e.Property(x => x.Content).HasColumnName("Content").HasConversion(
                c => JsonSerializer.Serialize(c, Json),
                s => JsonSerializer.Deserialize<FormContent>(s, Json)!);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Transitions);
            e.Ignore(x => x.Alerts);
            e.Ignore(x => x.Holder);
            e.Ignore(x => x.DeferredTwice);
            e.Ignore(x => x.SubmittedAt);
            e.Ignore(x => x.DomainEvents);
            e.Property<List<Transition>>("_transitions").HasColumnName("Transitions")
                .HasConversion(JsonColumn.Converter<Transition>(), JsonColumn.Comparer<Transition>());
            e.Property<List<OverdueAlert>>("_alerts").HasColumnName("Alerts")
                .HasConversion(JsonColumn.Converter<OverdueAlert>(), JsonColumn.Comparer<OverdueAlert>());
            e.HasIndex(x => x.CaseManagerId);
            e.HasIndex(x => x.AgencyId);
            e.HasIndex(x => new { x.AreaId, x.Stage });
            e.HasIndex(x => x.StageDueAt);
        });

        modelBuilder.Entity<Meeting>(e =>
        {
            e.ToTable("gapsblocks_meetings");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasConversion(id => id.Value, v => new MeetingId(v));
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.ScheduledBy).HasMaxLength(200);
            e.Property(x => x.MinutedBy).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Minutes);
            e.Ignore(x => x.DomainEvents);
            e.Property<List<MinuteItem>>("_minutes").HasColumnName("Minutes")
                .HasConversion(JsonColumn.Converter<MinuteItem>(), JsonColumn.Comparer<MinuteItem>());
            e.HasIndex(x => new { x.Kind, x.AreaId, x.HeldOn });
        });

        // Kept apart from the forms: the only table here that may identify someone, under their consent.
        modelBuilder.Entity<MoreDetail>(e =>
        {
            e.ToTable("gapsblocks_more_detail");
            e.HasKey(x => x.DetailId);
            e.Property(x => x.Question).HasMaxLength(1000);
            e.Property(x => x.AskedBy).HasMaxLength(200);
            e.Property(x => x.Answer).HasMaxLength(4000);
            e.Property(x => x.AnsweredBy).HasMaxLength(200);
            e.HasIndex(x => x.FormId);
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class GapsAndBlocksDesignTimeFactory : IDesignTimeDbContextFactory<GapsAndBlocksDbContext>
{
    public GapsAndBlocksDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<GapsAndBlocksDbContext>();
        PersistenceRegistration.Configure(builder, "Data Source=design-time.db", GapsAndBlocksDbContext.Module);
        return new GapsAndBlocksDbContext(builder.Options);
    }
}

internal sealed class FormRepository(GapsAndBlocksDbContext db) : IFormRepository
{
    public Task<GapsBlocksForm?> FindAsync(FormId id, CancellationToken cancellationToken) =>
        db.Forms.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);

    public async Task<IReadOnlyList<GapsBlocksForm>> ListAsync(FormFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Forms.AsNoTracking();
        if (filter.CaseManagerId is { } author)
        {
            query = query.Where(f => f.CaseManagerId == author);
        }

        if (filter.AgencyId is { } agency)
        {
            query = query.Where(f => f.AgencyId == agency);
        }

        if (filter.AreaId is { } area)
        {
            query = query.Where(f => f.AreaId == area);
        }

        if (filter.Stages is { } stages)
        {
            var wanted = stages.ToList();
            query = query.Where(f => wanted.Contains(f.Stage));
        }

        return await query.OrderByDescending(f => f.CreatedAt).Take(500).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<GapsBlocksForm>> OverdueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        await db.Forms.Where(f => f.StageDueAt != null && f.StageDueAt < now && !f.StageOverdueNoted && f.Stage != FormStage.Closed)
            .Take(limit)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<GapsBlocksForm>> SubmittedAsync(DateTimeOffset from, DateTimeOffset to, Guid? areaId, CancellationToken cancellationToken)
    {
        var notSubmitted = new[] { FormStage.Draft, FormStage.AwaitingEndorsement };
        var forms = await db.Forms.AsNoTracking()
            .Where(f => !notSubmitted.Contains(f.Stage) && f.CreatedAt >= from && f.CreatedAt < to && (areaId == null || f.AreaId == areaId))
            .ToListAsync(cancellationToken);
        return forms.Where(f => f.SubmittedAt is not null).ToList();
    }

    public void Add(GapsBlocksForm form) => db.Forms.Add(form);
}

internal sealed class MeetingRepository(GapsAndBlocksDbContext db) : IMeetingRepository
{
    public Task<Meeting?> FindAsync(MeetingId id, CancellationToken cancellationToken) =>
        db.Meetings.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Meeting>> ListAsync(MeetingKind kind, Guid? areaId, CancellationToken cancellationToken) =>
        await db.Meetings.AsNoTracking()
            .Where(m => m.Kind == kind && (areaId == null || m.AreaId == areaId))
            .OrderByDescending(m => m.HeldOn)
            .Take(200)
            .ToListAsync(cancellationToken);

    public void Add(Meeting meeting) => db.Meetings.Add(meeting);
}

internal sealed class MoreDetailRepository(GapsAndBlocksDbContext db) : IMoreDetailRepository
{
    public Task<MoreDetail?> FindAsync(Guid detailId, CancellationToken cancellationToken) =>
        db.Details.SingleOrDefaultAsync(d => d.DetailId == detailId, cancellationToken);

    public async Task<IReadOnlyList<MoreDetail>> ForFormAsync(Guid formId, CancellationToken cancellationToken) =>
        await db.Details.AsNoTracking().Where(d => d.FormId == formId).OrderBy(d => d.AskedAt).ToListAsync(cancellationToken);

    public void Add(MoreDetail detail) => db.Details.Add(detail);
}
