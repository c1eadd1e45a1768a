using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.CarePlan.Domain.Plans;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.CarePlan.Application;

/// <summary>
/// Who may see a plan, and how much of it. An agency that takes no part in a plan is told it does not
/// exist (NOT_FOUND). The lead agency sees it all; another team agency needs the sharing decision's
/// "care-plan" permit, and sees the goals, progress and scores of a need domain only under that domain's
/// category. Its own actions it always sees: it must deliver them.
/// </summary>
internal sealed class PlanAccess(RequestSharingDecisions decisions, IAuditScope audit, TimeProvider clock)
{
    public void EnsureTakesPart(Guid carePlanId, IReadOnlyList<Guid> teamAgencyIds, AgencyProfile caller)
    {
        if (!teamAgencyIds.Contains(caller.AgencyId))
        {
            throw new NotFoundException("Care plan", carePlanId.ToString("D"));
        }
    }

    public async Task<CarePlanDto> ViewAsync(CarePlanDto plan, AgencyProfile caller, CancellationToken cancellationToken)
    {
        var planId = Guid.Parse(plan.CarePlanId);
        EnsureTakesPart(planId, plan.TeamAgencyIds, caller);
        audit.ServiceUser(plan.ServiceUserId);
        if (plan.LeadAgencyId == caller.AgencyId.ToString("D"))
        {
            audit.Basis("own-record");
            return plan;
        }

        var serviceUserId = Guid.Parse(plan.ServiceUserId);
        var whole = await DecideAsync(serviceUserId, caller.AgencyId, DataCategories.CarePlan, cancellationToken);
        if (!whole.Permitted)
        {
            audit.Basis(whole.Basis);
            throw new ForbiddenException($"The sharing decision does not let agency {caller.AgencyId} see this person's care plan: {whole.Reason}");
        }

        var withheld = new HashSet<NeedDomain>();
        foreach (var domain in plan.Goals.Select(g => g.Domain).Concat(plan.Reviews.SelectMany(r => r.OutcomeScores.Select(s => s.Domain))).Distinct())
        {
            if (!(await DecideAsync(serviceUserId, caller.AgencyId, Categories.Of(domain), cancellationToken)).Permitted)
            {
                withheld.Add(domain);
            }
        }

        audit.Basis(whole.Basis);
        var hiddenGoals = plan.Goals.Where(g => withheld.Contains(g.Domain)).Select(g => g.GoalId).ToHashSet();
        var actions = plan.Actions.Where(a => a.AgencyId == caller.AgencyId || a.GoalId is not { } goal || !hiddenGoals.Contains(goal)).ToList();
        var visibleActions = actions.Select(a => a.ActionId).ToHashSet();
        return plan with
        {
            Goals = plan.Goals.Where(g => !hiddenGoals.Contains(g.GoalId)).ToList(),
            Actions = actions,
            Variances = plan.Variances.Where(v => v.ActionId is { } action ? visibleActions.Contains(action) : v.AgencyId == caller.AgencyId).ToList(),
            Reviews = plan.Reviews.Select(r => r with
            {
                GoalProgress = r.GoalProgress.Where(p => !hiddenGoals.Contains(p.GoalId)).ToList(),
                OutcomeScores = r.OutcomeScores.Where(s => !withheld.Contains(s.Domain)).ToList(),
            }).ToList(),
            WithheldDomains = withheld.Order().ToList(),
        };
    }

    public CarePlanDto Current(IntegratedCarePlan plan) => CarePlanDto.From(plan, clock.GetUtcNow());

    private Task<MaySeeResult> DecideAsync(Guid serviceUserId, Guid agencyId, string category, CancellationToken cancellationToken) =>
        decisions.DecideAsync(serviceUserId, agencyId, category, cancellationToken);
}

internal static class Categories
{
    public static string Of(NeedDomain domain) => DataCategories.ForNeedDomain(domain.ToString());
}

/// <summary>Wakes change-feed followers when a plan change commits.</summary>
public sealed class CarePlanFeedSignal
{
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Changed => Volatile.Read(ref _changed).Task;

    public void Pulse() => Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}

/// <summary>
/// What every change to a plan does around the change itself: find the plan (NOT_FOUND for an agency
/// taking no part), check who may make it, keep the new version with who, when and why, and wake the feed.
/// </summary>
internal sealed class PlanChanges(
    ICarePlanRepository plans,
    ICarePlanHistory history,
    RequestCallerAgency caller, ICurrentActor currentActor,
    PlanAccess access,
    IAuditScope audit,
    IUnitOfWork unitOfWork,
    CarePlanFeedSignal signal,
    TimeProvider clock)
{
    /// <summary>A change only the lead agency makes (its case managers, line managers or system).</summary>
    public Task<CarePlanDto> ByLeadAsync(string carePlanId, string why, Action<IntegratedCarePlan, DateTimeOffset> change, CancellationToken cancellationToken) =>
        ApplyAsync(carePlanId, why, leadOnly: true, (plan, _, now) => change(plan, now), cancellationToken);

    /// <summary>A change any agency taking part may make; the domain checks it is that agency's to make.</summary>
    public Task<CarePlanDto> ByTeamAsync(string carePlanId, string why, Action<IntegratedCarePlan, Guid, DateTimeOffset> change, CancellationToken cancellationToken) =>
        ApplyAsync(carePlanId, why, leadOnly: false, change, cancellationToken);

    private async Task<CarePlanDto> ApplyAsync(
        string carePlanId, string why, bool leadOnly, Action<IntegratedCarePlan, Guid, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        var agency = await caller.RequireActiveAsync(cancellationToken);
        var id = new CarePlanId(Guid.Parse(carePlanId));
        audit.Resource(id.ToString());
        var plan = await plans.FindAsync(id, cancellationToken) ?? throw new NotFoundException("Care plan", id.ToString());
        access.EnsureTakesPart(id.Value, plan.TeamAgencyIds, agency);
        if (leadOnly && plan.LeadAgencyId != agency.AgencyId)
        {
            throw new ForbiddenException("Only the lead agency changes this part of the plan.");
        }

        var now = clock.GetUtcNow();
        change(plan, agency.AgencyId, now);
        history.Record(plan, currentActor.Required.Id, why, now);
        unitOfWork.AfterCommit(signal.Pulse);
        return await access.ViewAsync(CarePlanDto.From(plan, now), agency, cancellationToken);
    }
}
