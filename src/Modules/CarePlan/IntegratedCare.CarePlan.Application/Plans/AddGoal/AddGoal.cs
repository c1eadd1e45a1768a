using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.AddGoal;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record AddGoalCommand(string CarePlanId, long ExpectedVersion, NeedDomain? Domain, string Description, string Measure, string TargetDate)
    : ICommand<CarePlanDto>;

internal sealed class AddGoalValidator : AbstractValidator<AddGoalCommand>
{
    public AddGoalValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.Domain).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known need domain");
        RuleFor(x => x.Description).RequiredText(500);
        RuleFor(x => x.Measure).OptionalText(500);
        RuleFor(x => x.TargetDate).OptionalDate();
    }
}

internal sealed class AddGoalHandler(PlanChanges changes) : IRequestHandler<AddGoalCommand, CarePlanDto>
{
    public Task<CarePlanDto> Handle(AddGoalCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, $"Goal added ({r.Domain})", (plan, now) =>
            plan.AddGoal(r.ExpectedVersion, r.Domain!.Value, r.Description, r.Measure ?? string.Empty, IsoDates.Parse(r.TargetDate), now), ct);
}
