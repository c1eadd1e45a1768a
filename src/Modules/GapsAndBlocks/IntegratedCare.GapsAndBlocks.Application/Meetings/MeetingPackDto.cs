using IntegratedCare.GapsAndBlocks.Domain.Forms;
using IntegratedCare.GapsAndBlocks.Domain.Meetings;

namespace IntegratedCare.GapsAndBlocks.Application.Meetings;

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
