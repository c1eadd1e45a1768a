using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans;

// The assigned agency's answers to its actions: accept (it joins the care team), decline with a coded
// reason (a variance), and progress (its membership ends with its last open action).

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan-action")]
public sealed record AcceptActionCommand(string CarePlanId, long ExpectedVersion, string ActionId, string AssignedWorker) : ICommand<CarePlanDto>;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan-action")]
public sealed record DeclineActionCommand(string CarePlanId, long ExpectedVersion, string ActionId, VarianceReason? Reason, string Note) : ICommand<CarePlanDto>;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan-action")]
public sealed record ReportProgressCommand(string CarePlanId, long ExpectedVersion, string ActionId, ActionStatus? Status, string Note) : ICommand<CarePlanDto>;

internal sealed class AcceptActionValidator : AbstractValidator<AcceptActionCommand>
{
    public AcceptActionValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.ActionId).MustBeId();
        RuleFor(x => x.AssignedWorker).RequiredText(200);
    }
}

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

internal sealed class AnswerActionHandlers(PlanChanges changes, ICurrentActor currentActor) :
    IRequestHandler<AcceptActionCommand, CarePlanDto>,
    IRequestHandler<DeclineActionCommand, CarePlanDto>,
    IRequestHandler<ReportProgressCommand, CarePlanDto>
{
    public Task<CarePlanDto> Handle(AcceptActionCommand r, CancellationToken ct) =>
        changes.ByTeamAsync(r.CarePlanId, $"Action {r.ActionId} accepted", (plan, agency, now) =>
            plan.AcceptAction(r.ExpectedVersion, Guid.Parse(r.ActionId), agency, r.AssignedWorker, currentActor.Required.Id, now), ct);

    public Task<CarePlanDto> Handle(DeclineActionCommand r, CancellationToken ct) =>
        changes.ByTeamAsync(r.CarePlanId, $"Action {r.ActionId} declined ({r.Reason})", (plan, agency, now) =>
            plan.DeclineAction(r.ExpectedVersion, Guid.Parse(r.ActionId), agency, r.Reason!.Value, r.Note ?? string.Empty, currentActor.Required.Id, now), ct);

    public Task<CarePlanDto> Handle(ReportProgressCommand r, CancellationToken ct) =>
        changes.ByTeamAsync(r.CarePlanId, $"Action {r.ActionId} reported {r.Status}", (plan, agency, now) =>
            plan.ReportProgress(r.ExpectedVersion, Guid.Parse(r.ActionId), agency, r.Status!.Value, r.Note, currentActor.Required.Id, now), ct);
}
