using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.CarePlan.Domain.Plans;
using static CarePlan.Tests.TestPlans;

namespace CarePlan.Tests;

/// <summary>Actions: assigned, answered by their own agency once, progressed while accepted and open; and the care team they make.</summary>
public sealed class ActionTests
{
    [Fact]
    public void AnAddedAction_AwaitsAnAnswer_AndProposesItsAgencyToTheTeamOnce()
    {
        var plan = Active();
        var goal = plan.Goals.Single().GoalId;

        var first = plan.AddAction(plan.Version, goal, Housing, 1, "  Tenancy ", Today.AddDays(30), Now);
        plan.AddAction(plan.Version, null, Housing, 2, "Support", Today.AddDays(10), Now);

        Assert.Equal(new PlanAction(first.ActionId, goal, Housing, 1, "Tenancy", Today.AddDays(30), ActionStatus.NotStarted, string.Empty, null, [], false) with { Progress = first.Progress }, first);
        Assert.Empty(first.Progress);
        Assert.Equal([Lead, Housing], plan.TeamAgencyIds);
        Assert.Equal(new TeamMember(Housing, string.Empty, "Service contribution", TeamMemberStatus.Proposed, null, null), Member(plan, Housing));
        Assert.Equal(Today.AddDays(10), plan.NextActionDue);
    }

    [Fact]
    public void AnActionForTheLeadAgency_AddsNoOtherTeamMember()
    {
        var plan = Active();

        plan.AddAction(plan.Version, null, Lead, 3, "Key work", Today.AddDays(7), Now);

        Assert.Equal([Lead], plan.TeamAgencyIds);
        Assert.Equal(new TeamMember(Lead, "cm", "Lead case manager", TeamMemberStatus.Active, Now, null), Assert.Single(plan.Team));
    }

    [Fact]
    public void AnActionTowardsAGoalThePlanDoesNotHave_IsRefused_AndNotAdded()
    {
        var plan = Active();
        var version = plan.Version;

        Assert.Equal(nameof(ItemMustBelongToThePlanRule), Refused(() => plan.AddAction(version, Guid.NewGuid(), Housing, 1, "Tenancy", Today, Now)));
        Assert.Empty(plan.Actions);
        Assert.Equal([Lead], plan.TeamAgencyIds);
        Assert.Equal(version, plan.Version);
    }

    [Fact]
    public void Accepting_SchedulesTheAction_WithItsWorker_AndTheAgencyJoinsTheTeam()
    {
        var (plan, actionId) = WithAction(Housing, accept: false);
        var at = Now.AddDays(1);

        plan.AcceptAction(plan.Version, actionId, Housing, " Housing Options Officer ", "housing-system", at);

        var action = ActionOf(plan, actionId);
        Assert.Equal((ActionStatus.Scheduled, "Housing Options Officer", true, true), (action.Status, action.AssignedWorker, action.IsOpen, action.IsAccepted));
        Assert.Equal(new ProgressNote(at, "housing-system", ActionStatus.Scheduled, "Accepted"), Assert.Single(action.Progress));
        Assert.Equal(new TeamMember(Housing, "Housing Options Officer", "Service contribution", TeamMemberStatus.Active, at, null), Member(plan, Housing));
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("decline")]
    [InlineData("progress")]
    public void AnotherAgency_CannotAnswerOrReportOnTheAction(string answer)
    {
        var (plan, actionId) = WithAction(Housing, accept: answer == "progress");
        var version = plan.Version;
        var before = ActionOf(plan, actionId);
        Action act = answer switch
        {
            "accept" => () => plan.AcceptAction(version, actionId, Nhs, "x", "nhs", Now),
            "decline" => () => plan.DeclineAction(version, actionId, Nhs, VarianceReason.InterAgencyIssue, "Not ours", "nhs", Now),
            _ => () => plan.ReportProgress(version, actionId, Nhs, ActionStatus.Completed, "Done", "nhs", Now),
        };

        Assert.Equal(nameof(ActionBelongsToTheAgencyRule), Refused(act));
        Assert.Equal(before, ActionOf(plan, actionId));
        Assert.Empty(plan.Variances);
        Assert.Equal(version, plan.Version);
        Assert.DoesNotContain(plan.Team, m => m.AgencyId == Nhs);
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("decline")]
    [InlineData("progress")]
    public void AnActionThePlanDoesNotHave_IsRefused(string answer)
    {
        var plan = Active();
        var unknown = Guid.NewGuid();
        Action act = answer switch
        {
            "accept" => () => plan.AcceptAction(plan.Version, unknown, Housing, "x", "housing", Now),
            "decline" => () => plan.DeclineAction(plan.Version, unknown, Housing, VarianceReason.WaitingList, "x", "housing", Now),
            _ => () => plan.ReportProgress(plan.Version, unknown, Housing, ActionStatus.Completed, "x", "housing", Now),
        };

        Assert.Equal(nameof(ItemMustBelongToThePlanRule), Refused(act));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void AnAnsweredAction_IsNotAnsweredAgain(bool acceptedFirst, bool acceptAgain)
    {
        var (plan, actionId) = WithAction(Housing, accept: false);
        if (acceptedFirst)
        {
            plan.AcceptAction(plan.Version, actionId, Housing, "Officer", "housing", Now);
        }
        else
        {
            plan.DeclineAction(plan.Version, actionId, Housing, VarianceReason.WaitingList, "No stock", "housing", Now);
        }

        var (version, action, variances) = (plan.Version, ActionOf(plan, actionId), plan.Variances.Count);
        Action again = acceptAgain
            ? () => plan.AcceptAction(version, actionId, Housing, "Other", "housing", Now.AddDays(1))
            : () => plan.DeclineAction(version, actionId, Housing, VarianceReason.ResourceGap, "Changed mind", "housing", Now.AddDays(1));

        Assert.Equal(nameof(ActionMustAwaitAnAnswerRule), Refused(again));
        Assert.Equal((version, action, variances), (plan.Version, ActionOf(plan, actionId), plan.Variances.Count));
    }

    [Fact]
    public void Declining_CancelsTheAction_RecordsACodedVariance_AndTheNeverJoinedAgencyLeavesWithNoDates()
    {
        var (plan, actionId) = WithAction(Housing, accept: false);
        var at = Now.AddDays(1);

        plan.DeclineAction(plan.Version, actionId, Housing, VarianceReason.ServiceUnavailable, "  No service here ", "housing-system", at);

        var action = ActionOf(plan, actionId);
        Assert.Equal((ActionStatus.Cancelled, (VarianceReason?)VarianceReason.ServiceUnavailable, false, false), (action.Status, action.DeclineReason, action.IsOpen, action.IsAccepted));
        Assert.Equal(new ProgressNote(at, "housing-system", ActionStatus.Cancelled, "No service here"), Assert.Single(action.Progress));
        var variance = Assert.Single(plan.Variances);
        Assert.Equal(
            new Variance(variance.VarianceId, actionId, null, Housing, VarianceKind.Declined, VarianceReason.ServiceUnavailable, "No service here", at, null),
            variance);
        Assert.Equal(new TeamMember(Housing, string.Empty, "Service contribution", TeamMemberStatus.Inactive, null, null), Member(plan, Housing));
        Assert.Equal([Lead, Housing], plan.TeamAgencyIds);
        Assert.Null(plan.NextActionDue);
    }

    [Fact]
    public void TheLeadAgency_StaysOnTheTeam_WhenItDeclinesOrFinishesItsOwnActions()
    {
        var plan = Active();
        var declined = plan.AddAction(plan.Version, null, Lead, 3, "Groupwork", Today.AddDays(7), Now).ActionId;
        var done = plan.AddAction(plan.Version, null, Lead, 3, "Key work", Today.AddDays(7), Now).ActionId;

        plan.DeclineAction(plan.Version, declined, Lead, VarianceReason.WaitingList, "Full", "cm", Now);
        plan.AcceptAction(plan.Version, done, Lead, "cm", "cm", Now);
        plan.ReportProgress(plan.Version, done, Lead, ActionStatus.Completed, "Done", "cm", Now.AddDays(3));

        Assert.Equal((TeamMemberStatus.Active, (DateTimeOffset?)null), (Member(plan, Lead).Status, Member(plan, Lead).End));
    }

    [Fact]
    public void ProgressOnAnActionNotYetAccepted_IsRefused()
    {
        var (plan, actionId) = WithAction(Housing, accept: false);

        var refused = Assert.Throws<BusinessRuleViolationException>(() => plan.ReportProgress(plan.Version, actionId, Housing, ActionStatus.InProgress, "Started", "housing", Now));

        Assert.Equal(nameof(ProgressNeedsAnAcceptedOpenActionRule), refused.Rule);
        Assert.Contains("accept or decline it first", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ActionStatus.NotStarted, ActionOf(plan, actionId).Status);
    }

    [Theory]
    [InlineData(ActionStatus.NotStarted)]
    [InlineData(ActionStatus.Cancelled)]
    [InlineData(ActionStatus.EnteredInError)]
    public void ProgressIsNotReportedAsUnstartedCancelledOrInError(ActionStatus reported)
    {
        var (plan, actionId) = WithAction(Housing);
        var version = plan.Version;

        Assert.Equal(nameof(ProgressNeedsAnAcceptedOpenActionRule), Refused(() => plan.ReportProgress(version, actionId, Housing, reported, "x", "housing", Now)));
        Assert.Equal((ActionStatus.Scheduled, version), (ActionOf(plan, actionId).Status, plan.Version));
    }

    [Theory]
    [InlineData(ActionStatus.Completed)]
    [InlineData(ActionStatus.Stopped)]
    public void AFinishedAction_TakesNoMoreProgress(ActionStatus finished)
    {
        var (plan, actionId) = WithAction(Housing);
        plan.ReportProgress(plan.Version, actionId, Housing, finished, "End", "housing", Now);
        var version = plan.Version;

        Assert.Equal(nameof(ProgressNeedsAnAcceptedOpenActionRule), Refused(() => plan.ReportProgress(version, actionId, Housing, ActionStatus.InProgress, "Again", "housing", Now)));
        Assert.Equal((finished, 2), (ActionOf(plan, actionId).Status, ActionOf(plan, actionId).Progress.Count));
    }

    [Fact]
    public void AnAcceptedAction_MovesBetweenInProgressAndOnHold_UntilItIsDone_KeepingEveryNote()
    {
        var (plan, actionId) = WithAction(Housing);

        plan.ReportProgress(plan.Version, actionId, Housing, ActionStatus.InProgress, " Viewing ", "housing", Now.AddDays(1));
        plan.ReportProgress(plan.Version, actionId, Housing, ActionStatus.OnHold, "Person in hospital", "housing", Now.AddDays(2));
        var onHold = Member(plan, Housing);
        plan.ReportProgress(plan.Version, actionId, Housing, ActionStatus.InProgress, "Back", "housing", Now.AddDays(3));
        plan.ReportProgress(plan.Version, actionId, Housing, ActionStatus.Completed, "Signed", "housing", Now.AddDays(4));

        Assert.Equal(
            [(ActionStatus.Scheduled, "Accepted"), (ActionStatus.InProgress, "Viewing"), (ActionStatus.OnHold, "Person in hospital"), (ActionStatus.InProgress, "Back"), (ActionStatus.Completed, "Signed")],
            ActionOf(plan, actionId).Progress.Select(p => (p.Status, p.Note)));
        Assert.Equal(TeamMemberStatus.Active, onHold.Status);
        Assert.Equal((TeamMemberStatus.Inactive, (DateTimeOffset?)Now.AddDays(4)), (Member(plan, Housing).Status, Member(plan, Housing).End));
    }

    [Fact]
    public void AnAgencyThatLeft_RejoinsWithANewStart_WhenItAcceptsAnotherAction()
    {
        var (plan, first) = WithAction(Housing);
        plan.ReportProgress(plan.Version, first, Housing, ActionStatus.Stopped, "Person moved", "housing", Now.AddDays(1));
        var second = plan.AddAction(plan.Version, null, Housing, 1, "Again", Today.AddDays(60), Now.AddDays(5)).ActionId;
        var whileAsked = Member(plan, Housing).Status;

        plan.AcceptAction(plan.Version, second, Housing, "Officer 2", "housing", Now.AddDays(6));

        Assert.Equal(TeamMemberStatus.Inactive, whileAsked);
        Assert.Equal(new TeamMember(Housing, "Officer 2", "Service contribution", TeamMemberStatus.Active, Now.AddDays(6), null), Member(plan, Housing));
        Assert.Single(plan.Team, m => m.AgencyId == Housing);
    }

    [Fact]
    public void AnActionDueToday_IsNotOverdue_OneDueYesterdayIs_WhetherOrNotItWasAccepted()
    {
        var plan = Active();
        var dueToday = plan.AddAction(plan.Version, null, Housing, 1, "Today", Today, Now).ActionId;
        var unanswered = plan.AddAction(plan.Version, null, Nhs, 3, "Yesterday", Today.AddDays(-1), Now).ActionId;
        var onHold = plan.AddAction(plan.Version, null, Housing, 1, "Held", Today.AddDays(-1), Now).ActionId;
        var done = plan.AddAction(plan.Version, null, Housing, 1, "Done", Today.AddDays(-1), Now).ActionId;
        plan.AcceptAction(plan.Version, onHold, Housing, "Officer", "housing", Now);
        plan.ReportProgress(plan.Version, onHold, Housing, ActionStatus.OnHold, "Wait", "housing", Now);
        plan.AcceptAction(plan.Version, done, Housing, "Officer", "housing", Now);
        plan.ReportProgress(plan.Version, done, Housing, ActionStatus.Completed, "Done", "housing", Now);
        var version = plan.Version;

        Assert.Equal(2, plan.NoteOverdueActions(Today, Now));

        Assert.Equal([unanswered, onHold], plan.Variances.Select(v => v.ActionId!.Value));
        Assert.All(plan.Variances, v => Assert.Equal((VarianceKind.Overdue, (VarianceReason?)null, $"Due {Today.AddDays(-1):yyyy-MM-dd}, not done.", Now), (v.Kind, v.Reason, v.Note, v.RecordedAt)));
        Assert.Equal([Nhs, Housing], plan.Variances.Select(v => v.AgencyId));
        Assert.False(ActionOf(plan, dueToday).OverdueNoted);
        Assert.Equal((Today, version + 1), (plan.NextActionDue, plan.Version));
    }

    [Fact]
    public void TheOverdueSweep_CountsTodayInThePlansCalendar_NotInUtc()
    {
        // 23:30 UTC on Wednesday 10 June 2026 is already Thursday 11 June in Scotland (BST).
        var lateEvening = new DateTimeOffset(2026, 6, 10, 23, 30, 0, TimeSpan.Zero);
        var plan = Active();
        plan.AddAction(plan.Version, null, Housing, 1, "Tenancy", new DateOnly(2026, 6, 10), Now);

        Assert.Equal(0, plan.NoteOverdueActions(DateOnly.FromDateTime(lateEvening.UtcDateTime), lateEvening));
        Assert.Equal(1, plan.NoteOverdueActions(Scotland.Today(lateEvening), lateEvening));
    }

    [Fact]
    public void ASweepThatFindsNothing_ChangesNothing()
    {
        var (plan, _) = WithAction(Housing, due: Today.AddDays(3));
        var (version, updated) = (plan.Version, plan.UpdatedAt);

        Assert.Equal(0, plan.NoteOverdueActions(Today.AddDays(3), Now.AddDays(3)));
        Assert.Equal((version, updated), (plan.Version, plan.UpdatedAt));
        Assert.Equal(Today.AddDays(3), plan.NextActionDue);
    }

    [Fact]
    public void AClosedPlansActions_AreNeverOverdue()
    {
        var plan = Closed("exit");

        Assert.Equal(0, plan.NoteOverdueActions(Today.AddDays(365), Now.AddDays(365)));
        Assert.Empty(plan.Variances);
    }

    [Fact]
    public void AnOverdueReferral_IsAVarianceOncePerReferral_AndNeverOnAClosedPlan()
    {
        var plan = Active();
        var referral = Guid.NewGuid();
        var lastDay = new DateOnly(2026, 12, 1);
        var version = plan.Version;

        Assert.True(plan.NoteOverdueReferral(referral, Housing, lastDay, Now));
        Assert.False(plan.NoteOverdueReferral(referral, Housing, lastDay, Now.AddDays(1)));
        Assert.True(plan.NoteOverdueReferral(Guid.NewGuid(), Nhs, lastDay, Now.AddDays(1)));

        var variance = plan.Variances[0];
        Assert.Equal(
            new Variance(variance.VarianceId, null, referral, Housing, VarianceKind.ReferralOverdue, null, "Referral due by the end of 2026-12-01, unanswered.", Now, null),
            variance);
        Assert.Equal((2, version + 2), (plan.Variances.Count, plan.Version));

        var closed = Closed("revoke");
        Assert.False(closed.NoteOverdueReferral(Guid.NewGuid(), Housing, lastDay, Now));
        Assert.Empty(closed.Variances);
    }
}
