using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.MoveToStage;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record MoveToStageCommand(string CarePlanId, long ExpectedVersion, PathwayStage? Stage) : ICommand<CarePlanDto>;

internal sealed class MoveToStageValidator : AbstractValidator<MoveToStageCommand>
{
    public MoveToStageValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.Stage).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known pathway stage");
    }
}

internal sealed class MoveToStageHandler(PlanChanges changes) : IRequestHandler<MoveToStageCommand, CarePlanDto>
{
    public Task<CarePlanDto> Handle(MoveToStageCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, $"Pathway stage {r.Stage}", (plan, now) => plan.MoveToStage(r.ExpectedVersion, r.Stage!.Value, now), ct);
}
