using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Meetings.GetMeetingPack;

/// <summary>The meeting's pack: its agenda (the forms raised to it, deferred ones flagged) or, once minuted, its minutes.</summary>
[Authorize(Roles.RehabilitationCoordinator, Roles.SubgroupMember, Roles.NationalCoordinator)]
[Audit(AuditAction.Read, "meeting")]
public sealed record GetMeetingPackQuery(string MeetingId) : IQuery<MeetingPackDto>;

internal sealed class GetMeetingPackValidator : AbstractValidator<GetMeetingPackQuery>
{
    public GetMeetingPackValidator() => RuleFor(x => x.MeetingId).MustBeId();
}

internal sealed class GetMeetingPackHandler(MeetingAccess access, MeetingPacks packs) : IRequestHandler<GetMeetingPackQuery, MeetingPackDto>
{
    public async Task<MeetingPackDto> Handle(GetMeetingPackQuery request, CancellationToken cancellationToken)
    {
        var meeting = await access.LoadAsync(request.MeetingId, cancellationToken);
        return await packs.PackAsync(meeting, cancellationToken);
    }
}
