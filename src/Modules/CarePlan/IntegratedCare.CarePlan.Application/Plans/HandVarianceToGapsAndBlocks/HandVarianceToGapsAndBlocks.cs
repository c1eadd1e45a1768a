using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.HandVarianceToGapsAndBlocks;

[Authorize(Roles.CaseManager, Roles.LineManager)]
[Audit(AuditAction.Execute, "care-plan")]
public sealed record HandVarianceToGapsAndBlocksCommand(string CarePlanId, long ExpectedVersion, string VarianceId) : ICommand<CarePlanDto>;

internal sealed class HandVarianceValidator : AbstractValidator<HandVarianceToGapsAndBlocksCommand>
{
    public HandVarianceValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.VarianceId).MustBeId();
    }
}

internal sealed class HandVarianceToGapsAndBlocksHandler(PlanChanges changes, ICurrentActor currentActor)
    : IRequestHandler<HandVarianceToGapsAndBlocksCommand, CarePlanDto>
{
    public Task<CarePlanDto> Handle(HandVarianceToGapsAndBlocksCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, $"Variance {r.VarianceId} handed to gaps and blocks by {currentActor.Required.Id}", (plan, now) =>
            plan.HandVarianceToGapsAndBlocks(r.ExpectedVersion, Guid.Parse(r.VarianceId), now), ct);
}
