using IntegratedCare.BuildingBlocks.Domain.Calendar;
using IntegratedCare.GapsAndBlocks.Domain.Forms;
using static GapsAndBlocks.Tests.TestForms;

namespace GapsAndBlocks.Tests;

/// <summary>Each rung's due date, counted in the area's working calendar, and the one alert a stage past it raises.</summary>
public sealed class DeadlineTests
{
    [Fact]
    public void AStage_IsOverdueOnlyAfterItsDueInstant_NotAtIt()
    {
        var form = At(FormStage.WithCoordinator);

        Assert.False(form.IsOverdueAt(Due));
        Assert.False(form.NoteOverdue(Due));
        Assert.True(form.IsOverdueAt(Due.AddTicks(1)));
        Assert.Empty(form.Alerts);
    }

    [Fact]
    public void AnOverdueStage_RaisesOneAlertAndOneEvent_ToWhoeverHoldsIt()
    {
        var form = At(FormStage.WithCoordinator);
        var version = form.Version;
        var at = Due.AddMinutes(5);

        Assert.True(form.NoteOverdue(at));
        Assert.False(form.NoteOverdue(at.AddDays(1)));

        Assert.Equal(new OverdueAlert(FormStage.WithCoordinator, StageHolder.RehabilitationCoordinator, Due, at), Assert.Single(form.Alerts));
        Assert.Equal(
            new FormStageOverdue(form.Id, Area, form.AgencyId, form.CaseManagerId, FormStage.WithCoordinator, StageHolder.RehabilitationCoordinator, Due, at),
            Assert.Single(form.DomainEvents.OfType<FormStageOverdue>()));
        Assert.Equal((true, 1, version + 1), (form.StageOverdueNoted, form.OverdueAlertCount, form.Version));
        Assert.Equal(FormStage.WithCoordinator, form.Stage);
    }

    [Fact]
    public void TheNextStage_IsAlertedAgain_WhenItToo_RunsOver()
    {
        var form = At(FormStage.WithCoordinator);
        form.NoteOverdue(Due.AddDays(1));
        form.RaiseToSubGroup(form.Version, "co", "Late", Due.AddDays(43), Due.AddDays(1));
        var rearmed = form.StageOverdueNoted;

        Assert.False(form.NoteOverdue(Due.AddDays(43)));
        Assert.True(form.NoteOverdue(Due.AddDays(44)));

        Assert.False(rearmed);
        Assert.Equal([(FormStage.WithCoordinator, StageHolder.RehabilitationCoordinator), (FormStage.AtSubGroup, StageHolder.SubGroup)], form.Alerts.Select(a => (a.Stage, a.Holder)));
        Assert.Equal(2, form.OverdueAlertCount);
        Assert.Equal(2, form.DomainEvents.OfType<FormStageOverdue>().Count());
    }

    [Fact]
    public void ADeferralOrOneAcknowledgement_NeitherMovesTheDueDateNorRearmsTheAlert()
    {
        var committee = At(FormStage.AtSubGroup);
        committee.NoteOverdue(Due.AddDays(1));
        committee.Defer("meeting", "Papers late", Due.AddDays(2));

        var report = At(FormStage.AwaitingAcknowledgement);
        report.NoteOverdue(Due.AddDays(1));
        report.Acknowledge(report.Version, bySubGroup: true, "sg", Due.AddDays(2));

        Assert.Equal((Due, true, false), (committee.StageDueAt!.Value, committee.StageOverdueNoted, committee.NoteOverdue(Due.AddDays(3))));
        Assert.Equal((Due, true, false), (report.StageDueAt!.Value, report.StageOverdueNoted, report.NoteOverdue(Due.AddDays(3))));
        Assert.Single(committee.Alerts);
        Assert.Single(report.Alerts);
    }

    [Theory]
    [InlineData("ResolveByCoordinator")]
    [InlineData("Return")]
    public void AClosedOrReturnedForm_HasNoDueDate_AndIsNeverAlerted(string step)
    {
        var form = At(Steps[step]);
        Take(form, step, Now.AddHours(1));

        Assert.Null(form.StageDueAt);
        Assert.False(form.IsOverdueAt(Now.AddYears(5)));
        Assert.False(form.NoteOverdue(Now.AddYears(5)));
        Assert.Empty(form.DomainEvents.OfType<FormStageOverdue>());
    }

    [Fact]
    public void AFormClosedByBothAcknowledgements_HasNoDueDate_AndRaisesNoAlert()
    {
        var form = At(FormStage.Closed);

        Assert.Null(form.StageDueAt);
        Assert.False(form.NoteOverdue(Now.AddYears(1)));
        Assert.Equal(0, form.OverdueAlertCount);
    }

    [Fact]
    public void TenDaysFromAFriday_EndingOnStAndrewsDay_RunsToTheTuesdayInScotland_ButNotInEngland()
    {
        // Endorsed Friday 20 November 2026: the co-ordinator's ten days end Monday 30 November, St Andrew's Day in Scotland only.
        var endorsed = new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
        var scottish = Endorsed(DueAfter(10, endorsed, Scotland), endorsed);
        var english = Endorsed(DueAfter(10, endorsed, EnglandAndWales), endorsed);

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero), scottish.StageDueAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), english.StageDueAt);
        var tuesdayNoon = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal((false, true), (scottish.NoteOverdue(tuesdayNoon), english.NoteOverdue(tuesdayNoon)));
        Assert.Equal(new DateOnly(2026, 12, 1), Scotland.LastDayOf(scottish.StageDueAt!.Value));
    }

    [Fact]
    public void FiveDaysFromAMonday_EndingOnASaturday_RunsToTheNextWorkingDay()
    {
        // Attested Monday 23 November: five days end Saturday 28th; England's deadline moves to Monday 30th,
        // Scotland's past St Andrew's Day to Tuesday 1 December.
        Assert.Equal(new DateOnly(2026, 11, 30), EnglandAndWales.LastDayOf(DueAfter(5, Now, EnglandAndWales)));
        Assert.Equal(new DateOnly(2026, 12, 1), Scotland.LastDayOf(DueAfter(5, Now, Scotland)));
    }

    [Fact]
    public void InSummer_ADeadlineEndsAtLocalMidnight_AnHourBeforeUtcMidnight()
    {
        // Endorsed Wednesday 1 July 2026: ten days end Saturday 11 July, so Monday 13th in Scotland, and
        // in Northern Ireland, where the 13th is the Boyne holiday, Tuesday 14th. Both end at 23:00 UTC (BST).
        var endorsed = new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero);
        var scottish = Endorsed(DueAfter(10, endorsed, Scotland), endorsed);
        var northern = DueAfter(10, endorsed, NorthernIreland);

        Assert.Equal(new DateTimeOffset(2026, 7, 13, 23, 0, 0, TimeSpan.Zero), scottish.StageDueAt);
        Assert.Equal(new DateTimeOffset(2026, 7, 14, 23, 0, 0, TimeSpan.Zero), northern);
        Assert.False(scottish.NoteOverdue(new DateTimeOffset(2026, 7, 13, 23, 0, 0, TimeSpan.Zero)));
        Assert.True(scottish.NoteOverdue(new DateTimeOffset(2026, 7, 13, 23, 0, 1, TimeSpan.Zero)));
    }

    [Fact]
    public void OverChristmas_EachJurisdictionSkipsItsOwnHolidaysOnly()
    {
        // Ten days from Friday 18 December 2026 end Monday 28th: the Boxing Day substitute in the UK, an ordinary day in Ireland.
        var endorsed = new DateTimeOffset(2026, 12, 18, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 12, 29), Scotland.LastDayOf(DueAfter(10, endorsed, Scotland)));
        Assert.Equal(new DateOnly(2026, 12, 29), NorthernIreland.LastDayOf(DueAfter(10, endorsed, NorthernIreland)));
        Assert.Equal(new DateOnly(2026, 12, 28), Ireland.LastDayOf(DueAfter(10, endorsed, Ireland)));
        Assert.Equal(new DateTimeOffset(2026, 12, 29, 0, 0, 0, TimeSpan.Zero), DueAfter(10, endorsed, Ireland));
    }

    [Fact]
    public void LateEveningUtc_IsAlreadyTomorrow_WhenTheLadderCountsItsDays()
    {
        // 23:30 UTC on Thursday 9 July is Friday 10th in Scotland: five days then end Wednesday 15th, not Tuesday 14th.
        var lateEvening = new DateTimeOffset(2026, 7, 9, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 7, 15), Scotland.LastDayOf(DueAfter(5, lateEvening, Scotland)));
        Assert.Equal(Jurisdiction.Scotland, Scotland.Jurisdiction);
    }

    private static GapsBlocksForm Endorsed(DateTimeOffset dueAt, DateTimeOffset at)
    {
        var form = At(FormStage.AwaitingEndorsement);
        form.Endorse(form.Version, "lm", "Warrants attention", dueAt, at);
        return form;
    }
}
