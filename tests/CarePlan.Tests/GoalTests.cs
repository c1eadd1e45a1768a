using IntegratedCare.CarePlan.Domain.Plans;
using static CarePlan.Tests.TestPlans;

namespace CarePlan.Tests;

/// <summary>Goals (proposed, added, updated, re-proposed after a reassessment) and the reviews that measure them.</summary>
public sealed class GoalTests
{
    [Fact]
    public void AProposal_NamesEachDomainsNeed_AsAProposedGoalWithNoAchievementYet()
    {
        var plan = Proposed(NeedDomain.FinanceAndBenefits, NeedDomain.RelationshipsAndSocialSupport);

        Assert.Equal(
            ["Meet the finance and benefits need found by the assessment", "Meet the relationships and social support need found by the assessment"],
            plan.Goals.Select(g => g.Description));
        Assert.All(plan.Goals, g => Assert.Equal((GoalLifecycle.Proposed, (GoalAchievement?)null, string.Empty), (g.Lifecycle, g.Achievement, g.Measure)));
        Assert.Equal((0L, 1, 3), (plan.Version, plan.Episode, plan.RecommendedTier));
    }

    [Fact]
    public void AnAddedGoal_IsPlannedAndInProgress_WithItsTextTrimmed()
    {
        var plan = Active();
        var version = plan.Version;

        var goal = plan.AddGoal(version, NeedDomain.MentalHealth, "  See the CMHT ", " Attends 3 of 4 ", new DateOnly(2027, 3, 1), Now.AddDays(1));

        Assert.Equal(new Goal(goal.GoalId, NeedDomain.MentalHealth, "See the CMHT", "Attends 3 of 4", new DateOnly(2027, 3, 1), GoalLifecycle.Planned, GoalAchievement.InProgress), plan.Goals[^1]);
        Assert.Equal((version + 1, Now.AddDays(1)), (plan.Version, plan.UpdatedAt));
    }

    [Fact]
    public void UpdatingAGoal_ReplacesEveryField_AndMayClearTheAchievement()
    {
        var plan = Active();
        var goal = plan.AddGoal(plan.Version, NeedDomain.MentalHealth, "CMHT", "m", null, Now);

        plan.UpdateGoal(plan.Version, goal.GoalId, " New ", " Measure ", new DateOnly(2027, 1, 1), GoalLifecycle.Cancelled, null, Now);

        Assert.Equal(goal with { Description = "New", Measure = "Measure", TargetDate = new DateOnly(2027, 1, 1), Lifecycle = GoalLifecycle.Cancelled, Achievement = null }, plan.Goals[^1]);
        Assert.Equal(2, plan.Goals.Count);
    }

    [Fact]
    public void UpdatingAGoalThePlanDoesNotHave_IsRefused()
    {
        var plan = Active();
        var version = plan.Version;
        var before = plan.Goals.ToList();

        Assert.Equal(nameof(ItemMustBelongToThePlanRule), Refused(() => plan.UpdateGoal(version, Guid.NewGuid(), "x", string.Empty, null, GoalLifecycle.Completed, null, Now)));
        Assert.Equal(before, plan.Goals);
        Assert.Equal(version, plan.Version);
    }

    [Fact]
    public void AReassessment_ProposesGoalsOnlyForNeedsWithNoLiveGoal()
    {
        var plan = Proposed(NeedDomain.DrugUse, NeedDomain.AlcoholUse, NeedDomain.MentalHealth, NeedDomain.PhysicalHealth);
        var ids = plan.Goals.Select(g => g.GoalId).ToList();
        plan.UpdateGoal(plan.Version, ids[1], "a", string.Empty, null, GoalLifecycle.Completed, GoalAchievement.Achieved, Now);
        plan.UpdateGoal(plan.Version, ids[2], "m", string.Empty, null, GoalLifecycle.Cancelled, null, Now);
        plan.UpdateGoal(plan.Version, ids[3], "p", string.Empty, null, GoalLifecycle.OnHold, null, Now);
        var assessment = Guid.NewGuid();
        var version = plan.Version;

        // No expected version: this follows another module's event, not a caller's read.
        plan.ProposeGoalsFromReassessment(
            assessment, 4, [NeedDomain.DrugUse, NeedDomain.AlcoholUse, NeedDomain.MentalHealth, NeedDomain.PhysicalHealth, NeedDomain.CriminalJustice, NeedDomain.CriminalJustice], Now.AddDays(1));

        Assert.Equal(
            [NeedDomain.AlcoholUse, NeedDomain.MentalHealth, NeedDomain.CriminalJustice],
            plan.Goals.Skip(4).Select(g => g.Domain));
        Assert.All(plan.Goals.Skip(4), g => Assert.Equal(GoalLifecycle.Proposed, g.Lifecycle));
        Assert.Equal((assessment, 4, version + 1), (plan.SourceAssessmentId, plan.RecommendedTier, plan.Version));
    }

    [Fact]
    public void AReview_DefaultsTheNextOneToAnIntervalOn_EntersTheReviewStageOnce_AndCompletesAchievedGoals()
    {
        var plan = Active();
        var housing = plan.AddGoal(plan.Version, NeedDomain.HousingAndAccommodation, "Tenancy", string.Empty, null, Now).GoalId;
        var drugs = plan.Goals[0].GoalId;
        var heldOn = Today.AddDays(7);

        var first = plan.RecordReview(
            plan.Version, heldOn, [new GoalProgress(drugs, GoalAchievement.Achieved, "Abstinent"), new GoalProgress(housing, GoalAchievement.Improving, "Viewing")],
            [new OutcomeScore(NeedDomain.DrugUse, 8)], " Continue ", null, "cm", Now.AddDays(7));
        plan.RecordReview(plan.Version, heldOn.AddDays(84), [], [], "Again", null, "cm", Now.AddDays(91));

        Assert.Equal((heldOn, heldOn.AddDays(84), "Continue", "cm"), (first.HeldOn, first.NextReviewOn, first.Decisions, first.RecordedBy));
        Assert.Equal(heldOn.AddDays(168), plan.NextReviewDue);
        Assert.Equal([first.ReviewId, plan.Reviews[1].ReviewId], plan.Reviews.Select(r => r.ReviewId));
        Assert.Equal((GoalLifecycle.Completed, GoalAchievement.Achieved), (plan.Goals[0].Lifecycle, plan.Goals[0].Achievement));
        Assert.Equal((GoalLifecycle.Planned, GoalAchievement.Improving), (plan.Goals[1].Lifecycle, plan.Goals[1].Achievement));
        Assert.Single(plan.Stages, s => s.Stage == PathwayStage.Review);
        Assert.Equal(Now.AddDays(7), plan.Stages[^1].EnteredAt);
    }

    [Fact]
    public void AReview_MayNameTheNextDate_TheDayAfterAtTheEarliest()
    {
        var plan = Active();

        plan.RecordReview(plan.Version, Today, [], [], "Soon", Today.AddDays(1), "cm", Now);

        Assert.Equal(Today.AddDays(1), plan.NextReviewDue);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-30)]
    public void AReviewWhoseNextIsNotAfterIt_IsRefused_AndRecordsNothing(int daysAfter)
    {
        var plan = Active();
        var version = plan.Version;
        var due = plan.NextReviewDue;

        Assert.Equal(nameof(NextReviewFollowsThisOneRule), Refused(() => plan.RecordReview(version, Today, [], [], "x", Today.AddDays(daysAfter), "cm", Now)));
        Assert.Equal((version, due, PathwayStage.Intervention), (plan.Version, plan.NextReviewDue, plan.Stage));
        Assert.Empty(plan.Reviews);
    }

    [Fact]
    public void ARefusedReview_LeavesTheGoalsAsTheyWere()
    {
        var plan = Active();
        var goal = plan.Goals.Single();

        Assert.Equal(
            nameof(NextReviewFollowsThisOneRule),
            Refused(() => plan.RecordReview(plan.Version, Today, [new GoalProgress(goal.GoalId, GoalAchievement.Achieved, "Abstinent")], [], "x", Today, "cm", Now)));

        Assert.Equal(goal, plan.Goals.Single());
    }

    [Fact]
    public void AReviewOfAGoalThePlanDoesNotHave_IsRefused_AndLeavesTheOtherGoalsAsTheyWere()
    {
        var plan = Active();
        var goal = plan.Goals.Single();

        Assert.Equal(
            nameof(ItemMustBelongToThePlanRule),
            Refused(() => plan.RecordReview(
                plan.Version, Today, [new GoalProgress(goal.GoalId, GoalAchievement.Achieved, "Abstinent"), new GoalProgress(Guid.NewGuid(), GoalAchievement.Improving, "?")], [], "x", null, "cm", Now)));

        Assert.Equal(goal, plan.Goals.Single());
        Assert.Empty(plan.Reviews);
    }

    [Fact]
    public void AReviewNamingAGoalTwice_KeepsTheLastProgress()
    {
        var plan = Active();
        var goal = plan.Goals.Single().GoalId;

        plan.RecordReview(plan.Version, Today, [new GoalProgress(goal, GoalAchievement.Achieved, "a"), new GoalProgress(goal, GoalAchievement.Worsening, "b")], [], "x", null, "cm", Now);

        Assert.Equal(GoalAchievement.Worsening, plan.Goals.Single().Achievement);
    }

    [Fact]
    public void AReview_IsForAnActivePlan_NotADraftOrOneOnHold()
    {
        var draft = Agreed();
        Assert.Equal(nameof(PlanMustBeActiveRule), Refused(() => draft.RecordReview(draft.Version, Today, [], [], "x", null, "cm", Now)));

        var held = Active();
        held.PutOnHold(held.Version, Now);
        Assert.Equal(nameof(PlanMustBeActiveRule), Refused(() => held.RecordReview(held.Version, Today, [], [], "x", null, "cm", Now)));
        Assert.Empty(held.Reviews);
    }

    [Fact]
    public void AReviewInterval_SetBeforeActivation_SchedulesTheFirstReview()
    {
        var plan = Agreed();

        plan.SetReviewInterval(plan.Version, 4, Now);
        plan.Activate(plan.Version, Today, Now);

        Assert.Equal((4, Today.AddDays(28)), (plan.ReviewIntervalWeeks, plan.NextReviewDue));
    }

    [Fact]
    public void AReviewInterval_ChangedAfterAReview_ReschedulesFromThatReview()
    {
        var plan = Active();
        plan.RecordReview(plan.Version, Today.AddDays(3), [], [], "x", Today.AddDays(100), "cm", Now);

        plan.SetReviewInterval(plan.Version, 2, Now.AddDays(4));

        Assert.Equal(Today.AddDays(3 + 14), plan.NextReviewDue);
    }
}
