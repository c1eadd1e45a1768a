using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.CarePlan.Domain.Plans;
using IntegratedCare.Protocols.Contracts;

namespace IntegratedCare.CarePlan.Application.Plans;

// The lead agency's changes to a plan. Each names the version it was made against (stale: ABORTED) and
// is kept in the plan's history with who, when and why.
//
// The assigned agency's answers to its actions: accept (it joins the care team), decline with a coded
// reason (a variance), and progress (its membership ends with its last open action).

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
