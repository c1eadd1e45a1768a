using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.DeclineAction;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan-action")]
public sealed record DeclineActionCommand(string CarePlanId, long ExpectedVersion, string ActionId, VarianceReason? Reason, string Note) : ICommand<CarePlanDto>;

internal sealed class DeclineActionValidator : AbstractValidator<DeclineActionCommand>
{
    public DeclineActionValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.ActionId).MustBeId();
        RuleFor(x => x.Reason).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known variance reason");
        RuleFor(x => x.Note).OptionalText(1000);
    }
}

internal sealed class DeclineActionHandler(PlanChanges changes, ICurrentActor currentActor) : IRequestHandler<DeclineActionCommand, CarePlanDto>
{
    public Task<CarePlanDto> Handle(DeclineActionCommand r, CancellationToken ct) =>
        changes.ByTeamAsync(r.CarePlanId, $"Action {r.ActionId} declined ({r.Reason})", (plan, agency, now) =>
            plan.DeclineAction(r.ExpectedVersion, Guid.Parse(r.ActionId), agency, r.Reason!.Value, r.Note ?? string.Empty, currentActor.Required.Id, now), ct);
}
