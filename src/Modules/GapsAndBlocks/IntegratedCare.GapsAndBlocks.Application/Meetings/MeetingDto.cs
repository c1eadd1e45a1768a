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

public sealed record MeetingDto(string MeetingId, MeetingKind Kind, string AreaId, DateOnly HeldOn, bool Minuted, IReadOnlyList<MinuteItem> Minutes, long Version)
{
    public static MeetingDto From(Meeting m) =>
        new(m.Id.ToString(), m.Kind, m.AreaId?.ToString("D") ?? string.Empty, m.HeldOn, m.MinutedAt is not null, m.Minutes, m.Version);
}
