using System.Globalization;

namespace IntegratedCare.Notifications.Application.Delivery;

/// <summary>
/// The words of each notice. They name no person and quote nothing from a record: what kind of item, for
/// whom (your agency, a plan you lead), and its last day. The link leads to the screen where the item is,
/// behind the same checks as always.
/// </summary>
internal static class NoticeText
{
    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string NewAction(DateOnly due) => $"New action for your agency on a care plan, due by {Day(due)}.";

    public static string ActionDueSoon(DateOnly due) => $"An action for your agency is due by {Day(due)}.";

    public static string ActionOverdueForAgency(DateOnly due) => $"An action for your agency is past its last day ({Day(due)}).";

    public static string ActionOverdueForLead(DateOnly due) => $"An action on a care plan you lead is past its last day ({Day(due)}).";

    public static string NewReferral(DateOnly lastDay) => $"New referral to your agency, to answer by {Day(lastDay)}.";

    public static string ReferralOverdueTo(DateOnly lastDay) => $"A referral to your agency is unanswered past its last day ({Day(lastDay)}).";

    public static string ReferralOverdueFrom(DateOnly lastDay) => $"A referral your agency made is unanswered past its last day ({Day(lastDay)}).";

    public static string FormWaiting(string stage, DateOnly? lastDay) =>
        $"A gaps and blocks form is waiting for your step: {Stage(stage)}{(lastDay is { } d ? $", by {Day(d)}" : string.Empty)}.";

    public static string FormReturned => "A gaps and blocks form you drafted was returned to you by your line manager.";

    public static string FormAcknowledge => "NDRIC's actions on a gaps and blocks form you raised were reported back: acknowledge them.";

    public static string FormClosed => "A gaps and blocks form you raised was closed.";

    public static string FormOverdue(string holder, DateOnly lastDay) =>
        $"A gaps and blocks form waiting for {Holder(holder)} is past its last day ({Day(lastDay)}).";

    public static string ConsentWithdrawn => "A person on your caseload withdrew a consent to share information.";

    public static string ConsentExpired => "A consent to share information expired for a person on your caseload.";

    private static string Stage(string stage) => stage switch
    {
        "AwaitingEndorsement" => "endorse or return it",
        "WithCoordinator" => "the co-ordinator's feedback",
        "AtSubGroup" => "the sub-group's decision",
        "AtNdric" => "NDRIC's decision",
        "ReportingBack" => "report NDRIC's actions back",
        "AwaitingAcknowledgement" => "acknowledge NDRIC's actions",
        "Draft" => "attest it",
        _ => "the next step",
    };

    private static string Holder(string holder) => holder switch
    {
        "CaseManager" => "the case manager",
        "LineManager" => "a line manager",
        "RehabilitationCoordinator" => "the co-ordinator",
        "SubGroup" => "the sub-group",
        "NationalCoordinator" => "NDRIC",
        _ => "its holder",
    };
}
