namespace IntegratedCare.CarePlan.Domain.Plans;

internal interface ICarePlanRepository
{
    Task<IntegratedCarePlan?> FindAsync(CarePlanId id, CancellationToken cancellationToken);

    /// <summary>Who leads and who is on the team of each of the person's plans: what a care relationship asks, without loading the plans.</summary>
    Task<IReadOnlyList<PlanParticipation>> ParticipationAsync(Guid serviceUserId, CancellationToken cancellationToken);

    /// <summary>The person's plan in draft, active or on hold, if any.</summary>
    Task<IntegratedCarePlan?> OpenForServiceUserAsync(Guid serviceUserId, CancellationToken cancellationToken);

    /// <summary>How many plans (episodes) the person has had.</summary>
    Task<int> EpisodesOfAsync(Guid serviceUserId, CancellationToken cancellationToken);

    /// <summary>A page of the plans an agency takes part in, newest first, and how many the filter matches (in SQL, on indexed columns).</summary>
    Task<(IReadOnlyList<IntegratedCarePlan> Plans, int Total)> PageAsync(PlanListFilter filter, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Open plans with an action due before <paramref name="day"/> not yet noted overdue.</summary>
    Task<IReadOnlyList<IntegratedCarePlan>> WithActionsDueBeforeAsync(DateOnly day, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// A page of the open plans led by the agency (and by one case manager, if named) whose next review was
    /// due before <paramref name="day"/>, the longest overdue first, and how many there are.
    /// </summary>
    Task<(IReadOnlyList<IntegratedCarePlan> Plans, int Total)> ReviewsDueBeforeAsync(
        Guid leadAgencyId, DateOnly day, string? leadCaseManager, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Whether a plan the agency leads holds the variance.</summary>
    Task<bool> LeadsPlanWithVarianceAsync(Guid agencyId, Guid varianceId, CancellationToken cancellationToken);

    /// <summary>The person whose plan, led by the agency, carries the variance; null if none.</summary>
    Task<Guid?> PersonWithVarianceAsync(Guid agencyId, Guid varianceId, CancellationToken cancellationToken);

    /// <summary>Every plan (not entered in error) with a Treatment Outcomes Profile: its lead agency, tier and profiles, for the outcome report.</summary>
    Task<IReadOnlyList<PlanOutcomes>> OutcomesAsync(CancellationToken cancellationToken);

    /// <summary>The actions of these people's plans (not entered in error), for the waiting-time report: whose, by which agency, and their progress.</summary>
    Task<IReadOnlyList<(Guid ServiceUserId, IReadOnlyList<PlanAction> Actions)>> ActionsOfAsync(IReadOnlyCollection<Guid> serviceUserIds, CancellationToken cancellationToken);

    void Add(IntegratedCarePlan plan);
}

/// <summary>What the outcome report counts of one plan: never the person.</summary>
internal sealed record PlanOutcomes(Guid LeadAgencyId, int Tier, IReadOnlyList<TreatmentOutcomesProfile> Profiles);

/// <summary>One plan's lead, status and team, as the care relationship reads them.</summary>
internal sealed record PlanParticipation(Guid LeadAgencyId, CarePlanStatus Status, IReadOnlyList<TeamMember> Team)
{
    public bool IsOpen => IntegratedCarePlan.IsOpenStatus(Status);
}

/// <summary>
/// Which plans a listing shows: those the agency takes part in (leads, or is on the team of); one
/// person's if <paramref name="ServiceUserId"/> is set; only the open plans one case manager leads if
/// <paramref name="LeadCaseManager"/> is set (their caseload).
/// </summary>
internal sealed record PlanListFilter(Guid AgencyId, Guid? ServiceUserId, string? LeadCaseManager);
