using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.GapsAndBlocks.Application.Forms;
using IntegratedCare.GapsAndBlocks.Domain.Forms;
using IntegratedCare.GapsAndBlocks.Domain.Meetings;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Meetings;

public sealed record MeetingDto(string MeetingId, MeetingKind Kind, string AreaId, DateOnly HeldOn, bool Minuted, IReadOnlyList<MinuteItem> Minutes, long Version);

/// <summary>
/// One agenda item as the meeting sees it: the issue only. No case manager, no contact details, no link
/// to a person or a care plan, no names of who did what — the project, the category and kind, the
/// overview, the actions by role, the situation, the recommendations and how long the issue has waited.
/// </summary>
public sealed record PackItem(
    string FormId,
    string ProjectName,
    FormCategory Category,
    FormKind Kind,
    string Overview,
    IReadOnlyList<ActionStep> Actions,
    string CurrentSituation,
    string Recommendations,
    int DaysSinceSubmitted,
    bool Overdue,
    int PreviousDeferrals,
    bool DeferredTwice,
    ItemDecision? Decision,
    string DecisionText);

public sealed record MeetingPackDto(MeetingDto Meeting, IReadOnlyList<PackItem> Items);

/// <summary>Schedules a sub-group meeting (the area's co-ordinator) or an NDRIC meeting (the national co-ordinator).</summary>
[Authorize(Roles.RehabilitationCoordinator, Roles.NationalCoordinator)]
[Audit(AuditAction.Create, "meeting")]
public sealed record ScheduleMeetingCommand(MeetingKind? Kind, string AreaId, string HeldOn, bool HeldAlready = false, string? RequestId = null) : ICommand<MeetingDto>, IntegratedCare.BuildingBlocks.Application.Idempotency.IIdempotentCommand;

[Authorize(Roles.RehabilitationCoordinator, Roles.SubgroupMember, Roles.NationalCoordinator)]
[Audit(AuditAction.Read, "meeting")]
public sealed record ListMeetingsQuery(MeetingKind? Kind, string AreaId) : IQuery<IReadOnlyList<MeetingDto>>;

/// <summary>The meeting's pack: its agenda (the forms raised to it, deferred ones flagged) or, once minuted, its minutes.</summary>
[Authorize(Roles.RehabilitationCoordinator, Roles.SubgroupMember, Roles.NationalCoordinator)]
[Audit(AuditAction.Read, "meeting")]
public sealed record GetMeetingPackQuery(string MeetingId) : IQuery<MeetingPackDto>;

public sealed record MinuteInput(string FormId, ItemDecision? Decision, string Text);

/// <summary>
/// The minutes: a decision per agenda item. Resolved and referred-up items move their forms up the ladder
/// (the sub-group resolves or refers to NDRIC; NDRIC records its actions); deferred ones stay, and a
/// second deferral in a row is flagged.
/// </summary>
[Authorize(Roles.RehabilitationCoordinator, Roles.NationalCoordinator)]
[Audit(AuditAction.Update, "meeting")]
public sealed record RecordMinutesCommand(string MeetingId, long ExpectedVersion, IReadOnlyList<MinuteInput> Decisions) : ICommand<MeetingPackDto>;

internal sealed class ScheduleMeetingValidator : AbstractValidator<ScheduleMeetingCommand>
{
    public ScheduleMeetingValidator()
    {
        RuleFor(x => x.Kind).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known meeting kind");
        RuleFor(x => x.AreaId).MustBeId().When(x => x.Kind == MeetingKind.SubGroup);
        RuleFor(x => x.HeldOn).Must(d => FormInput.ParseDate(d) is not null).WithMessage("must be a date as YYYY-MM-DD");
    }
}

internal sealed class GetMeetingPackValidator : AbstractValidator<GetMeetingPackQuery>
{
    public GetMeetingPackValidator() => RuleFor(x => x.MeetingId).MustBeId();
}

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

internal sealed class MeetingHandlers(
    IMeetingRepository meetings,
    IFormRepository forms,
    Ladder ladder,
    AnonymityGuard guard,
    LadderPeriods periods,
    IAuditScope audit,
    TimeProvider clock) :
    IRequestHandler<ScheduleMeetingCommand, MeetingDto>,
    IRequestHandler<ListMeetingsQuery, IReadOnlyList<MeetingDto>>,
    IRequestHandler<GetMeetingPackQuery, MeetingPackDto>,
    IRequestHandler<RecordMinutesCommand, MeetingPackDto>
{
    public async Task<MeetingDto> Handle(ScheduleMeetingCommand request, CancellationToken cancellationToken)
    {
        Guid? area = null;
        var calendar = ladder.NationalCalendar;
        if (request.Kind == MeetingKind.SubGroup)
        {
            var profile = await ladder.AreaAsync(Guid.Parse(request.AreaId), cancellationToken);
            ladder.Require(ladder.IsCoordinator(profile), "the area's rehabilitation co-ordinator");
            area = profile.AreaId;
            calendar = ladder.CalendarOf(profile);
        }
        else
        {
            ladder.Require(ladder.IsNational, "the national senior rehabilitation co-ordinator");
        }

        var meeting = Meeting.Schedule(
            request.Kind!.Value, area, FormInput.ParseDate(request.HeldOn)!.Value, calendar.Today(clock.GetUtcNow()), request.HeldAlready, ladder.Actor.Id);
        meetings.Add(meeting);
        audit.Resource(meeting.Id.ToString());
        return ToDto(meeting);
    }

    public async Task<IReadOnlyList<MeetingDto>> Handle(ListMeetingsQuery request, CancellationToken cancellationToken)
    {
        Guid? area = string.IsNullOrEmpty(request.AreaId) ? null : Guid.TryParse(request.AreaId, out var a) ? a : throw new RequestValidationException("area_id", "must be an id");
        var kind = request.Kind ?? MeetingKind.SubGroup;
        if (kind == MeetingKind.Ndric)
        {
            return ladder.IsNational ? (await meetings.ListAsync(kind, area, cancellationToken)).Select(ToDto).ToList() : [];
        }

        // A sub-group's meetings are listed to that sub-group: its members and its area's co-ordinator.
        var listed = new List<MeetingDto>();
        var sits = new Dictionary<Guid, bool>();
        foreach (var meeting in await meetings.ListAsync(kind, area, cancellationToken))
        {
            var of = meeting.AreaId!.Value;
            if (!sits.TryGetValue(of, out var member))
            {
                sits[of] = member = ladder.IsSubGroup(await ladder.AreaAsync(of, cancellationToken));
            }

            if (member)
            {
                listed.Add(ToDto(meeting));
            }
        }

        return listed;
    }

    public async Task<MeetingPackDto> Handle(GetMeetingPackQuery request, CancellationToken cancellationToken)
    {
        var meeting = await LoadAsync(request.MeetingId, cancellationToken);
        return await PackAsync(meeting, cancellationToken);
    }

    public async Task<MeetingPackDto> Handle(RecordMinutesCommand request, CancellationToken cancellationToken)
    {
        var meeting = await LoadAsync(request.MeetingId, cancellationToken);
        if (meeting.Kind == MeetingKind.SubGroup)
        {
            ladder.Require(ladder.IsCoordinator(await ladder.AreaAsync(meeting.AreaId!.Value, cancellationToken)), "the area's rehabilitation co-ordinator");
        }
        else
        {
            ladder.Require(ladder.IsNational, "the national senior rehabilitation co-ordinator");
        }

        await guard.EnsureAnonymousAsync(request.Decisions.Select((d, i) => ($"decisions[{i}].text", d.Text)).ToList(), cancellationToken);
        var agenda = (await AgendaAsync(meeting, cancellationToken)).Select(f => f.Id.Value).ToHashSet();
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
        return await PackAsync(meeting, cancellationToken);
    }

    private async Task<Meeting> LoadAsync(string meetingId, CancellationToken cancellationToken)
    {
        var id = new MeetingId(Guid.Parse(meetingId));
        audit.Resource(id.ToString());
        var meeting = await meetings.FindAsync(id, cancellationToken) ?? throw new NotFoundException("Meeting", id.ToString());
        var allowed = meeting.Kind == MeetingKind.Ndric
            ? ladder.IsNational
            : ladder.IsSubGroup(await ladder.AreaAsync(meeting.AreaId!.Value, cancellationToken));
        return allowed ? meeting : throw new NotFoundException("Meeting", id.ToString());
    }

    /// <summary>The forms raised to the meeting and not yet decided (read-only): at the sub-group of its area, or at NDRIC.</summary>
    private Task<IReadOnlyList<GapsBlocksForm>> AgendaAsync(Meeting meeting, CancellationToken cancellationToken) =>
        forms.ListAsync(
            new FormFilter(null, null, meeting.AreaId, [meeting.Kind == MeetingKind.SubGroup ? FormStage.AtSubGroup : FormStage.AtNdric]),
            cancellationToken);

    private async Task<MeetingPackDto> PackAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<GapsBlocksForm> items;
        if (meeting.MinutedAt is null)
        {
            items = await AgendaAsync(meeting, cancellationToken);
        }
        else
        {
            var found = new List<GapsBlocksForm>();
            foreach (var minute in meeting.Minutes)
            {
                found.Add(await forms.FindAsync(new FormId(minute.FormId), cancellationToken) ?? throw new NotFoundException("Form", minute.FormId.ToString("D")));
            }

            items = found;
        }

        var decisions = meeting.Minutes.ToDictionary(m => m.FormId);
        return new MeetingPackDto(ToDto(meeting), items.OrderBy(f => f.CreatedAt).Select(f =>
        {
            decisions.TryGetValue(f.Id.Value, out var minute);
            var submitted = f.Transitions.FirstOrDefault(t => t.To == FormStage.WithCoordinator)?.At ?? f.CreatedAt;
            return new PackItem(
                f.Id.ToString(), f.Content.ProjectName, f.Content.Category, f.Content.Kind, f.Content.Overview, f.Content.Actions,
                f.Content.CurrentSituation, f.Content.Recommendations, (int)(now - submitted).TotalDays, f.IsOverdueAt(now),
                f.ConsecutiveDeferrals, f.DeferredTwice, minute?.Decision, minute?.Text ?? string.Empty);
        }).ToList());
    }

    private static MeetingDto ToDto(Meeting m) =>
        new(m.Id.ToString(), m.Kind, m.AreaId?.ToString("D") ?? string.Empty, m.HeldOn, m.MinutedAt is not null, m.Minutes, m.Version);
}
