using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.PutCarePlanOnHold;

/// <summary>Pauses an active plan; activating it again resumes it.</summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record PutCarePlanOnHoldCommand(string CarePlanId, long ExpectedVersion, string Reason) : ICommand<CarePlanDto>;

internal sealed class PutCarePlanOnHoldValidator : AbstractValidator<PutCarePlanOnHoldCommand>
{
    public PutCarePlanOnHoldValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.Reason).RequiredText(500);
    }
}

internal sealed class PutCarePlanOnHoldHandler(PlanChanges changes) : IRequestHandler<PutCarePlanOnHoldCommand, CarePlanDto>
{
    public Task<CarePlanDto> Handle(PutCarePlanOnHoldCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, $"Plan put on hold: {r.Reason.Trim()}", (plan, now) => plan.PutOnHold(r.ExpectedVersion, now), ct);
}
