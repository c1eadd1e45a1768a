using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.BuildingBlocks.Domain.Calendar;
using IntegratedCare.GapsAndBlocks.Domain.Forms;

namespace GapsAndBlocks.Tests;

/// <summary>Forms on each rung of the ladder, built through the aggregate's own steps (no mocks, no storage).</summary>
internal static class TestForms
{
    /// <summary>Monday 23 November 2026, 09:00 UTC (GMT in the UK).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A stage's due date far enough off not to matter.</summary>
    public static readonly DateTimeOffset Due = Now.AddDays(10);

    public static readonly Guid Area = Guid.NewGuid();

    public static readonly Guid Agency = Guid.NewGuid();

    /// <summary>Every step of the ladder by name, with the stage it belongs to.</summary>
    public static readonly IReadOnlyDictionary<string, FormStage> Steps = new Dictionary<string, FormStage>
    {
        ["Edit"] = FormStage.Draft,
        ["Attest"] = FormStage.Draft,
        ["Endorse"] = FormStage.AwaitingEndorsement,
        ["Return"] = FormStage.AwaitingEndorsement,
        ["ResolveByCoordinator"] = FormStage.WithCoordinator,
        ["RaiseToSubGroup"] = FormStage.WithCoordinator,
        ["ResolveBySubGroup"] = FormStage.AtSubGroup,
        ["ReferToNdric"] = FormStage.AtSubGroup,
        ["RecordNdricDecision"] = FormStage.AtNdric,
        ["ReportBack"] = FormStage.ReportingBack,
        ["AcknowledgeBySubGroup"] = FormStage.AwaitingAcknowledgement,
        ["AcknowledgeByCaseManager"] = FormStage.AwaitingAcknowledgement,
    };

    public static FormContent Content(int actions = 1, string overview = "No supported accommodation after detox.") => new(
        "Clydebank Addiction Service",
        new DateOnly(2026, 11, 23),
        new CaseManagerContact("A. Case Manager", "cm@example.org", "0141 496 0000"),
        overview,
        Enumerable.Range(1, actions).Select(i => new ActionStep("Case manager", $"Referred to housing options ({i})", "No places", new DateOnly(2026, 11, i))).ToList(),
        "Discharge in two weeks.",
        "Commission supported places.",
        FormCategory.Housing,
        FormKind.ResourceGap,
        [Agency]);

    public static GapsBlocksForm Drafted() => GapsBlocksForm.Draft(Area, Agency, "cm", Content(), null, Now);

    /// <summary>A form brought to <paramref name="stage"/> the one way up the ladder; Closed by both acknowledgements.</summary>
    public static GapsBlocksForm At(FormStage stage)
    {
        var form = Drafted();
        foreach (var step in new[] { "Attest", "Endorse", "RaiseToSubGroup", "ReferToNdric", "RecordNdricDecision", "ReportBack", "AcknowledgeBySubGroup", "AcknowledgeByCaseManager" })
        {
            if (form.Stage == stage)
            {
                break;
            }

            Take(form, step, Now);
        }

        Assert.Equal(stage, form.Stage);

        // As a form loaded from the store: the events of getting here were published already.
        form.ClearDomainEvents();
        return form;
    }

    /// <summary>Takes the named step at the form's current version, by "by", with a comment, due at <see cref="Due"/>.</summary>
    public static void Take(GapsBlocksForm form, string step, DateTimeOffset at) => Take(form, step, form.Version, at);

    public static void Take(GapsBlocksForm form, string step, long version, DateTimeOffset at)
    {
        switch (step)
        {
            case "Edit": form.Edit(version, Content(2), null, at); break;
            case "Attest": form.Attest(version, "cm", " Staff team ", Due, at); break;
            case "Endorse": form.Endorse(version, "lm", " Warrants attention ", Due, at); break;
            case "Return": form.Return(version, "lm", " Say more ", at); break;
            case "ResolveByCoordinator": form.ResolveByCoordinator(version, "co", " Found a place ", at); break;
            case "RaiseToSubGroup": form.RaiseToSubGroup(version, "co", " Needs the sub-group ", Due, at); break;
            case "ResolveBySubGroup": form.ResolveBySubGroup(version, "sg", " Agreed places ", at); break;
            case "ReferToNdric": form.ReferToNdric(version, "sg", " National gap ", Due, at); break;
            case "RecordNdricDecision": form.RecordNdricDecision(version, "nc", " Commission places ", Due, at); break;
            case "ReportBack": form.ReportBack(version, "co", " Reported ", Due, at); break;
            case "AcknowledgeBySubGroup": form.Acknowledge(version, bySubGroup: true, "sg", at); break;
            case "AcknowledgeByCaseManager": form.Acknowledge(version, bySubGroup: false, "cm", at); break;
            default: throw new ArgumentOutOfRangeException(nameof(step), step, null);
        }
    }

    public static string Refused(Action change) => Assert.Throws<BusinessRuleViolationException>(change).Rule;

    /// <summary>The end of the <paramref name="days"/>th day after today in <paramref name="calendar"/>, moved past weekends and holidays (as the ladder counts its periods).</summary>
    public static DateTimeOffset DueAfter(int days, DateTimeOffset now, WorkingCalendar calendar) =>
        calendar.EndOf(calendar.AddDays(calendar.Today(now), days));

    public static WorkingCalendar Calendar(Jurisdiction jurisdiction, params (int Month, int Day, string Title)[] holidays) =>
        new(new HolidayList(jurisdiction, 2026, 2026, holidays.Select(h => new PublicHoliday(new DateOnly(2026, h.Month, h.Day), h.Title, string.Empty)).ToList()));

    /// <summary>Scotland's 2026 public holidays as published (bank-holidays.json).</summary>
    public static readonly WorkingCalendar Scotland = Calendar(
        Jurisdiction.Scotland, (1, 1, "New Year's Day"), (1, 2, "January 2nd"), (4, 3, "Good Friday"), (5, 4, "Early May bank holiday"), (5, 25, "Spring bank holiday"),
        (8, 3, "Summer bank holiday"), (11, 30, "St Andrew's Day"), (12, 25, "Christmas Day"), (12, 28, "Boxing Day"));

    public static readonly WorkingCalendar EnglandAndWales = Calendar(
        Jurisdiction.EnglandAndWales, (1, 1, "New Year's Day"), (4, 3, "Good Friday"), (4, 6, "Easter Monday"), (5, 4, "Early May bank holiday"), (5, 25, "Spring bank holiday"),
        (8, 31, "Summer bank holiday"), (12, 25, "Christmas Day"), (12, 28, "Boxing Day"));

    public static readonly WorkingCalendar NorthernIreland = Calendar(
        Jurisdiction.NorthernIreland, (1, 1, "New Year's Day"), (3, 17, "St Patrick's Day"), (4, 3, "Good Friday"), (4, 6, "Easter Monday"), (5, 4, "Early May bank holiday"),
        (5, 25, "Spring bank holiday"), (7, 13, "Battle of the Boyne (Orangemen's Day)"), (8, 31, "Summer bank holiday"), (12, 25, "Christmas Day"), (12, 28, "Boxing Day"));

    public static readonly WorkingCalendar Ireland = Calendar(
        Jurisdiction.Ireland, (1, 1, "New Year's Day"), (2, 2, "St. Brigid's Day"), (3, 17, "St. Patrick's Day"), (4, 6, "Easter Monday"), (5, 4, "First Monday in May"),
        (6, 1, "First Monday in June"), (8, 3, "First Monday in August"), (10, 26, "Last Monday in October"), (12, 25, "Christmas Day"));
}
