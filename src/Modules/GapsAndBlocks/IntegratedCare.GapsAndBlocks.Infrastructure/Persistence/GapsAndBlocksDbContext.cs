using System.Text.Json;
using System.Text.Json.Serialization;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.GapsAndBlocks.Domain.Details;
using IntegratedCare.GapsAndBlocks.Domain.Forms;
using IntegratedCare.GapsAndBlocks.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace IntegratedCare.GapsAndBlocks.Infrastructure.Persistence;

/// <summary>The GapsAndBlocks module's tables, all prefixed <c>gapsblocks_</c>. Nothing in them identifies a person.</summary>
internal class GapsAndBlocksDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "gapsblocks";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General) { Converters = { new JsonStringEnumConverter() } };

    public DbSet<GapsBlocksForm> Forms => Set<GapsBlocksForm>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<MoreDetail> Details => Set<MoreDetail>();

    public DbSet<Domain.Variances.HandedVariance> HandedVariances => Set<Domain.Variances.HandedVariance>();

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
            e.Property(x => x.Category).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            e.Ignore(x => x.DomainEvents);
            e.Property<List<Transition>>("_transitions").HasColumnName("Transitions")
                .HasConversion(JsonColumn.Converter<Transition>(), JsonColumn.Comparer<Transition>());
            e.Property<List<OverdueAlert>>("_alerts").HasColumnName("Alerts")
                .HasConversion(JsonColumn.Converter<OverdueAlert>(), JsonColumn.Comparer<OverdueAlert>());
            e.HasIndex(x => x.CaseManagerId);
            e.HasIndex(x => x.AgencyId);
            e.HasIndex(x => new { x.AreaId, x.Stage });
            // The ladder sweep's seek: only forms still due and not yet alerted, in due order. The filter repeats
            // the sweep's own WHERE terms, which is how SQLite knows the partial index answers it.
            e.HasIndex(x => x.StageDueAt, "IX_gapsblocks_forms_stage_due")
                .HasFilter("\"StageDueAt\" IS NOT NULL AND NOT (\"StageOverdueNoted\") AND \"Stage\" <> 'Closed'");

            // The planning report reads only this index (it covers every column the report counts), never
            // the forms' JSON: the period (and area) it filters on first.
            e.HasIndex(
                x => new { x.CreatedAt, x.AreaId, x.SubmittedAt, x.Category, x.Kind, x.Stage, x.AgencyId, x.ResolvedAt, x.ClosedAt, x.StageDueAt, x.OverdueAlertCount },
                "IX_gapsblocks_forms_report");
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
            e.HasIndex(x => new { x.AskedBy, x.AskedAt });
        });

        modelBuilder.Entity<Domain.Variances.HandedVariance>(e =>
        {
            e.ToTable("gapsblocks_handed_variances");
            e.HasKey(x => x.VarianceId);
            e.Property(x => x.VarianceId).ValueGeneratedNever();
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Reason).HasMaxLength(40);
            e.HasIndex(x => new { x.LeadAgencyId, x.HandedAt });
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

        return await query.OrderByDescending(f => f.CreatedAt).ToListAsync(cancellationToken);
    }

    public async Task<(IReadOnlyList<GapsBlocksForm> Forms, int Total)> PageAsync(FormListing listing, int offset, int limit, CancellationToken cancellationToken)
    {
        var (caseManager, caseManagerAgency) = listing.CaseManager is { } own ? (own.Id, own.AgencyId) : ((string?)null, (Guid?)null);
        var lineManagerAgency = listing.LineManagerAgencyId;
        var coordinatorAreas = listing.CoordinatorAreaIds.ToList();
        var subGroupAreas = listing.SubGroupAreaIds.ToList();
        var subGroupStages = listing.SubGroupStages.ToList();
        var national = listing.National;
        var nationalStages = listing.NationalStages.ToList();
        var query = db.Forms.AsNoTracking().Where(f =>
            (caseManager != null && f.CaseManagerId == caseManager && f.AgencyId == caseManagerAgency)
            || (lineManagerAgency != null && f.AgencyId == lineManagerAgency)
            || (coordinatorAreas.Contains(f.AreaId) && f.SubmittedAt != null)
            || (subGroupAreas.Contains(f.AreaId) && f.ReachedSubGroup && subGroupStages.Contains(f.Stage))
            || (national && nationalStages.Contains(f.Stage)));
        if (listing.AreaId is { } area)
        {
            query = query.Where(f => f.AreaId == area);
        }

        if (!listing.IncludeClosed)
        {
            query = query.Where(f => f.Stage != FormStage.Closed);
        }

        var total = await query.CountAsync(cancellationToken);
        var forms = await query.OrderByDescending(f => f.CreatedAt).ThenBy(f => f.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return (forms, total);
    }

    public async Task<IReadOnlyList<GapsBlocksForm>> OverdueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        await Overdue(db, now, limit).ToListAsync(cancellationToken);

    /// <summary>The ladder sweep's seek: forms past their stage's due date not yet alerted, earliest first (partial index IX_gapsblocks_forms_stage_due).</summary>
    internal static IQueryable<GapsBlocksForm> Overdue(GapsAndBlocksDbContext db, DateTimeOffset now, int limit) =>
        db.Forms.Where(f => f.StageDueAt != null && !f.StageOverdueNoted && f.Stage != FormStage.Closed && f.StageDueAt < now)
            .OrderBy(f => f.StageDueAt)
            .Take(limit);

    public async Task<IReadOnlyList<Guid>> SubmittedOwnersAsync(TallyBy by, FormPeriod period, CancellationToken cancellationToken)
    {
        var submitted = Submitted(period);
        return by == TallyBy.Area
            ? await submitted.Select(f => f.AreaId).Distinct().ToListAsync(cancellationToken)
            : await submitted.Select(f => f.AgencyId).Distinct().ToListAsync(cancellationToken);
    }

    public async Task<FormTallies> TallyAsync(TallyBy by, FormPeriod period, DateTimeOffset now, IReadOnlyDictionary<Guid, string> names, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();

        // Plain SQL that SQLite and PostgreSQL read alike: quoted names, no date functions, ids bound through
        // the model's own mapping of the column (text on SQLite, uuid on PostgreSQL).
        var key = by switch
        {
            TallyBy.Category => "f.\"Category\"",
            TallyBy.Kind => "f.\"Kind\"",
            TallyBy.Stage => "f.\"Stage\"",
            TallyBy.Quarter => "q.label",
            _ when names.Count == 0 => "'Unknown'",
            _ => "COALESCE(n.name, 'Unknown')",
        };
        var join = string.Empty;
        if (by is TallyBy.Area or TallyBy.Agency && names.Count > 0)
        {
            // The names come from another module: a small VALUES table of the ids the period holds.
            var column = by == TallyBy.Area ? nameof(GapsBlocksForm.AreaId) : nameof(GapsBlocksForm.AgencyId);
            var rows = names.Select((pair, i) =>
            {
                AddColumnValue(command, column, $"@id{i}", pair.Key);
                Add(command, $"@name{i}", pair.Value);
                return $"(@id{i}, @name{i})";
            }).ToList();
            join = $"LEFT JOIN (SELECT column1 AS id, column2 AS name FROM (VALUES {string.Join(", ", rows)}) AS v) n ON n.id = f.\"{column}\"";
        }
        else if (by == TallyBy.Quarter)
        {
            // Calendar quarters (UTC) over the period, as a VALUES table of [from, to) in stored ticks.
            var quarters = Quarters(period).Select((q, i) =>
            {
                Add(command, $"@q{i}from", q.From.UtcTicks);
                Add(command, $"@q{i}to", q.To.UtcTicks);
                Add(command, $"@q{i}", q.Label);
                return $"(@q{i}from, @q{i}to, @q{i})";
            }).ToList();
            join = $"JOIN (SELECT column1 AS lo, column2 AS hi, column3 AS label FROM (VALUES {string.Join(", ", quarters)}) AS v) q ON f.\"CreatedAt\" >= q.lo AND f.\"CreatedAt\" < q.hi";
        }

        var area = string.Empty;
        if (period.AreaId is { } areaId)
        {
            AddColumnValue(command, nameof(GapsBlocksForm.AreaId), "@area", areaId);
            area = "AND f.\"AreaId\" = @area";
        }

        var forms = db.Model.FindEntityType(typeof(GapsBlocksForm))!;
        var table = db.GetService<ISqlGenerationHelper>().DelimitIdentifier(forms.GetTableName()!, forms.GetSchema());

        // One pass over the period's forms (materialised once): counts per key, and the median per key and
        // overall from the middle one or two of the resolved forms in order of days taken.
        command.CommandText = $"""
            WITH f AS MATERIALIZED (
                SELECT {key} AS k, f."ResolvedAt" AS resolved_at, f."ClosedAt" - f."SubmittedAt" AS took,
                       CASE WHEN f."OverdueAlertCount" > 0 OR (f."StageDueAt" IS NOT NULL AND f."StageDueAt" < @now) THEN 1 ELSE 0 END AS overdue
                FROM {table} f {join}
                WHERE f."SubmittedAt" IS NOT NULL AND f."CreatedAt" >= @from AND f."CreatedAt" < @to {area}),
            g AS (
                SELECT k, COUNT(*) AS forms, COUNT(resolved_at) AS resolved,
                       SUM(CASE WHEN resolved_at = 'Coordinator' THEN 1 ELSE 0 END) AS c,
                       SUM(CASE WHEN resolved_at = 'SubGroup' THEN 1 ELSE 0 END) AS s,
                       SUM(CASE WHEN resolved_at = 'Ndric' THEN 1 ELSE 0 END) AS n,
                       SUM(overdue) AS o
                FROM f GROUP BY k),
            r AS (
                SELECT k, took, ROW_NUMBER() OVER (PARTITION BY k ORDER BY took) AS i, g.resolved AS m
                FROM f JOIN g USING (k) WHERE resolved_at IS NOT NULL),
            m AS (SELECT k, AVG(took) AS median FROM r WHERE i IN ((m + 1) / 2, (m + 2) / 2) GROUP BY k),
            t AS (SELECT took, ROW_NUMBER() OVER (ORDER BY took) AS i FROM f WHERE resolved_at IS NOT NULL),
            a AS (SELECT CAST(SUM(resolved) AS INTEGER) AS m FROM g),
            tm AS (SELECT AVG(took) AS median FROM t, a WHERE t.i IN ((a.m + 1) / 2, (a.m + 2) / 2))
            SELECT g.k, g.forms, g.resolved, g.c, g.s, g.n, g.o, m.median, (SELECT median FROM tm) AS total_median
            FROM g LEFT JOIN m ON m.k IS NOT DISTINCT FROM g.k
            """;
        Add(command, "@from", period.From.UtcTicks);
        Add(command, "@to", period.To.UtcTicks);
        Add(command, "@now", now.UtcTicks);
        var tallies = new List<FormTally>();
        double? totalMedian = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tallies.Add(new FormTally(
                    reader.IsDBNull(0) ? "Unknown" : reader.GetString(0),
                    Whole(reader, 1), Whole(reader, 2), Whole(reader, 3), Whole(reader, 4), Whole(reader, 5), Whole(reader, 6),
                    reader.IsDBNull(7) ? null : Days(Convert.ToDouble(reader.GetValue(7)))));
                totalMedian = reader.IsDBNull(8) ? null : Days(Convert.ToDouble(reader.GetValue(8)));
            }
        }

        var total = new FormTally(
            "Total", tallies.Sum(t => t.Forms), tallies.Sum(t => t.Resolved), tallies.Sum(t => t.ByCoordinator), tallies.Sum(t => t.BySubGroup),
            tallies.Sum(t => t.ByNdric), tallies.Sum(t => t.Overdue), totalMedian);
        return new FormTallies(tallies, total);

        static double Days(double ticks) => ticks / TimeSpan.TicksPerDay;
        static int Whole(System.Data.Common.DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : Convert.ToInt32(reader.GetValue(ordinal));
    }

    /// <summary>The calendar quarters (UTC) that meet the period, labelled as the report shows them: "2026-Q3".</summary>
    private static IEnumerable<(DateTimeOffset From, DateTimeOffset To, string Label)> Quarters(FormPeriod period)
    {
        var from = period.From.ToUniversalTime();
        var start = new DateTimeOffset(from.Year, ((from.Month - 1) / 3 * 3) + 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var q = start; q < period.To; q = q.AddMonths(3))
        {
            yield return (q, q.AddMonths(3), $"{q.Year}-Q{((q.Month - 1) / 3) + 1}");
        }
    }

    /// <summary>A parameter for a value of one of the forms' columns, converted as EF stores that column.</summary>
    private void AddColumnValue(System.Data.Common.DbCommand command, string property, string name, object value)
    {
        var column = db.Model.FindEntityType(typeof(GapsBlocksForm))!.FindProperty(property)!;
        var mapping = (RelationalTypeMapping)column.GetTypeMapping();
        var parameter = mapping.CreateParameter(command, name, null, column.IsNullable);
        parameter.Value = mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        command.Parameters.Add(parameter);
    }

    private static void Add(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private IQueryable<GapsBlocksForm> Submitted(FormPeriod period) =>
        db.Forms.AsNoTracking().Where(f => f.SubmittedAt != null && f.CreatedAt >= period.From && f.CreatedAt < period.To && (period.AreaId == null || f.AreaId == period.AreaId));

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

    public async Task<(IReadOnlyList<MoreDetail> Details, int Total)> ForFormAsync(Guid formId, int offset, int limit, CancellationToken cancellationToken)
    {
        var asked = db.Details.AsNoTracking().Where(d => d.FormId == formId);
        var total = await asked.CountAsync(cancellationToken);
        var page = await asked.OrderBy(d => d.AskedAt).ThenBy(d => d.DetailId).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return (page, total);
    }

    public async Task<(IReadOnlyList<MoreDetail> Details, int Total)> AskedAsync(
        string? askedBy, (string CaseManagerId, Guid AgencyId)? formAuthor, bool includeAnswered, int offset, int limit, CancellationToken cancellationToken)
    {
        var asked = db.Details.AsNoTracking();
        if (askedBy is not null)
        {
            asked = asked.Where(d => d.AskedBy == askedBy);
        }

        if (formAuthor is { } author)
        {
            // A case manager's own forms are few (the index on CaseManagerId finds them); their ids then filter the questions.
            var forms = (await db.Forms.AsNoTracking().Where(f => f.CaseManagerId == author.CaseManagerId && f.AgencyId == author.AgencyId)
                .Select(f => f.Id).ToListAsync(cancellationToken)).Select(id => id.Value).ToList();
            asked = asked.Where(d => forms.Contains(d.FormId));
        }

        if (!includeAnswered)
        {
            asked = asked.Where(d => d.AnsweredAt == null);
        }

        var total = await asked.CountAsync(cancellationToken);
        var page = await asked.OrderBy(d => d.AskedAt).ThenBy(d => d.DetailId).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return (page, total);
    }

    public void Add(MoreDetail detail) => db.Details.Add(detail);
}

internal sealed class HandedVarianceRepository(GapsAndBlocksDbContext db) : Domain.Variances.IHandedVarianceRepository
{
    public Task<Domain.Variances.HandedVariance?> FindAsync(Guid varianceId, CancellationToken cancellationToken) =>
        db.HandedVariances.SingleOrDefaultAsync(v => v.VarianceId == varianceId, cancellationToken);

    public async Task<(IReadOnlyList<Domain.Variances.HandedVariance> Variances, int Total)> ForAgencyAsync(
        Guid leadAgencyId, bool includeRaised, int offset, int limit, CancellationToken cancellationToken)
    {
        var handed = db.HandedVariances.AsNoTracking().Where(v => v.LeadAgencyId == leadAgencyId && (includeRaised || v.FormId == null));
        var total = await handed.CountAsync(cancellationToken);
        var page = await handed.OrderBy(v => v.HandedAt).ThenBy(v => v.VarianceId).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return (page, total);
    }

    public void Add(Domain.Variances.HandedVariance variance) => db.HandedVariances.Add(variance);
}
