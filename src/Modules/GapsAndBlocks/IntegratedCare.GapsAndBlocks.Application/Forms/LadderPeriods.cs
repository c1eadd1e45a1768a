using IntegratedCare.BuildingBlocks.Domain.Calendar;

namespace IntegratedCare.GapsAndBlocks.Application.Forms;

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
