using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.GapsAndBlocks.Application.Forms;
using IntegratedCare.GapsAndBlocks.Domain.Forms;
using IntegratedCare.GapsAndBlocks.Domain.Meetings;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Meetings.RecordMinutes;

public sealed record MinuteInput(string FormId, ItemDecision? Decision, string Text);

/// <summary>
/// The minutes: a decision per agenda item. Resolved and referred-up items move their forms up the ladder
/// (the sub-group resolves or refers to NDRIC; NDRIC records its actions); deferred ones stay, and a
/// second deferral in a row is flagged.
/// </summary>
[Authorize(Roles.RehabilitationCoordinator, Roles.NationalCoordinator)]
[Audit(AuditAction.Update, "meeting")]
public sealed record RecordMinutesCommand(string MeetingId, long ExpectedVersion, IReadOnlyList<MinuteInput> Decisions) : ICommand<MeetingPackDto>;

internal sealed class RecordMinutesValidator : AbstractValidator<RecordMinutesCommand>
{
    public RecordMinutesValidator()
    {
        RuleFor(x => x.MeetingId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeAVersion();
        RuleFor(x => x.Decisions).Must(d => d.Count is >= 1 and <= 200).WithMessage("must hold one to 200 decisions")
            .Must(d => d.Select(x => x.FormId).Distinct().Count() == d.Count).WithMessage("must decide each form once");
        RuleForEach(x => x.Decisions).ChildRules(d =>
        {
            d.RuleFor(x => x.FormId).MustBeId();
            d.RuleFor(x => x.Decision).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known decision");
            d.RuleFor(x => x.Text).RequiredText(2000);
        });
    }
}

internal sealed class RecordMinutesHandler(IFormRepository forms, Ladder ladder, AnonymityGuard guard, LadderPeriods periods, TimeProvider clock, MeetingAccess access, MeetingPacks packs)
    : IRequestHandler<RecordMinutesCommand, MeetingPackDto>
{
    public async Task<MeetingPackDto> Handle(RecordMinutesCommand request, CancellationToken cancellationToken)
    {
        var meeting = await access.LoadAsync(request.MeetingId, cancellationToken);
        if (meeting.Kind == MeetingKind.SubGroup)
        {
            ladder.Require(ladder.IsCoordinator(await ladder.AreaAsync(meeting.AreaId!.Value, cancellationToken)), "the area's rehabilitation co-ordinator");
        }
        else
        {
            ladder.Require(ladder.IsNational, "the national senior rehabilitation co-ordinator");
        }

        await guard.EnsureAnonymousAsync(request.Decisions.Select((d, i) => ($"decisions[{i}].text", d.Text)).ToList(), cancellationToken);
        var agenda = (await packs.AgendaAsync(meeting, cancellationToken)).Select(f => f.Id.Value).ToHashSet();
        var by = ladder.Actor.Id;
        var now = clock.GetUtcNow();
        var minutes = new List<MinuteItem>();
        for (var i = 0; i < request.Decisions.Count; i++)
        {
            var decision = request.Decisions[i];
            var formId = new FormId(Guid.Parse(decision.FormId));
            var form = agenda.Contains(formId.Value) ? await forms.FindAsync(formId, cancellationToken) : null;
            if (form is null)
            {
                throw new RequestValidationException($"decisions[{i}].form_id", "is not on this meeting's agenda");
            }

            var area = await ladder.AreaAsync(form.AreaId, cancellationToken);
            switch (decision.Decision!.Value, meeting.Kind)
            {
                case (ItemDecision.Resolved, MeetingKind.SubGroup):
                    form.ResolveBySubGroup(form.Version, by, decision.Text, now);
                    break;
                case (ItemDecision.ReferredUp, MeetingKind.SubGroup):
                    form.ReferToNdric(form.Version, by, decision.Text, LadderPeriods.DueAfter(periods.NdricDays, now, ladder.CalendarOf(area)), now);
                    break;
                case (ItemDecision.Resolved, MeetingKind.Ndric):
                    form.RecordNdricDecision(form.Version, by, decision.Text, LadderPeriods.DueAfter(periods.ReportBackDays, now, ladder.CalendarOf(area)), now);
                    break;
                case (ItemDecision.Deferred, _):
                    form.Defer(by, decision.Text, now);
                    break;
                default:
                    throw new RequestValidationException($"decisions[{i}].decision", "NDRIC decides actions or defers: it refers nothing up");
            }

            minutes.Add(new MinuteItem(form.Id.Value, decision.Decision.Value, decision.Text.Trim(), form.DeferredTwice));
        }

        var calendar = meeting.AreaId is { } of ? ladder.CalendarOf(await ladder.AreaAsync(of, cancellationToken)) : ladder.NationalCalendar;
        meeting.RecordMinutes(request.ExpectedVersion, minutes, by, now, calendar.Today(clock.GetUtcNow()));
        return await packs.PackAsync(meeting, cancellationToken);
    }
}
