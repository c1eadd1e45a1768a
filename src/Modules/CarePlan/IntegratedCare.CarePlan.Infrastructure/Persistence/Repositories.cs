using IntegratedCare.CarePlan.Application;
using IntegratedCare.CarePlan.Application.Plans;
using IntegratedCare.CarePlan.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace IntegratedCare.CarePlan.Infrastructure.Persistence;

internal sealed class CarePlanRepository(CarePlanDbContext db) : ICarePlanRepository
{
    private static readonly CarePlanStatus[] Open = [CarePlanStatus.Draft, CarePlanStatus.Active, CarePlanStatus.OnHold];

    public Task<IntegratedCarePlan?> FindAsync(CarePlanId id, CancellationToken cancellationToken) =>
        db.Plans.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<IReadOnlyList<PlanParticipation>> ParticipationAsync(Guid serviceUserId, CancellationToken cancellationToken) =>
        await db.Plans.AsNoTracking()
            .Where(p => p.ServiceUserId == serviceUserId)
            .Select(p => new PlanParticipation(p.LeadAgencyId, p.Status, EF.Property<List<TeamMember>>(p, "_team")))
            .ToListAsync(cancellationToken);

    public Task<IntegratedCarePlan?> OpenForServiceUserAsync(Guid serviceUserId, CancellationToken cancellationToken) =>
        db.Plans.SingleOrDefaultAsync(p => p.ServiceUserId == serviceUserId && Open.Contains(p.Status), cancellationToken);

    public Task<int> EpisodesOfAsync(Guid serviceUserId, CancellationToken cancellationToken) =>
        db.Plans.CountAsync(p => p.ServiceUserId == serviceUserId, cancellationToken);

    public async Task<(IReadOnlyList<IntegratedCarePlan> Plans, int Total)> PageAsync(PlanListFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        var agency = filter.AgencyId;
        var query = db.Plans.AsNoTracking().Where(p => db.TeamAgencies.Where(t => t.AgencyId == agency).Select(t => t.CarePlanId).Contains(p.Id));
        if (filter.ServiceUserId is { } person)
        {
            query = query.Where(p => p.ServiceUserId == person);
        }

        if (filter.LeadCaseManager is { } caseManager)
        {
            query = query.Where(p => p.LeadCaseManager == caseManager && Open.Contains(p.Status));
        }

        var total = await query.CountAsync(cancellationToken);
        var plans = await query.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return (plans, total);
    }

    public async Task<IReadOnlyList<IntegratedCarePlan>> WithActionsDueBeforeAsync(DateOnly day, int limit, CancellationToken cancellationToken) =>
        await WithActionsDueBefore(db, day, limit).ToListAsync(cancellationToken);

    /// <summary>The overdue-actions sweep's seek: open plans with an action due before the day not yet noted, earliest first (IX_careplan_plans_action_due).</summary>
    internal static IQueryable<IntegratedCarePlan> WithActionsDueBefore(CarePlanDbContext db, DateOnly day, int limit) =>
        db.Plans.Where(p => p.NextActionDue != null && Open.Contains(p.Status) && p.NextActionDue < day).OrderBy(p => p.NextActionDue).Take(limit);

    public async Task<(IReadOnlyList<IntegratedCarePlan> Plans, int Total)> ReviewsDueBeforeAsync(
        Guid leadAgencyId, DateOnly day, string? leadCaseManager, int offset, int limit, CancellationToken cancellationToken)
    {
        var due = db.Plans.AsNoTracking().Where(p => p.LeadAgencyId == leadAgencyId && p.NextReviewDue != null && p.NextReviewDue < day && Open.Contains(p.Status));
        if (leadCaseManager is not null)
        {
            due = due.Where(p => p.LeadCaseManager == leadCaseManager);
        }

        var total = await due.CountAsync(cancellationToken);
        var page = await due.OrderBy(p => p.NextReviewDue).ThenBy(p => p.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return (page, total);
    }

    public async Task<bool> LeadsPlanWithVarianceAsync(Guid agencyId, Guid varianceId, CancellationToken cancellationToken)
    {
        // Variances live in a JSON column: read the agency's plans' variance lists only.
        var lists = await db.Plans.AsNoTracking()
            .Where(p => p.LeadAgencyId == agencyId)
            .Select(p => EF.Property<List<Variance>>(p, "_variances"))
            .ToListAsync(cancellationToken);
        return lists.Any(l => l.Any(v => v.VarianceId == varianceId));
    }

    public async Task<Guid?> PersonWithVarianceAsync(Guid agencyId, Guid varianceId, CancellationToken cancellationToken)
    {
        var plans = await db.Plans.AsNoTracking()
            .Where(p => p.LeadAgencyId == agencyId)
            .Select(p => new { p.ServiceUserId, Variances = EF.Property<List<Variance>>(p, "_variances") })
            .ToListAsync(cancellationToken);
        return plans.FirstOrDefault(p => p.Variances.Any(v => v.VarianceId == varianceId))?.ServiceUserId;
    }

    public async Task<IReadOnlyList<PlanOutcomes>> OutcomesAsync(CancellationToken cancellationToken) =>
        (await db.Plans.AsNoTracking()
            .Where(p => p.Status != CarePlanStatus.EnteredInError && EF.Property<List<TreatmentOutcomesProfile>>(p, "_outcomeProfiles") != NoProfiles)
            .Select(p => new { p.LeadAgencyId, p.RecommendedTier, Profiles = EF.Property<List<TreatmentOutcomesProfile>>(p, "_outcomeProfiles") })
            .ToListAsync(cancellationToken))
        .Select(p => new PlanOutcomes(p.LeadAgencyId, p.RecommendedTier, p.Profiles))
        .ToList();

    public async Task<IReadOnlyList<(Guid ServiceUserId, IReadOnlyList<PlanAction> Actions)>> ActionsOfAsync(IReadOnlyCollection<Guid> serviceUserIds, CancellationToken cancellationToken)
    {
        var found = new List<(Guid, IReadOnlyList<PlanAction>)>();

        // In batches, so a year's referrals never make one statement with thousands of parameters.
        foreach (var batch in serviceUserIds.Distinct().Chunk(500))
        {
            found.AddRange((await db.Plans.AsNoTracking()
                    .Where(p => batch.Contains(p.ServiceUserId) && p.Status != CarePlanStatus.EnteredInError)
                    .Select(p => new { p.ServiceUserId, Actions = EF.Property<List<PlanAction>>(p, "_actions") })
                    .ToListAsync(cancellationToken))
                .Select(p => (p.ServiceUserId, (IReadOnlyList<PlanAction>)p.Actions)));
        }

        return found;
    }

    /// <summary>The column as a plan without profiles stores it (<c>[]</c>): compared in SQL, not loaded.</summary>
    private static readonly List<TreatmentOutcomesProfile> NoProfiles = [];

    public void Add(IntegratedCarePlan plan) => db.Plans.Add(plan);
}

internal sealed class CarePlanHistory(CarePlanDbContext db) : ICarePlanHistory
{
    public void Record(IntegratedCarePlan plan, string by, string why, DateTimeOffset at) =>
        db.Versions.Add(new CarePlanVersionRow
        {
            CarePlanId = plan.Id.Value,
            Version = plan.Version,
            At = at,
            By = by,
            Why = why.Length > 500 ? why[..500] : why,
            TeamAgencyIds = plan.TeamAgencyIds.ToList(),
            SchemaVersion = History.StoredPlanMapping.CurrentSchema,
            Snapshot = History.StoredPlanMapping.Write(CarePlanDto.From(plan, at)),
        });

    public async Task<CarePlanVersionRecord?> AsOfAsync(CarePlanId id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var row = await db.Versions.AsNoTracking()
            .Where(v => v.CarePlanId == id.Value && v.At <= at)
            .OrderByDescending(v => v.Position)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToRecord(row);
    }

    public async Task<(IReadOnlyList<Application.Plans.CarePlanVersionDto> Versions, int Total)> VersionsAsync(CarePlanId id, int offset, int limit, CancellationToken cancellationToken)
    {
        var versions = db.Versions.AsNoTracking().Where(v => v.CarePlanId == id.Value);
        var total = await versions.CountAsync(cancellationToken);
        var page = await versions.OrderBy(v => v.Position).Skip(offset).Take(limit)
            .Select(v => new Application.Plans.CarePlanVersionDto(v.Position, v.Version, v.At, v.By, v.Why))
            .ToListAsync(cancellationToken);
        return (page, total);
    }

    public async Task<IReadOnlyList<CarePlanVersionRecord>> AfterAsync(long position, Guid agencyId, int limit, CancellationToken cancellationToken) =>
        (await db.Versions.AsNoTracking()
            .Where(v => v.Position > position && v.TeamAgencyIds.Contains(agencyId))
            .OrderBy(v => v.Position)
            .Take(limit)
            .ToListAsync(cancellationToken)).Select(ToRecord).ToList();

    public async Task<long> LastPositionAsync(CancellationToken cancellationToken) =>
        await db.Versions.MaxAsync(v => (long?)v.Position, cancellationToken) ?? 0;

    private static CarePlanVersionRecord ToRecord(CarePlanVersionRow row) =>
        new(row.Position, row.CarePlanId, row.Version, row.At, row.By, row.Why, History.StoredPlanMapping.Read(row.SchemaVersion, row.Snapshot));
}
