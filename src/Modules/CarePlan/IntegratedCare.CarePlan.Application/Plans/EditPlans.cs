using IntegratedCare.BuildingBlocks.Application.Calendar;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans;

// The lead agency's changes to a plan. Each names the version it was made against (stale: ABORTED) and
// is kept in the plan's history with who, when and why.

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record RecordParticipationCommand(string CarePlanId, long ExpectedVersion, bool TookPart, string AgreedOn, string CopyReceivedOn, string OwnWords)
    : ICommand<CarePlanDto>;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record AddGoalCommand(string CarePlanId, long ExpectedVersion, NeedDomain? Domain, string Description, string Measure, string TargetDate)
    : ICommand<CarePlanDto>;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record UpdateGoalCommand(
    string CarePlanId, long ExpectedVersion, string GoalId, string Description, string Measure, string TargetDate, GoalLifecycle? Lifecycle, GoalAchievement? Achievement)
    : ICommand<CarePlanDto>;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record ActivateCarePlanCommand(string CarePlanId, long ExpectedVersion) : ICommand<CarePlanDto>;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record AddActionCommand(string CarePlanId, long ExpectedVersion, string GoalId, string AgencyId, int Tier, string What, string DueDate)
    : ICommand<CarePlanDto>;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record CodeVarianceCommand(string CarePlanId, long ExpectedVersion, string VarianceId, VarianceReason? Reason, string Note) : ICommand<CarePlanDto>;

[Authorize(Roles.CaseManager, Roles.LineManager)]
[Audit(AuditAction.Execute, "care-plan")]
public sealed record HandVarianceToGapsAndBlocksCommand(string CarePlanId, long ExpectedVersion, string VarianceId) : ICommand<CarePlanDto>;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record SetReviewIntervalCommand(string CarePlanId, long ExpectedVersion, int Weeks) : ICommand<CarePlanDto>;

public sealed record GoalProgressInput(string GoalId, GoalAchievement? Achievement, string Note);

public sealed record OutcomeScoreInput(NeedDomain? Domain, int Score);

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record RecordReviewCommand(
    string CarePlanId,
    long ExpectedVersion,
    string HeldOn,
    IReadOnlyList<GoalProgressInput> GoalProgress,
    IReadOnlyList<OutcomeScoreInput> OutcomeScores,
    string Decisions,
    string NextReviewOn) : ICommand<CarePlanDto>;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record MoveToStageCommand(string CarePlanId, long ExpectedVersion, PathwayStage? Stage) : ICommand<CarePlanDto>;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record ExitCarePlanCommand(string CarePlanId, long ExpectedVersion, string Reason) : ICommand<CarePlanDto>;

/// <summary>Pauses an active plan; activating it again resumes it.</summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record PutCarePlanOnHoldCommand(string CarePlanId, long ExpectedVersion, string Reason) : ICommand<CarePlanDto>;

/// <summary>Withdraws a plan that will not go ahead (or was made in error): it closes with the reason.</summary>
[Authorize(Roles.CaseManager, Roles.LineManager)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record RevokeCarePlanCommand(string CarePlanId, long ExpectedVersion, string Reason, bool EnteredInError) : ICommand<CarePlanDto>;

/// <summary>Names the lead agency's case manager (token subject) who leads the plan.</summary>
[Authorize(Roles.CaseManager, Roles.LineManager)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record AssignLeadCaseManagerCommand(string CarePlanId, long ExpectedVersion, string CaseManager) : ICommand<CarePlanDto>;

internal sealed class PutCarePlanOnHoldValidator : AbstractValidator<PutCarePlanOnHoldCommand>
{
    public PutCarePlanOnHoldValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.Reason).RequiredText(500);
    }
}

internal sealed class RevokeCarePlanValidator : AbstractValidator<RevokeCarePlanCommand>
{
    public RevokeCarePlanValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.Reason).RequiredText(1000);
    }
}

internal sealed class AssignLeadCaseManagerValidator : AbstractValidator<AssignLeadCaseManagerCommand>
{
    public AssignLeadCaseManagerValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.CaseManager).RequiredText(200);
    }
}

internal sealed class PlanStatusHandlers(PlanChanges changes) :
    IRequestHandler<PutCarePlanOnHoldCommand, CarePlanDto>,
    IRequestHandler<RevokeCarePlanCommand, CarePlanDto>,
    IRequestHandler<AssignLeadCaseManagerCommand, CarePlanDto>
{
    public Task<CarePlanDto> Handle(PutCarePlanOnHoldCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, $"Plan put on hold: {r.Reason.Trim()}", (plan, now) => plan.PutOnHold(r.ExpectedVersion, now), ct);

    public Task<CarePlanDto> Handle(RevokeCarePlanCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, r.EnteredInError ? "Plan entered in error" : "Plan revoked", (plan, now) => plan.Revoke(r.ExpectedVersion, r.Reason, r.EnteredInError, now), ct);

    public Task<CarePlanDto> Handle(AssignLeadCaseManagerCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, $"Lead case manager {r.CaseManager.Trim()}", (plan, now) => plan.AssignLeadCaseManager(r.ExpectedVersion, r.CaseManager, now), ct);
}

internal static class PlanRules
{
    public static void Plan<T>(AbstractValidator<T> v, Func<T, string> id, Func<T, long> version)
    {
        v.RuleFor(x => id(x)).MustBeId().OverridePropertyName("CarePlanId");
        v.RuleFor(x => version(x)).MustBeAVersion().OverridePropertyName("ExpectedVersion");
    }
}

internal sealed class RecordParticipationValidator : AbstractValidator<RecordParticipationCommand>
{
    public RecordParticipationValidator(TimeProvider clock)
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.AgreedOn).OptionalDate()
            .Must(d => IsoDates.Parse(d) is not { } day || day <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("must not be in the future");
        RuleFor(x => x.CopyReceivedOn).OptionalDate();
        RuleFor(x => x.OwnWords).OptionalText(2000);
        RuleFor(x => x.AgreedOn).Empty().When(x => !x.TookPart).WithMessage("needs took_part: a person agrees to a plan they took part in");
    }
}

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

internal sealed class ActivateCarePlanValidator : AbstractValidator<ActivateCarePlanCommand>
{
    public ActivateCarePlanValidator() => PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
}

internal sealed class AddActionValidator : AbstractValidator<AddActionCommand>
{
    public AddActionValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.GoalId).MustBeId().When(x => !string.IsNullOrEmpty(x.GoalId));
        RuleFor(x => x.AgencyId).MustBeId();
        RuleFor(x => x.Tier).InclusiveBetween(1, 4).WithMessage("must be a tier from 1 to 4");
        RuleFor(x => x.What).RequiredText(1000);
        RuleFor(x => x.DueDate).RequiredDate();
    }
}

internal sealed class CodeVarianceValidator : AbstractValidator<CodeVarianceCommand>
{
    public CodeVarianceValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.VarianceId).MustBeId();
        RuleFor(x => x.Reason).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known variance reason");
        RuleFor(x => x.Note).OptionalText(1000);
    }
}

internal sealed class HandVarianceValidator : AbstractValidator<HandVarianceToGapsAndBlocksCommand>
{
    public HandVarianceValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.VarianceId).MustBeId();
    }
}

internal sealed class SetReviewIntervalValidator : AbstractValidator<SetReviewIntervalCommand>
{
    public SetReviewIntervalValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.Weeks).InclusiveBetween(1, 52).WithMessage("must be between 1 and 52 weeks");
    }
}

internal sealed class RecordReviewValidator : AbstractValidator<RecordReviewCommand>
{
    public RecordReviewValidator(TimeProvider clock)
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.HeldOn).RequiredDate()
            .Must(d => IsoDates.Parse(d) is not { } day || day <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("must not be in the future");
        RuleFor(x => x.NextReviewOn).OptionalDate();
        RuleFor(x => x.Decisions).RequiredText(4000);
        RuleFor(x => x.GoalProgress).Must(p => p.Count <= 50).WithMessage("must hold at most 50 entries");
        RuleForEach(x => x.GoalProgress).ChildRules(p =>
        {
            p.RuleFor(x => x.GoalId).MustBeId();
            p.RuleFor(x => x.Achievement).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known achievement status");
            p.RuleFor(x => x.Note).OptionalText(1000);
        });
        RuleForEach(x => x.OutcomeScores).ChildRules(s =>
        {
            s.RuleFor(x => x.Domain).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known need domain");
            s.RuleFor(x => x.Score).InclusiveBetween(0, 10).WithMessage("must be from 0 to 10");
        });
        RuleFor(x => x.OutcomeScores).Must(s => s.Where(x => x.Domain is not null).GroupBy(x => x.Domain).All(g => g.Count() == 1))
            .WithMessage("must score each domain once");
    }
}

internal sealed class MoveToStageValidator : AbstractValidator<MoveToStageCommand>
{
    public MoveToStageValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.Stage).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known pathway stage");
    }
}

internal sealed class ExitCarePlanValidator : AbstractValidator<ExitCarePlanCommand>
{
    public ExitCarePlanValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.Reason).RequiredText(1000);
    }
}

internal sealed class EditPlanHandlers(PlanChanges changes, ICurrentActor currentActor, IMediator mediator, IWorkingCalendars calendars) :
    IRequestHandler<RecordParticipationCommand, CarePlanDto>,
    IRequestHandler<AddGoalCommand, CarePlanDto>,
    IRequestHandler<UpdateGoalCommand, CarePlanDto>,
    IRequestHandler<ActivateCarePlanCommand, CarePlanDto>,
    IRequestHandler<AddActionCommand, CarePlanDto>,
    IRequestHandler<CodeVarianceCommand, CarePlanDto>,
    IRequestHandler<HandVarianceToGapsAndBlocksCommand, CarePlanDto>,
    IRequestHandler<SetReviewIntervalCommand, CarePlanDto>,
    IRequestHandler<RecordReviewCommand, CarePlanDto>,
    IRequestHandler<MoveToStageCommand, CarePlanDto>,
    IRequestHandler<ExitCarePlanCommand, CarePlanDto>
{
    public Task<CarePlanDto> Handle(RecordParticipationCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, "The person's participation recorded", (plan, now) =>
            plan.Participate(r.ExpectedVersion, new Participation(r.TookPart, IsoDates.Parse(r.AgreedOn), IsoDates.Parse(r.CopyReceivedOn), r.OwnWords ?? string.Empty), now), ct);

    public Task<CarePlanDto> Handle(AddGoalCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, $"Goal added ({r.Domain})", (plan, now) =>
            plan.AddGoal(r.ExpectedVersion, r.Domain!.Value, r.Description, r.Measure ?? string.Empty, IsoDates.Parse(r.TargetDate), now), ct);

    public Task<CarePlanDto> Handle(UpdateGoalCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, $"Goal {r.GoalId} changed", (plan, now) =>
            plan.UpdateGoal(r.ExpectedVersion, Guid.Parse(r.GoalId), r.Description, r.Measure ?? string.Empty, IsoDates.Parse(r.TargetDate), r.Lifecycle!.Value, r.Achievement, now), ct);

    public Task<CarePlanDto> Handle(ActivateCarePlanCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, "Plan activated with the person's agreement", (plan, now) => plan.Activate(r.ExpectedVersion, calendars.For(plan.Jurisdiction).Today(now), now), ct);

    public async Task<CarePlanDto> Handle(AddActionCommand r, CancellationToken ct)
    {
        var agency = await mediator.Send(new Protocols.Contracts.AgencyProfileQuery(r.AgencyId), ct);
        if (agency is not { Active: true })
        {
            throw new BuildingBlocks.Application.Errors.RequestValidationException("agency_id", "no active agency has this id");
        }

        return await changes.ByLeadAsync(r.CarePlanId, $"Action added for agency {agency.AgencyId:D}", (plan, now) =>
            plan.AddAction(r.ExpectedVersion, string.IsNullOrEmpty(r.GoalId) ? null : Guid.Parse(r.GoalId), agency.AgencyId, r.Tier, r.What, IsoDates.Parse(r.DueDate)!.Value, now), ct);
    }

    public Task<CarePlanDto> Handle(CodeVarianceCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, $"Variance {r.VarianceId} coded {r.Reason}", (plan, now) =>
            plan.CodeVariance(r.ExpectedVersion, Guid.Parse(r.VarianceId), r.Reason!.Value, r.Note ?? string.Empty, now), ct);

    public Task<CarePlanDto> Handle(HandVarianceToGapsAndBlocksCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, $"Variance {r.VarianceId} handed to gaps and blocks by {currentActor.Required.Id}", (plan, now) =>
            plan.HandVarianceToGapsAndBlocks(r.ExpectedVersion, Guid.Parse(r.VarianceId), now), ct);

    public Task<CarePlanDto> Handle(SetReviewIntervalCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, $"Reviews every {r.Weeks} weeks", (plan, now) => plan.SetReviewInterval(r.ExpectedVersion, r.Weeks, now), ct);

    public Task<CarePlanDto> Handle(RecordReviewCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, $"Review held {r.HeldOn}", (plan, now) => plan.RecordReview(
            r.ExpectedVersion,
            IsoDates.Parse(r.HeldOn)!.Value,
            r.GoalProgress.Select(p => new GoalProgress(Guid.Parse(p.GoalId), p.Achievement!.Value, p.Note?.Trim() ?? string.Empty)).ToList(),
            r.OutcomeScores.Select(s => new OutcomeScore(s.Domain!.Value, s.Score)).ToList(),
            r.Decisions,
            IsoDates.Parse(r.NextReviewOn),
            currentActor.Required.Id,
            now), ct);

    public Task<CarePlanDto> Handle(MoveToStageCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, $"Pathway stage {r.Stage}", (plan, now) => plan.MoveToStage(r.ExpectedVersion, r.Stage!.Value, now), ct);

    public Task<CarePlanDto> Handle(ExitCarePlanCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, "Exit from the pathway; plan closed", (plan, now) => plan.Exit(r.ExpectedVersion, r.Reason, now), ct);
}
