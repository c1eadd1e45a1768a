using IntegratedCare.BuildingBlocks.Application.Calendar;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.ActivateCarePlan;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record ActivateCarePlanCommand(string CarePlanId, long ExpectedVersion) : ICommand<CarePlanDto>;

internal sealed class ActivateCarePlanValidator : AbstractValidator<ActivateCarePlanCommand>
{
    public ActivateCarePlanValidator() => PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
}

internal sealed class ActivateCarePlanHandler(PlanChanges changes, IWorkingCalendars calendars) : IRequestHandler<ActivateCarePlanCommand, CarePlanDto>
{
    public Task<CarePlanDto> Handle(ActivateCarePlanCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, "Plan activated with the person's agreement", (plan, now) => plan.Activate(r.ExpectedVersion, calendars.For(plan.Jurisdiction).Today(now), now), ct);
}
