using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.RecordReview;

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

internal sealed class RecordReviewHandler(PlanChanges changes, ICurrentActor currentActor) : IRequestHandler<RecordReviewCommand, CarePlanDto>
{
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
}
