using IntegratedCare.BuildingBlocks.Domain.Calendar;
using IntegratedCare.GapsAndBlocks.Domain.Forms;

namespace IntegratedCare.GapsAndBlocks.Application.Forms;

/// <summary>
/// A form as the caller may see it. The case manager's contact details are shown within their agency and
/// to the area's co-ordinator; the link to a care plan variance only within their agency.
/// </summary>
public sealed record FormDto(
    string FormId,
    string AreaId,
    string AgencyId,
    string CaseManagerId,
    FormContent Content,
    bool ContactWithheld,
    string LinkedVarianceId,
    FormStage Stage,
    StageHolder Holder,
    DateTimeOffset StageEnteredAt,
    DateTimeOffset? StageDueAt,
    bool Overdue,
    ResolutionLevel? ResolvedAt,
    string Resolution,
    string NdricActions,
    bool SubGroupAcknowledged,
    bool CaseManagerAcknowledged,
    IReadOnlyList<Transition> Transitions,
    IReadOnlyList<OverdueAlert> Alerts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt,
    long Version)
{
    public static FormDto From(GapsBlocksForm form, bool withinAgency, bool withContact, DateTimeOffset now) => new(
        form.Id.ToString(),
        form.AreaId.ToString("D"),
        form.AgencyId.ToString("D"),
        withContact ? form.CaseManagerId : string.Empty,
        withContact ? form.Content : form.Content with { CaseManager = new CaseManagerContact(string.Empty, string.Empty, string.Empty) },
        !withContact,
        withinAgency ? form.LinkedVarianceId?.ToString("D") ?? string.Empty : string.Empty,
        form.Stage,
        form.Holder,
        form.StageEnteredAt,
        form.StageDueAt,
        form.IsOverdueAt(now),
        form.ResolvedAt,
        form.Resolution,
        form.NdricActions,
        form.SubGroupAcknowledged,
        form.CaseManagerAcknowledged,
        withContact ? form.Transitions : form.Transitions.Select(t => t with { By = string.Empty }).ToList(),
        form.Alerts,
        form.CreatedAt,
        form.ClosedAt,
        form.Version);
}

/// <summary>How long each rung may hold a form, in days of the area's calendar (configuration <c>GapsAndBlocks:Periods</c>).</summary>
public sealed class LadderPeriods
{
    public int EndorsementDays { get; set; } = 5;

    /// <summary>"Feedback will be received within ten days of sending the form."</summary>
    public int CoordinatorFeedbackDays { get; set; } = 10;

    public int SubGroupDays { get; set; } = 42;

    public int NdricDays { get; set; } = 90;

    public int ReportBackDays { get; set; } = 10;

    public int AcknowledgementDays { get; set; } = 10;

    /// <summary>
    /// The end of the <paramref name="days"/>th day after today in the area's calendar, as UTC; a last day
    /// that is a weekend or public holiday moves to the next working day.
    /// </summary>
    public static DateTimeOffset DueAfter(int days, DateTimeOffset now, WorkingCalendar calendar) =>
        calendar.EndOf(calendar.AddDays(calendar.Today(now), days));
}
