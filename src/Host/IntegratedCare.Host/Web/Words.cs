using System.Text;

namespace IntegratedCare.Host.Web;

/// <summary>How the UI says a code: <c>HousingAndAccommodation</c> → "Housing and accommodation".</summary>
public static partial class Words
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(nhs|ndric|chi|pps|ssa|gp)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Initialisms();

    public static string Of<T>(T value)
        where T : struct, Enum => Of(value.ToString());

    public static string Of<T>(T? value)
        where T : struct, Enum => value is { } v ? Of(v.ToString()) : "—";

    public static string Of(string pascal)
    {
        var text = new StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(pascal[i - 1]))
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        // Initialisms stay capitals wherever they fall: "NhsPrimaryCare" is "NHS primary care", "AtNdric" "At NDRIC".
        return Initialisms().Replace(text.ToString(), m => m.Value.ToUpperInvariant());
    }

    /// <summary>
    /// Who holds a form now, as a person would say it: both parties while the report back awaits their
    /// acknowledgements, then the one still to acknowledge; nobody is named for a closed form.
    /// </summary>
    public static string HolderOf(IntegratedCare.GapsAndBlocks.Application.Forms.FormDto form) => form switch
    {
        { Stage: IntegratedCare.GapsAndBlocks.Domain.Forms.FormStage.Closed } => "closed",
        { Stage: IntegratedCare.GapsAndBlocks.Domain.Forms.FormStage.AwaitingAcknowledgement, SubGroupAcknowledged: true, CaseManagerAcknowledged: false } => "the case manager",
        { Stage: IntegratedCare.GapsAndBlocks.Domain.Forms.FormStage.AwaitingAcknowledgement, SubGroupAcknowledged: false, CaseManagerAcknowledged: true } => "the sub-group",
        { Stage: IntegratedCare.GapsAndBlocks.Domain.Forms.FormStage.AwaitingAcknowledgement } => "the sub-group and the case manager",
        _ => "the " + Of(form.Holder).ToLowerInvariant().Replace("sub group", "sub-group", StringComparison.Ordinal).Replace("ndric", "NDRIC", StringComparison.Ordinal),
    };

    /// <summary>The data categories consent and sharing rules speak of: Protocols' own list of codes.</summary>
    public static IReadOnlyCollection<string> DataCategories => IntegratedCare.Protocols.Domain.Sharing.DataCategoryCodes.All;

    /// <summary>
    /// A data category as a person reads it: <c>assessment.housing</c> → "Assessment: housing",
    /// <c>care-plan</c> → "Care plan". An unknown code is shown as it is.
    /// </summary>
    public static string Category(string code)
    {
        static string Plain(string s) => s.Replace('-', ' ');
        if (!DataCategories.Contains(code))
        {
            return code;
        }

        var text = code.StartsWith("assessment.", StringComparison.Ordinal) ? "Assessment: " + Plain(code["assessment.".Length..]) : Plain(code);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    public static IReadOnlyList<T> All<T>()
        where T : struct, Enum => Enum.GetValues<T>();

    /// <summary>
    /// A deadline as its last day ("4 Dec 2025"): deadlines end at midnight after their last day in the area's
    /// calendar, and the UK's and Ireland's clocks agree, so London time names the day for every area.
    /// </summary>
    public static string DueDay(DateTimeOffset? end) => end is { } e
        ? TimeZoneInfo.ConvertTime(e.AddTicks(-1), IntegratedCare.BuildingBlocks.Domain.Calendar.WorkingCalendar.ZoneOf(IntegratedCare.BuildingBlocks.Domain.Calendar.Jurisdiction.Scotland))
            .ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))
        : "—";

    public static string Date(DateTimeOffset? at) => at is { } a ? a.ToLocalTime().ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) : "—";

    /// <summary>Today's date in the UK and Ireland (their clocks agree), the day due dates are compared with.</summary>
    public static DateOnly TodayInTheUk() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, IntegratedCare.BuildingBlocks.Domain.Calendar.WorkingCalendar.ZoneOf(IntegratedCare.BuildingBlocks.Domain.Calendar.Jurisdiction.Scotland)).DateTime);

    public static string Day(DateOnly? day) => day is { } d ? d.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) : "—";

    public static string Iso(DateTime? day) => day is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>What an audit record says was done, as a person would say it: "Viewed care plan", "Changed consent".</summary>
    public static string AuditWhat(IntegratedCare.BuildingBlocks.Contracts.AuditAction action, string resourceType) =>
        action switch
        {
            IntegratedCare.BuildingBlocks.Contracts.AuditAction.Read => "Viewed ",
            IntegratedCare.BuildingBlocks.Contracts.AuditAction.Create => "Created ",
            IntegratedCare.BuildingBlocks.Contracts.AuditAction.Update => "Changed ",
            IntegratedCare.BuildingBlocks.Contracts.AuditAction.Delete => "Removed ",
            _ => "Acted on ",
        } + resourceType.Replace('-', ' ').Replace("service user", "the person's identity", StringComparison.Ordinal);

    /// <summary>An audit outcome for a reader of the log: allowed, refused, or failed.</summary>
    public static string AuditOutcome(IntegratedCare.BuildingBlocks.Application.Auditing.AuditOutcome outcome) => outcome switch
    {
        IntegratedCare.BuildingBlocks.Application.Auditing.AuditOutcome.Success => "Allowed",
        IntegratedCare.BuildingBlocks.Application.Auditing.AuditOutcome.Denied => "Refused",
        _ => "Failed",
    };

    /// <summary>Why an audited call was refused or failed, in words; the code itself goes into the export.</summary>
    public static string AuditDetail(string? detail) => detail switch
    {
        null => string.Empty,
        _ when detail.StartsWith("not-found (hidden", StringComparison.Ordinal) => "No care relationship: not told the person exists",
        _ when detail.StartsWith("not-found", StringComparison.Ordinal) => "Not found",
        "permission-denied" => "Not permitted",
        "unauthenticated" => "Not signed in",
        _ when detail.StartsWith("invalid-argument", StringComparison.Ordinal) => "The request was invalid",
        _ when detail.StartsWith("failed-precondition", StringComparison.Ordinal) => "A rule did not allow it",
        _ when detail.StartsWith("aborted", StringComparison.Ordinal) => "Someone else changed it first",
        _ => detail.Replace('-', ' '),
    };

    /// <summary>A role as staff say it: <c>rehabilitation-coordinator</c> → "Rehabilitation co-ordinator".</summary>
    public static string Role(string code) => code switch
    {
        IntegratedCare.BuildingBlocks.Application.Security.Roles.CaseManager => "Case manager",
        IntegratedCare.BuildingBlocks.Application.Security.Roles.LineManager => "Line manager",
        IntegratedCare.BuildingBlocks.Application.Security.Roles.RehabilitationCoordinator => "Rehabilitation co-ordinator",
        IntegratedCare.BuildingBlocks.Application.Security.Roles.SubgroupMember => "Sub-group member",
        IntegratedCare.BuildingBlocks.Application.Security.Roles.NationalCoordinator => "National co-ordinator",
        IntegratedCare.BuildingBlocks.Application.Security.Roles.AgencySystem => "Agency computer system",
        IntegratedCare.BuildingBlocks.Application.Security.Roles.AgencyAdmin => "Agency administrator",
        IntegratedCare.BuildingBlocks.Application.Security.Roles.SystemAdmin => "System administrator",
        IntegratedCare.BuildingBlocks.Application.Security.Roles.InformationGovernance => "Information governance lead",
        _ => code,
    };
}
