using IntegratedCare.BuildingBlocks.Application.Calendar;
using IntegratedCare.BuildingBlocks.Domain.Calendar;
using IntegratedCare.Assessment.Contracts;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.ProposeCarePlan;

[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Create, "care-plan")]
public sealed record ProposeCarePlanCommand(AssessmentCompletedIntegrationEvent Assessment) : ICommand<string>;

internal sealed class ProposeCarePlanHandler(
    ICarePlanRepository plans,
    IMediator mediator,
    ICarePlanHistory history,
    IAuditScope audit,
    IUnitOfWork unitOfWork,
    CarePlanFeedSignal signal,
    IWorkingCalendars calendars,
    TimeProvider clock) : IRequestHandler<ProposeCarePlanCommand, string>
{
    public async Task<string> Handle(ProposeCarePlanCommand request, CancellationToken cancellationToken)
    {
        var completed = request.Assessment;
        audit.ServiceUser(completed.ServiceUserId.ToString("D"));
        var needing = completed.Domains
            .Where(d => d.Need is "Moderate" or "High" && Enum.TryParse<NeedDomain>(d.Domain, out _))
            .Select(d => Enum.Parse<NeedDomain>(d.Domain))
            .ToList();
        var now = clock.GetUtcNow();
        var plan = await plans.OpenForServiceUserAsync(completed.ServiceUserId, cancellationToken);
        string why;
        if (plan is null)
        {
            var episode = await plans.EpisodesOfAsync(completed.ServiceUserId, cancellationToken) + 1;
            plan = IntegratedCarePlan.Propose(
                completed.ServiceUserId, episode, completed.AssessmentId, completed.LeadAgencyId, completed.CompletedBy, completed.RecommendedTier, needing, now,
                await CalendarOfAsync(completed.LeadAgencyId, cancellationToken));
            plans.Add(plan);
            why = $"Proposed from assessment {completed.AssessmentId:D}";
        }
        else
        {
            plan.ProposeGoalsFromReassessment(completed.AssessmentId, completed.RecommendedTier, needing, now);
            why = $"Goals proposed from reassessment {completed.AssessmentId:D}";
        }

        audit.Resource(plan.Id.ToString());
        history.Record(plan, "system:careplan", why, now);
        unitOfWork.AfterCommit(signal.Pulse);
        return plan.Id.ToString();
    }

    /// <summary>Due dates are counted in the lead agency's (first) area's jurisdiction; the national calendar's if it has none.</summary>
    private async Task<Jurisdiction> CalendarOfAsync(Guid leadAgencyId, CancellationToken cancellationToken)
    {
        var agency = await mediator.Send(new Protocols.Contracts.AgencyProfileQuery(leadAgencyId.ToString("D")), cancellationToken);
        var area = agency is { AreaIds.Count: > 0 }
            ? await mediator.Send(new Protocols.Contracts.AreaProfileQuery(agency.AreaIds[0].ToString("D")), cancellationToken)
            : null;
        return area?.Jurisdiction ?? calendars.National.Jurisdiction;
    }
}
