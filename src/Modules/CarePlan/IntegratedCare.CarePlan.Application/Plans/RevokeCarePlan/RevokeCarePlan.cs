using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.RevokeCarePlan;

/// <summary>Withdraws a plan that will not go ahead (or was made in error): it closes with the reason.</summary>
[Authorize(Roles.CaseManager, Roles.LineManager)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record RevokeCarePlanCommand(string CarePlanId, long ExpectedVersion, string Reason, bool EnteredInError) : ICommand<CarePlanDto>;

internal sealed class RevokeCarePlanValidator : AbstractValidator<RevokeCarePlanCommand>
{
    public RevokeCarePlanValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.Reason).RequiredText(1000);
    }
}

internal sealed class RevokeCarePlanHandler(PlanChanges changes) : IRequestHandler<RevokeCarePlanCommand, CarePlanDto>
{
    public Task<CarePlanDto> Handle(RevokeCarePlanCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, r.EnteredInError ? "Plan entered in error" : "Plan revoked", (plan, now) => plan.Revoke(r.ExpectedVersion, r.Reason, r.EnteredInError, now), ct);
}
