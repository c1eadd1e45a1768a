using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.CarePlan.Domain.Plans;
using static CarePlan.Tests.TestPlans;

namespace CarePlan.Tests;

/// <summary>The plan's status ladder (draft, active, on hold, closed three ways), its stages and its version.</summary>
public sealed class PlanLifecycleTests
{
    public static TheoryData<string, string> ClosedPlanChanges()
    {
        var data = new TheoryData<string, string>();
        foreach (var how in new[] { "exit", "revoke", "error" })
        {
            foreach (var change in new[]
            {
                "Participate", "AddGoal", "UpdateGoal", "Activate", "PutOnHold", "AddAction", "AcceptAction", "DeclineAction", "ReportProgress",
                "CodeVariance", "SetReviewInterval", "RecordReview", "MoveToStage", "Exit", "Revoke", "AssignLeadCaseManager", "ProposeGoalsFromReassessment",
            })
            {
                data.Add(how, change);
            }
        }

        return data;
    }

    [Fact]
    public void Activation_MakesTheDraftActive_SetsGoalsToWork_SchedulesTheFirstReview_AndEntersIntervention()
    {
        var plan = Proposed(NeedDomain.DrugUse);
        var planned = plan.AddGoal(plan.Version, NeedDomain.HousingAndAccommodation, "Own tenancy", string.Empty, null, Now);
        var accepted = plan.AddGoal(plan.Version, NeedDomain.MentalHealth, "See CMHT", string.Empty, null, Now);
        var held = plan.AddGoal(plan.Version, NeedDomain.PhysicalHealth, "Dental", string.Empty, null, Now);
        var rejected = plan.AddGoal(plan.Version, NeedDomain.CriminalJustice, "Order", string.Empty, null, Now);
        plan.UpdateGoal(plan.Version, accepted.GoalId, "See CMHT", string.Empty, null, GoalLifecycle.Accepted, null, Now);
        plan.UpdateGoal(plan.Version, held.GoalId, "Dental", string.Empty, null, GoalLifecycle.OnHold, null, Now);
        plan.UpdateGoal(plan.Version, rejected.GoalId, "Order", string.Empty, null, GoalLifecycle.Rejected, null, Now);
        plan.Participate(plan.Version, new Participation(true, Today, null, string.Empty), Now);
        var before = plan.Version;
        var at = Now.AddHours(2);

        plan.Activate(before, Today, at);

        Assert.Equal(CarePlanStatus.Active, plan.Status);
        Assert.Equal(
            [GoalLifecycle.Active, GoalLifecycle.Active, GoalLifecycle.Active, GoalLifecycle.OnHold, GoalLifecycle.Rejected],
            plan.Goals.Select(g => g.Lifecycle));
        Assert.Equal(planned.GoalId, plan.Goals[1].GoalId);
        Assert.Equal(Today.AddDays(84), plan.NextReviewDue);
        Assert.Equal(new StageEntry(PathwayStage.Intervention, at), plan.Stages[^1]);
        Assert.Equal((before + 1, at), (plan.Version, plan.UpdatedAt));
        Assert.Empty(plan.DomainEvents);
    }

    [Fact]
    public void ActivatingAnActivePlan_IsRefused_AndChangesNothing()
    {
        var plan = Active();
        var version = plan.Version;

        Assert.Equal(nameof(PlanMustBeDraftOrOnHoldRule), Refused(() => plan.Activate(version, Today, Now)));
        Assert.Equal((CarePlanStatus.Active, version, 2), (plan.Status, plan.Version, plan.Stages.Count));
    }

    [Theory]
    [InlineData(GoalLifecycle.Completed)]
    [InlineData(GoalLifecycle.Cancelled)]
    [InlineData(GoalLifecycle.Rejected)]
    public void Activation_WithNoGoalLeftToWorkTowards_IsRefused(GoalLifecycle finished)
    {
        var plan = Agreed();
        var goal = plan.Goals.Single();
        plan.UpdateGoal(plan.Version, goal.GoalId, goal.Description, goal.Measure, null, finished, null, Now);
        var version = plan.Version;

        Assert.Equal(nameof(ActivationNeedsAGoalRule), Refused(() => plan.Activate(version, Today, Now)));
        Assert.Equal((CarePlanStatus.Draft, PathwayStage.CarePlanning, (DateOnly?)null, version), (plan.Status, plan.Stage, plan.NextReviewDue, plan.Version));
        Assert.Equal(finished, plan.Goals.Single().Lifecycle);
    }

    [Fact]
    public void Activation_WithOnlyAGoalOnHold_IsAllowed_AndTheGoalStaysOnHold()
    {
        var plan = Agreed();
        var goal = plan.Goals.Single();
        plan.UpdateGoal(plan.Version, goal.GoalId, goal.Description, goal.Measure, null, GoalLifecycle.OnHold, null, Now);

        plan.Activate(plan.Version, Today, Now);

        Assert.Equal((CarePlanStatus.Active, GoalLifecycle.OnHold), (plan.Status, plan.Goals.Single().Lifecycle));
    }

    [Fact]
    public void Activation_WhenThePersonTookPartButHasNotAgreed_IsRefused()
    {
        var plan = Proposed(NeedDomain.DrugUse);
        plan.Participate(plan.Version, new Participation(true, null, Today, "I took part"), Now);
        var version = plan.Version;

        Assert.Equal(nameof(ActivationNeedsThePersonsAgreementRule), Refused(() => plan.Activate(version, Today, Now)));
        Assert.Equal((CarePlanStatus.Draft, GoalLifecycle.Proposed), (plan.Status, plan.Goals.Single().Lifecycle));
    }

    [Fact]
    public void Activation_WithNeitherGoalNorAgreement_NamesTheMissingGoalFirst()
    {
        var plan = Proposed();

        Assert.Equal(nameof(ActivationNeedsAGoalRule), Refused(() => plan.Activate(0, Today, Now)));
    }

    [Fact]
    public void PuttingOnHold_IsForAnActivePlanOnly()
    {
        var draft = Agreed();
        Assert.Equal(nameof(PlanMustBeActiveRule), Refused(() => draft.PutOnHold(draft.Version, Now)));
        Assert.Equal(CarePlanStatus.Draft, draft.Status);

        var plan = Active();
        var version = plan.Version;
        plan.PutOnHold(version, Now.AddDays(1));
        Assert.Equal((CarePlanStatus.OnHold, version + 1, true), (plan.Status, plan.Version, plan.IsOpen));

        Assert.Equal(nameof(PlanMustBeActiveRule), Refused(() => plan.PutOnHold(plan.Version, Now.AddDays(2))));
        Assert.Equal((CarePlanStatus.OnHold, version + 1), (plan.Status, plan.Version));
    }

    [Fact]
    public void Resuming_AfterAReview_KeepsTheReviewDate_AndStaysInTheReviewStage()
    {
        var plan = Active();
        plan.RecordReview(plan.Version, Today.AddDays(10), [], [], "Continue", Today.AddDays(40), "cm", Now.AddDays(10));
        plan.PutOnHold(plan.Version, Now.AddDays(11));
        var stages = plan.Stages.Count;

        plan.Activate(plan.Version, Today.AddDays(20), Now.AddDays(20));

        Assert.Equal(CarePlanStatus.Active, plan.Status);
        Assert.Equal(Today.AddDays(40), plan.NextReviewDue);
        Assert.Equal((PathwayStage.Review, stages), (plan.Stage, plan.Stages.Count));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void AChangeAgainstAnotherVersion_IsAConflict_AndChangesNothing(long offset)
    {
        var plan = Active();
        var version = plan.Version;

        var conflict = Assert.Throws<ConcurrencyConflictException>(() => plan.AddGoal(version + offset, NeedDomain.MentalHealth, "x", string.Empty, null, Now));

        Assert.Equal((nameof(IntegratedCarePlan), version + offset, version), (conflict.Aggregate, conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal((version, 1), (plan.Version, plan.Goals.Count));
    }

    [Fact]
    public void AStaleVersion_IsCheckedBeforeTheClosedPlanRule()
    {
        var plan = Closed("exit");

        Assert.Throws<ConcurrencyConflictException>(() => plan.AddGoal(plan.Version - 1, NeedDomain.MentalHealth, "x", string.Empty, null, Now));
    }

    [Fact]
    public void EveryChange_MovesTheVersionOnByExactlyOne()
    {
        var plan = Proposed(NeedDomain.DrugUse);
        var versions = new List<long> { plan.Version };
        void Step(Action change)
        {
            change();
            versions.Add(plan.Version);
        }

        Step(() => plan.Participate(plan.Version, new Participation(true, Today, null, string.Empty), Now));
        Step(() => plan.AddGoal(plan.Version, NeedDomain.MentalHealth, "CMHT", string.Empty, null, Now));
        Step(() => plan.Activate(plan.Version, Today, Now));
        Step(() => plan.AddAction(plan.Version, null, Housing, 1, "Tenancy", Today.AddDays(1), Now));
        Step(() => plan.AcceptAction(plan.Version, plan.Actions[0].ActionId, Housing, "Officer", "housing", Now));
        Step(() => plan.NoteOverdueActions(Today.AddDays(2), Now));
        Step(() => plan.CodeVariance(plan.Version, plan.Variances[0].VarianceId, VarianceReason.WaitingList, string.Empty, Now));
        Step(() => plan.HandVarianceToGapsAndBlocks(plan.Version, plan.Variances[0].VarianceId, Now));
        Step(() => plan.MoveToStage(plan.Version, PathwayStage.Review, Now));
        Step(() => plan.Exit(plan.Version, "Done", Now));

        Assert.Equal(Enumerable.Range(0, 11).Select(i => (long)i), versions);
    }

    [Theory]
    [MemberData(nameof(ClosedPlanChanges))]
    public void AClosedPlan_RefusesEveryChange(string how, string change)
    {
        var plan = Closed(how);
        var (version, status, actions, stages) = (plan.Version, plan.Status, plan.Actions.Select(a => a.Status).ToList(), plan.Stages.Count);
        var actionId = plan.Actions.Single().ActionId;
        var goalId = plan.Goals.Single().GoalId;
        Action act = change switch
        {
            "Participate" => () => plan.Participate(version, new Participation(true, Today, Today, "Again"), Now),
            "AddGoal" => () => plan.AddGoal(version, NeedDomain.MentalHealth, "CMHT", string.Empty, null, Now),
            "UpdateGoal" => () => plan.UpdateGoal(version, goalId, "x", string.Empty, null, GoalLifecycle.Active, null, Now),
            "Activate" => () => plan.Activate(version, Today, Now),
            "PutOnHold" => () => plan.PutOnHold(version, Now),
            "AddAction" => () => plan.AddAction(version, null, Nhs, 3, "CMHT", Today.AddDays(5), Now),
            "AcceptAction" => () => plan.AcceptAction(version, actionId, Housing, "Officer", "housing", Now),
            "DeclineAction" => () => plan.DeclineAction(version, actionId, Housing, VarianceReason.WaitingList, "No", "housing", Now),
            "ReportProgress" => () => plan.ReportProgress(version, actionId, Housing, ActionStatus.Completed, "Done", "housing", Now),
            "CodeVariance" => () => plan.CodeVariance(version, Guid.NewGuid(), VarianceReason.ResourceGap, string.Empty, Now),
            "SetReviewInterval" => () => plan.SetReviewInterval(version, 4, Now),
            "RecordReview" => () => plan.RecordReview(version, Today, [], [], "x", null, "cm", Now),
            "MoveToStage" => () => plan.MoveToStage(version, PathwayStage.Intervention, Now),
            "Exit" => () => plan.Exit(version, "Again", Now.AddDays(5)),
            "Revoke" => () => plan.Revoke(version, "Again", enteredInError: true, Now.AddDays(5)),
            "AssignLeadCaseManager" => () => plan.AssignLeadCaseManager(version, "cm-2", Now),
            "ProposeGoalsFromReassessment" => () => plan.ProposeGoalsFromReassessment(Guid.NewGuid(), 2, [NeedDomain.MentalHealth], Now),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        };

        Assert.Equal(nameof(PlanMustBeOpenRule), Refused(act));
        Assert.Equal((version, status, stages, Now.AddDays(1)), (plan.Version, plan.Status, plan.Stages.Count, plan.ClosedAt));
        Assert.Equal(actions, plan.Actions.Select(a => a.Status));
        Assert.Single(plan.Goals);
    }

    [Fact]
    public void MovingToTheExitStage_IsRefused_ExitClosesWithAReason()
    {
        var plan = Active();
        var version = plan.Version;

        Assert.Equal(nameof(ExitIsRecordedWithAReasonRule), Refused(() => plan.MoveToStage(version, PathwayStage.AftercareExit, Now)));
        Assert.Equal((PathwayStage.Intervention, CarePlanStatus.Active, version), (plan.Stage, plan.Status, plan.Version));
    }

    [Fact]
    public void MovingToAStage_AddsAnEntry_OnlyWhenTheStageChanges_AndMayGoBack()
    {
        var plan = Active();

        plan.MoveToStage(plan.Version, PathwayStage.Intervention, Now.AddDays(1));
        var unchanged = (plan.Stages.Count, plan.Version);
        plan.MoveToStage(plan.Version, PathwayStage.Review, Now.AddDays(2));
        plan.MoveToStage(plan.Version, PathwayStage.Intervention, Now.AddDays(3));

        Assert.Equal((2, 3L), unchanged);
        Assert.Equal(
            [PathwayStage.CarePlanning, PathwayStage.Intervention, PathwayStage.Review, PathwayStage.Intervention],
            plan.Stages.Select(s => s.Stage));
        Assert.Equal(Now.AddDays(3), plan.Stages[^1].EnteredAt);
    }

    [Fact]
    public void Exit_StopsOnlyOpenActions_EndsOnlyCurrentMembers_AndClearsWhatIsDue()
    {
        var (plan, done) = WithAction(Housing);
        plan.ReportProgress(plan.Version, done, Housing, ActionStatus.Completed, "Signed", "housing", Now.AddDays(1));
        var waiting = plan.AddAction(plan.Version, null, Nhs, 3, "CMHT", Today.AddDays(5), Now.AddDays(1)).ActionId;
        var housingLeft = Member(plan, Housing);
        var at = Now.AddDays(4);

        plan.Exit(plan.Version, "  Moved out of the area  ", at);

        Assert.Equal((CarePlanStatus.Completed, false, at, "Moved out of the area"), (plan.Status, plan.IsOpen, plan.ClosedAt, plan.ExitReason));
        Assert.Equal(ActionStatus.Completed, ActionOf(plan, done).Status);
        var stopped = ActionOf(plan, waiting);
        Assert.Equal(ActionStatus.Stopped, stopped.Status);
        Assert.Equal(new ProgressNote(at, "system", ActionStatus.Stopped, "Plan closed"), stopped.Progress[^1]);
        Assert.Equal(housingLeft, Member(plan, Housing));
        Assert.Equal((TeamMemberStatus.Inactive, (DateTimeOffset?)at), (Member(plan, Nhs).Status, Member(plan, Nhs).End));
        Assert.Equal((TeamMemberStatus.Inactive, (DateTimeOffset?)at), (Member(plan, Lead).Status, Member(plan, Lead).End));
        Assert.Equal(((DateOnly?)null, (DateOnly?)null), (plan.NextReviewDue, plan.NextActionDue));
        Assert.Equal(new StageEntry(PathwayStage.AftercareExit, at), plan.Stages[^1]);
    }

    [Fact]
    public void ADraft_MayExit()
    {
        var plan = Proposed(NeedDomain.DrugUse);

        plan.Exit(plan.Version, "Person moved away before agreeing", Now.AddDays(1));

        Assert.Equal((CarePlanStatus.Completed, PathwayStage.AftercareExit), (plan.Status, plan.Stage));
    }

    [Theory]
    [InlineData(false, CarePlanStatus.Revoked)]
    [InlineData(true, CarePlanStatus.EnteredInError)]
    public void Revoking_ClosesWithoutAnExitStage_AndCancelsOpenActions(bool enteredInError, CarePlanStatus expected)
    {
        var (plan, actionId) = WithAction(Housing);
        var stages = plan.Stages.Select(s => s.Stage).ToList();
        var at = Now.AddDays(2);

        plan.Revoke(plan.Version, " Declined ", enteredInError, at);

        Assert.Equal((expected, false, (DateTimeOffset?)at, "Declined"), (plan.Status, plan.IsOpen, plan.ClosedAt, plan.ExitReason));
        Assert.Equal(stages, plan.Stages.Select(s => s.Stage));
        Assert.Equal(new ProgressNote(at, "system", ActionStatus.Cancelled, "Plan revoked"), ActionOf(plan, actionId).Progress[^1]);
        Assert.All(plan.Team, m => Assert.Equal((TeamMemberStatus.Inactive, (DateTimeOffset?)at), (m.Status, m.End)));
        Assert.Null(plan.NextReviewDue);
    }

    [Fact]
    public void TimeInStages_CountsTheCurrentStageToNow_WhileOpen_AndToTheClosure_Once_Closed()
    {
        var plan = Active(Now.AddDays(2));
        var open = plan.TimeInStages(Now.AddDays(5)).Select(s => s.Spent.TotalDays).ToList();

        plan.Revoke(plan.Version, "Error", enteredInError: true, Now.AddDays(6));

        Assert.Equal([2.0, 3.0], open);
        Assert.Equal([2.0, 4.0], plan.TimeInStages(Now.AddDays(30)).Select(s => s.Spent.TotalDays));
    }

    [Fact]
    public void OneOpenPlanPerPerson_RefusesASecondOpenPlan_AsADuplicate()
    {
        var open = Active().Id;

        Rule.Check(new OneOpenPlanPerPersonRule(null));
        var refused = Assert.Throws<BusinessRuleViolationException>(() => Rule.Check(new OneOpenPlanPerPersonRule(open)));

        Assert.Equal((nameof(OneOpenPlanPerPersonRule), true), (refused.Rule, refused.IsUniqueness));
        Assert.Contains(open.ToString(), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Participation_IsRecordedWithTheOwnWordsTrimmed_AndMayBeReplaced()
    {
        var plan = Proposed(NeedDomain.DrugUse);

        plan.Participate(0, new Participation(true, null, null, "  I want my own place \n"), Now);
        Assert.Equal("I want my own place", plan.Participation.OwnWords);
        plan.Participate(1, new Participation(true, Today, Today.AddDays(1), "Mine"), Now.AddDays(1));

        Assert.Equal(new Participation(true, Today, Today.AddDays(1), "Mine"), plan.Participation);
        Assert.Equal((2L, Now.AddDays(1)), (plan.Version, plan.UpdatedAt));
    }

    [Fact]
    public void ANewLeadCaseManager_ReplacesTheLeadsEntry_NotAnotherMember()
    {
        var (plan, _) = WithAction(Housing);

        plan.AssignLeadCaseManager(plan.Version, "  cm-2 ", Now);

        Assert.Equal(("cm-2", "cm-2", "Officer"), (plan.LeadCaseManager, Member(plan, Lead).Worker, Member(plan, Housing).Worker));
        Assert.Equal(2, plan.Team.Count);
    }
}
