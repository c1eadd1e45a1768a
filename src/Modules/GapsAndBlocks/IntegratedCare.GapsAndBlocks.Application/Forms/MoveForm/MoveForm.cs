using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Forms.MoveForm;

/// <summary>The steps of the ladder, each taken by the one role that holds the form at that stage.</summary>
public enum LadderStep
{
    Attest = 1,
    Endorse = 2,
    Return = 3,
    ResolveByCoordinator = 4,
    RaiseToSubGroup = 5,
    ResolveBySubGroup = 6,
    ReferToNdric = 7,
    RecordNdricDecision = 8,
    ReportBack = 9,
    AcknowledgeForSubGroup = 10,
    AcknowledgeAsCaseManager = 11,
}

/// <summary>
/// Moves a form one step on the ladder. A wrong role gets PERMISSION_DENIED; a step that does not belong
/// to the form's stage gets FAILED_PRECONDITION; the text (a comment, what was done, NDRIC's actions) is
/// checked by the anonymity guard. Each step is audited with who and when, and kept on the form.
/// </summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.RehabilitationCoordinator, Roles.SubgroupMember, Roles.NationalCoordinator)]
[Audit(AuditAction.Update, "gaps-blocks-form")]
public sealed record MoveFormCommand(string FormId, long ExpectedVersion, LadderStep Step, string Text) : ICommand<FormDto>;

internal sealed class MoveFormValidator : AbstractValidator<MoveFormCommand>
{
    public MoveFormValidator()
    {
        RuleFor(x => x.FormId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeAVersion();
        RuleFor(x => x.Text).OptionalText(2000);
        RuleFor(x => x.Text).RequiredText(2000)
            .When(x => x.Step is LadderStep.Attest or LadderStep.Return or LadderStep.ResolveByCoordinator or LadderStep.ResolveBySubGroup or LadderStep.RecordNdricDecision)
            .OverridePropertyName(nameof(MoveFormCommand.Text));
    }
}

internal sealed class MoveFormHandler(FormAccess loader, Ladder ladder, AnonymityGuard guard, LadderPeriods periods, MediatR.IMediator mediator, TimeProvider clock)
    : IRequestHandler<MoveFormCommand, FormDto>
{
    public async Task<FormDto> Handle(MoveFormCommand request, CancellationToken cancellationToken)
    {
        var (form, area) = await loader.LoadAsync(request.FormId, cancellationToken);
        var by = ladder.Actor.Id;
        var text = request.Text ?? string.Empty;
        var about = form.LinkedVarianceId is { } variance
            && await mediator.Send(new CarePlan.Contracts.PersonOfVarianceQuery(variance.ToString("D"), form.AgencyId.ToString("D")), cancellationToken) is { } person
                ? new[] { person }
                : null;
        await guard.EnsureAnonymousAsync([(FieldOf(request.Step), text)], cancellationToken, about);
        var now = clock.GetUtcNow();
        var calendar = ladder.CalendarOf(area);
        DateTimeOffset Due(int days) => LadderPeriods.DueAfter(days, now, calendar);
        switch (request.Step)
        {
            case LadderStep.Attest:
                ladder.Require(ladder.IsAuthor(form), "the case manager who drafted the form");
                form.Attest(request.ExpectedVersion, by, text, Due(periods.EndorsementDays), now);
                break;
            case LadderStep.Endorse:
                ladder.Require(ladder.IsLineManager(form), "a line manager of the case manager's agency");
                form.Endorse(request.ExpectedVersion, by, text, Due(periods.CoordinatorFeedbackDays), now);
                break;
            case LadderStep.Return:
                ladder.Require(ladder.IsLineManager(form), "a line manager of the case manager's agency");
                form.Return(request.ExpectedVersion, by, text, now);
                break;
            case LadderStep.ResolveByCoordinator:
                ladder.Require(ladder.IsCoordinator(area), "the area's rehabilitation co-ordinator");
                form.ResolveByCoordinator(request.ExpectedVersion, by, text, now);
                break;
            case LadderStep.RaiseToSubGroup:
                ladder.Require(ladder.IsCoordinator(area), "the area's rehabilitation co-ordinator");
                form.RaiseToSubGroup(request.ExpectedVersion, by, text, Due(periods.SubGroupDays), now);
                break;
            case LadderStep.ResolveBySubGroup:
                ladder.Require(ladder.IsSubGroup(area), "the sub-group (a member, or the area's co-ordinator for it)");
                form.ResolveBySubGroup(request.ExpectedVersion, by, text, now);
                break;
            case LadderStep.ReferToNdric:
                ladder.Require(ladder.IsCoordinator(area), "the area's rehabilitation co-ordinator");
                form.ReferToNdric(request.ExpectedVersion, by, text, Due(periods.NdricDays), now);
                break;
            case LadderStep.RecordNdricDecision:
                ladder.Require(ladder.IsNational, "the national senior rehabilitation co-ordinator");
                form.RecordNdricDecision(request.ExpectedVersion, by, text, Due(periods.ReportBackDays), now);
                break;
            case LadderStep.ReportBack:
                ladder.Require(ladder.IsCoordinator(area), "the area's rehabilitation co-ordinator");
                form.ReportBack(request.ExpectedVersion, by, text, Due(periods.AcknowledgementDays), now);
                break;
            case LadderStep.AcknowledgeForSubGroup:
                ladder.Require(ladder.IsSubGroup(area), "the sub-group (a member, or the area's co-ordinator for it)");
                form.Acknowledge(request.ExpectedVersion, bySubGroup: true, by, now);
                break;
            case LadderStep.AcknowledgeAsCaseManager:
                ladder.Require(ladder.IsAuthor(form), "the case manager who drafted the form");
                form.Acknowledge(request.ExpectedVersion, bySubGroup: false, by, now);
                break;
            default:
                throw new RequestValidationException("step", "is not a known ladder step");
        }

        return ladder.View(form, area, now);
    }

    private static string FieldOf(LadderStep step) => step switch
    {
        LadderStep.ResolveByCoordinator or LadderStep.ResolveBySubGroup => "what_was_done",
        LadderStep.RecordNdricDecision => "actions",
        _ => "comment",
    };
}
