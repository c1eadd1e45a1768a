using IntegratedCare.GapsAndBlocks.Domain.Meetings;

namespace IntegratedCare.GapsAndBlocks.Application.Meetings;

public sealed record MeetingDto(string MeetingId, MeetingKind Kind, string AreaId, DateOnly HeldOn, bool Minuted, IReadOnlyList<MinuteItem> Minutes, long Version)
{
    public static MeetingDto From(Meeting m) =>
        new(m.Id.ToString(), m.Kind, m.AreaId?.ToString("D") ?? string.Empty, m.HeldOn, m.MinutedAt is not null, m.Minutes, m.Version);
}
