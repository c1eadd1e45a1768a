using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.UpdateGoal;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record UpdateGoalCommand(
    string CarePlanId, long ExpectedVersion, string GoalId, string Description, string Measure, string TargetDate, GoalLifecycle? Lifecycle, GoalAchievement? Achievement)
    : ICommand<CarePlanDto>;

internal sealed class UpdateGoalValidator : AbstractValidator<UpdateGoalCommand>
{
    public UpdateGoalValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.GoalId).MustBeId();
        RuleFor(x => x.Description).RequiredText(500);
        RuleFor(x => x.Measure).OptionalText(500);
        RuleFor(x => x.TargetDate).OptionalDate();
        RuleFor(x => x.Lifecycle).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known goal lifecycle status");
        RuleFor(x => x.Achievement).IsInEnum().WithMessage("is not a known achievement status");
    }
}

internal sealed class UpdateGoalHandler(PlanChanges changes) : IRequestHandler<UpdateGoalCommand, CarePlanDto>
{
    public Task<CarePlanDto> Handle(UpdateGoalCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, $"Goal {r.GoalId} changed", (plan, now) =>
            plan.UpdateGoal(r.ExpectedVersion, Guid.Parse(r.GoalId), r.Description, r.Measure ?? string.Empty, IsoDates.Parse(r.TargetDate), r.Lifecycle!.Value, r.Achievement, now), ct);
}
