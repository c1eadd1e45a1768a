using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.ReportProgress;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan-action")]
public sealed record ReportProgressCommand(string CarePlanId, long ExpectedVersion, string ActionId, ActionStatus? Status, string Note) : ICommand<CarePlanDto>;

internal sealed class ReportProgressValidator : AbstractValidator<ReportProgressCommand>
{
    public ReportProgressValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.ActionId).MustBeId();
        RuleFor(x => x.Status).NotNull().WithMessage("is required")
            .Must(s => s is ActionStatus.InProgress or ActionStatus.OnHold or ActionStatus.Completed or ActionStatus.Stopped)
            .WithMessage("must be IN_PROGRESS, ON_HOLD, COMPLETED or STOPPED");
        RuleFor(x => x.Note).RequiredText(2000);
    }
}

internal sealed class ReportProgressHandler(PlanChanges changes, ICurrentActor currentActor) : IRequestHandler<ReportProgressCommand, CarePlanDto>
{
    public Task<CarePlanDto> Handle(ReportProgressCommand r, CancellationToken ct) =>
        changes.ByTeamAsync(r.CarePlanId, $"Action {r.ActionId} reported {r.Status}", (plan, agency, now) =>
            plan.ReportProgress(r.ExpectedVersion, Guid.Parse(r.ActionId), agency, r.Status!.Value, r.Note, currentActor.Required.Id, now), ct);
}
