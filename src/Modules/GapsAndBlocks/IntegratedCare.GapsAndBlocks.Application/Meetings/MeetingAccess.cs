using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.GapsAndBlocks.Application.Forms;
using IntegratedCare.GapsAndBlocks.Domain.Meetings;

namespace IntegratedCare.GapsAndBlocks.Application.Meetings;

/// <summary>Loads a meeting for a call; a caller who does not sit on it is told it does not exist.</summary>
internal sealed class MeetingAccess(IMeetingRepository meetings, Ladder ladder, IAuditScope audit)
{
    public async Task<Meeting> LoadAsync(string meetingId, CancellationToken cancellationToken)
    {
        var id = new MeetingId(Guid.Parse(meetingId));
        audit.Resource(id.ToString());
        var meeting = await meetings.FindAsync(id, cancellationToken) ?? throw new NotFoundException("Meeting", id.ToString());
        var allowed = meeting.Kind == MeetingKind.Ndric
            ? ladder.IsNational
            : ladder.IsSubGroup(await ladder.AreaAsync(meeting.AreaId!.Value, cancellationToken));
        return allowed ? meeting : throw new NotFoundException("Meeting", id.ToString());
    }
}
