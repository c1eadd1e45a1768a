using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.GapsAndBlocks.Application.Forms;
using IntegratedCare.GapsAndBlocks.Domain.Meetings;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Meetings.ScheduleMeeting;

/// <summary>Schedules a sub-group meeting (the area's co-ordinator) or an NDRIC meeting (the national co-ordinator).</summary>
[Authorize(Roles.RehabilitationCoordinator, Roles.NationalCoordinator)]
[Audit(AuditAction.Create, "meeting")]
public sealed record ScheduleMeetingCommand(MeetingKind? Kind, string AreaId, string HeldOn, bool HeldAlready = false, string? RequestId = null) : ICommand<MeetingDto>, IntegratedCare.BuildingBlocks.Application.Idempotency.IIdempotentCommand;

internal sealed class ScheduleMeetingValidator : AbstractValidator<ScheduleMeetingCommand>
{
    public ScheduleMeetingValidator()
    {
        RuleFor(x => x.Kind).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known meeting kind");
        RuleFor(x => x.AreaId).MustBeId().When(x => x.Kind == MeetingKind.SubGroup);
        RuleFor(x => x.HeldOn).Must(d => FormInput.ParseDate(d) is not null).WithMessage("must be a date as YYYY-MM-DD");
    }
}

internal sealed class ScheduleMeetingHandler(IMeetingRepository meetings, Ladder ladder, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<ScheduleMeetingCommand, MeetingDto>
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
        return MeetingDto.From(meeting);
    }
}
