using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.GapsAndBlocks.Application.Forms;
using IntegratedCare.GapsAndBlocks.Domain.Meetings;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Meetings.ListMeetings;

[Authorize(Roles.RehabilitationCoordinator, Roles.SubgroupMember, Roles.NationalCoordinator)]
[Audit(AuditAction.Read, "meeting")]
public sealed record ListMeetingsQuery(MeetingKind? Kind, string AreaId) : IQuery<IReadOnlyList<MeetingDto>>;

internal sealed class ListMeetingsHandler(IMeetingRepository meetings, Ladder ladder) : IRequestHandler<ListMeetingsQuery, IReadOnlyList<MeetingDto>>
{
    public async Task<IReadOnlyList<MeetingDto>> Handle(ListMeetingsQuery request, CancellationToken cancellationToken)
    {
        Guid? area = string.IsNullOrEmpty(request.AreaId) ? null : Guid.TryParse(request.AreaId, out var a) ? a : throw new RequestValidationException("area_id", "must be an id");
        var kind = request.Kind ?? MeetingKind.SubGroup;
        if (kind == MeetingKind.Ndric)
        {
            return ladder.IsNational ? (await meetings.ListAsync(kind, area, cancellationToken)).Select(MeetingDto.From).ToList() : [];
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
                listed.Add(MeetingDto.From(meeting));
            }
        }

        return listed;
    }
}
