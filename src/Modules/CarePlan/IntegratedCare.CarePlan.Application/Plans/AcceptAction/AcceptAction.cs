using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.AcceptAction;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan-action")]
public sealed record AcceptActionCommand(string CarePlanId, long ExpectedVersion, string ActionId, string AssignedWorker) : ICommand<CarePlanDto>;

internal sealed class AcceptActionValidator : AbstractValidator<AcceptActionCommand>
{
    public AcceptActionValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.ActionId).MustBeId();
        RuleFor(x => x.AssignedWorker).RequiredText(200);
    }
}

internal sealed class AcceptActionHandler(PlanChanges changes, ICurrentActor currentActor) : IRequestHandler<AcceptActionCommand, CarePlanDto>
{
    public Task<CarePlanDto> Handle(AcceptActionCommand r, CancellationToken ct) =>
        changes.ByTeamAsync(r.CarePlanId, $"Action {r.ActionId} accepted", (plan, agency, now) =>
            plan.AcceptAction(r.ExpectedVersion, Guid.Parse(r.ActionId), agency, r.AssignedWorker, currentActor.Required.Id, now), ct);
}
