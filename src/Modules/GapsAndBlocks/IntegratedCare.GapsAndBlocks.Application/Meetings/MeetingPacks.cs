using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.GapsAndBlocks.Domain.Forms;
using IntegratedCare.GapsAndBlocks.Domain.Meetings;

namespace IntegratedCare.GapsAndBlocks.Application.Meetings;

/// <summary>A meeting's agenda, and its pack: the agenda or, once minuted, the minutes.</summary>
internal sealed class MeetingPacks(IFormRepository forms, TimeProvider clock)
{
    /// <summary>The forms raised to the meeting and not yet decided (read-only): at the sub-group of its area, or at NDRIC.</summary>
    public Task<IReadOnlyList<GapsBlocksForm>> AgendaAsync(Meeting meeting, CancellationToken cancellationToken) =>
        forms.ListAsync(
            new FormFilter(null, null, meeting.AreaId, [meeting.Kind == MeetingKind.SubGroup ? FormStage.AtSubGroup : FormStage.AtNdric]),
            cancellationToken);

    public async Task<MeetingPackDto> PackAsync(Meeting meeting, CancellationToken cancellationToken)
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
        return new MeetingPackDto(MeetingDto.From(meeting), items.OrderBy(f => f.CreatedAt).Select(f =>
        {
            decisions.TryGetValue(f.Id.Value, out var minute);
            var submitted = f.Transitions.FirstOrDefault(t => t.To == FormStage.WithCoordinator)?.At ?? f.CreatedAt;
            return new PackItem(
                f.Id.ToString(), f.Content.ProjectName, f.Content.Category, f.Content.Kind, f.Content.Overview, f.Content.Actions,
                f.Content.CurrentSituation, f.Content.Recommendations, (int)(now - submitted).TotalDays, f.IsOverdueAt(now),
                f.ConsecutiveDeferrals, f.DeferredTwice, minute?.Decision, minute?.Text ?? string.Empty);
        }).ToList());
    }
}
