using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.CarePlan.Domain.Plans;

namespace CarePlan.Tests;

public sealed class IntegratedCarePlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private static readonly Guid Lead = Guid.NewGuid();
    private static readonly Guid Housing = Guid.NewGuid();
    private static readonly Guid Nhs = Guid.NewGuid();

    [Fact]
    public void AProposedPlan_HasAGoalPerDomainInNeed_AndTheLeadOnItsTeam()
    {
        var plan = Proposed(NeedDomain.DrugUse, NeedDomain.HousingAndAccommodation, NeedDomain.DrugUse);

        Assert.Equal([NeedDomain.DrugUse, NeedDomain.HousingAndAccommodation], plan.Goals.Select(g => g.Domain));
        Assert.Equal((CarePlanStatus.Draft, PathwayStage.CarePlanning), (plan.Status, plan.Stage));
        Assert.Equal([Lead], plan.TeamAgencyIds);
    }

    [Fact]
    public void Activation_NeedsAGoalAndTheAgreement()
    {
        var noGoals = Proposed();
        noGoals.Participate(0, new Participation(true, Today, null, string.Empty), Now);
        Assert.Equal(nameof(ActivationNeedsAGoalRule), Assert.Throws<BusinessRuleViolationException>(() => noGoals.Activate(1, DateOnly.FromDateTime((Now).UtcDateTime), Now)).Rule);

        var unagreed = Proposed(NeedDomain.DrugUse);
        Assert.Equal(nameof(ActivationNeedsThePersonsAgreementRule), Assert.Throws<BusinessRuleViolationException>(() => unagreed.Activate(0, DateOnly.FromDateTime((Now).UtcDateTime), Now)).Rule);
    }

    [Fact]
    public void ATeamMember_JoinsOnAcceptance_AndLeavesWithItsLastOpenAction()
    {
        var plan = Active();
        var first = plan.AddAction(plan.Version, null, Housing, 1, "Tenancy", Today.AddDays(30), Now);
        var second = plan.AddAction(plan.Version, null, Housing, 2, "Tenancy support", Today.AddDays(60), Now);
        Assert.Equal(TeamMemberStatus.Proposed, Member(plan, Housing).Status);

        plan.AcceptAction(plan.Version, first.ActionId, Housing, "Officer", "housing-system", Now);
        plan.AcceptAction(plan.Version, second.ActionId, Housing, "Officer", "housing-system", Now.AddDays(1));
        var joined = Member(plan, Housing);
        plan.ReportProgress(plan.Version, first.ActionId, Housing, ActionStatus.Completed, "Signed", "housing-system", Now.AddDays(10));
        var stillIn = Member(plan, Housing);
        plan.ReportProgress(plan.Version, second.ActionId, Housing, ActionStatus.Completed, "Settled", "housing-system", Now.AddDays(20));
        var left = Member(plan, Housing);

        Assert.Equal((TeamMemberStatus.Active, Now), (joined.Status, joined.Start));
        Assert.Equal(TeamMemberStatus.Active, stillIn.Status);
        Assert.Equal((TeamMemberStatus.Inactive, Now, Now.AddDays(20)), (left.Status, left.Start, left.End));
    }

    [Fact]
    public void OnlyTheAssignedAgency_AnswersItsAction_AndOnlyOnce()
    {
        var plan = Active();
        var action = plan.AddAction(plan.Version, null, Housing, 1, "Tenancy", Today.AddDays(30), Now);

        Assert.Equal(nameof(ActionBelongsToTheAgencyRule), Assert.Throws<BusinessRuleViolationException>(() => plan.AcceptAction(plan.Version, action.ActionId, Nhs, "x", "nhs", Now)).Rule);
        plan.DeclineAction(plan.Version, action.ActionId, Housing, VarianceReason.WaitingList, "No stock", "housing-system", Now);
        Assert.Equal(nameof(ActionMustAwaitAnAnswerRule), Assert.Throws<BusinessRuleViolationException>(() => plan.AcceptAction(plan.Version, action.ActionId, Housing, "x", "housing", Now)).Rule);

        var variance = Assert.Single(plan.Variances);
        Assert.Equal((VarianceKind.Declined, VarianceReason.WaitingList), (variance.Kind, variance.Reason));
        Assert.Equal(TeamMemberStatus.Inactive, Member(plan, Housing).Status);
    }

    [Fact]
    public void AnOverdueAction_BecomesAVarianceOnce_AndAFinishedOneNever()
    {
        var plan = Active();
        plan.AddAction(plan.Version, null, Nhs, 3, "CMHT assessment", Today.AddDays(5), Now);
        var done = plan.AddAction(plan.Version, null, Housing, 1, "Tenancy", Today.AddDays(5), Now);
        plan.AcceptAction(plan.Version, done.ActionId, Housing, "Officer", "housing-system", Now);
        plan.ReportProgress(plan.Version, done.ActionId, Housing, ActionStatus.Completed, "Signed", "housing-system", Now);

        Assert.Equal(0, plan.NoteOverdueActions(Today.AddDays(5), Now.AddDays(5)));
        Assert.Equal(1, plan.NoteOverdueActions(Today.AddDays(6), Now.AddDays(6)));
        Assert.Equal(0, plan.NoteOverdueActions(Today.AddDays(7), Now.AddDays(7)));
        Assert.Equal((VarianceKind.Overdue, Nhs, (VarianceReason?)null), (plan.Variances.Single().Kind, plan.Variances.Single().AgencyId, plan.Variances.Single().Reason));
        Assert.Null(plan.NextActionDue);

        // Each assignment and the one overdue action are told to other modules (the notifications inbox), once each.
        Assert.Equal([Nhs, Housing], plan.DomainEvents.OfType<ActionAssigned>().Select(e => e.AgencyId));
        var overdue = Assert.Single(plan.DomainEvents.OfType<ActionOverdue>());
        Assert.Equal((plan.Id, Nhs, Lead, plan.LeadCaseManager, Today.AddDays(5)), (overdue.CarePlanId, overdue.AgencyId, overdue.LeadAgencyId, overdue.LeadCaseManager, overdue.DueDate));
    }

    [Fact]
    public void AVariance_IsHandedOnCodedAndOnce()
    {
        var plan = Active();
        plan.AddAction(plan.Version, null, Nhs, 3, "CMHT assessment", Today.AddDays(1), Now);
        plan.NoteOverdueActions(Today.AddDays(2), Now);
        var variance = plan.Variances.Single().VarianceId;

        Assert.Throws<BusinessRuleViolationException>(() => plan.HandVarianceToGapsAndBlocks(plan.Version, variance, Now));
        plan.CodeVariance(plan.Version, variance, VarianceReason.ResourceGap, string.Empty, Now);
        plan.HandVarianceToGapsAndBlocks(plan.Version, variance, Now);
        Assert.Throws<BusinessRuleViolationException>(() => plan.HandVarianceToGapsAndBlocks(plan.Version, variance, Now));
        Assert.Single(plan.DomainEvents.OfType<VarianceHandedToGapsAndBlocks>());
    }

    [Fact]
    public void AReview_SchedulesTheNextOneAnIntervalOn_AndUpdatesGoals()
    {
        var plan = Active();
        plan.SetReviewInterval(plan.Version, 6, Now);
        var goal = plan.Goals.Single().GoalId;

        plan.RecordReview(plan.Version, Today, [new GoalProgress(goal, GoalAchievement.Achieved, "Abstinent")], [new OutcomeScore(NeedDomain.DrugUse, 8)], "Continue", null, "cm", Now);

        Assert.Equal(Today.AddDays(42), plan.NextReviewDue);
        Assert.Equal((GoalLifecycle.Completed, GoalAchievement.Achieved), (plan.Goals.Single().Lifecycle, plan.Goals.Single().Achievement));
        Assert.Equal(PathwayStage.Review, plan.Stage);
        Assert.Throws<BusinessRuleViolationException>(() => plan.RecordReview(plan.Version, Today, [], [], "Again", Today, "cm", Now));
    }

    [Fact]
    public void Exit_StopsOpenActions_DisbandsTheTeam_ClosesThePlan_AndCountsTimeInEachStage()
    {
        var plan = Active(Now.AddDays(3));
        plan.AddAction(plan.Version, null, Housing, 1, "Tenancy", Today.AddDays(30), Now.AddDays(3));

        plan.Exit(plan.Version, "Moved out of the area", Now.AddDays(10));

        Assert.Equal(CarePlanStatus.Completed, plan.Status);
        Assert.All(plan.Actions, a => Assert.Equal(ActionStatus.Stopped, a.Status));
        Assert.All(plan.Team, m => Assert.Equal(TeamMemberStatus.Inactive, m.Status));
        Assert.Equal(
            [(PathwayStage.CarePlanning, 3.0), (PathwayStage.Intervention, 7.0), (PathwayStage.AftercareExit, 0.0)],
            plan.TimeInStages(Now.AddDays(20)).Select(s => (s.Stage, s.Spent.TotalDays)));
        Assert.Throws<BusinessRuleViolationException>(() => plan.AddGoal(plan.Version, NeedDomain.DrugUse, "x", string.Empty, null, Now));
    }

    [Fact]
    public void APlanOnHold_ResumesByActivation_AndARevokedOneCloses()
    {
        var plan = Active();
        plan.PutOnHold(plan.Version, Now);
        Assert.Equal(CarePlanStatus.OnHold, plan.Status);
        plan.Activate(plan.Version, DateOnly.FromDateTime((Now).UtcDateTime), Now);
        Assert.Equal(CarePlanStatus.Active, plan.Status);

        plan.AddAction(plan.Version, null, Housing, 1, "Tenancy", Today.AddDays(30), Now);
        plan.Revoke(plan.Version, "The person declined the plan", enteredInError: false, Now);

        Assert.Equal((CarePlanStatus.Revoked, false), (plan.Status, plan.IsOpen));
        Assert.All(plan.Actions, a => Assert.Equal(ActionStatus.Cancelled, a.Status));
        Assert.Throws<BusinessRuleViolationException>(() => plan.Activate(plan.Version, DateOnly.FromDateTime((Now).UtcDateTime), Now));
    }

    [Fact]
    public void ANewLeadCaseManager_LeadsThePlanAndItsTeamEntry()
    {
        var plan = Proposed(NeedDomain.DrugUse);

        plan.AssignLeadCaseManager(plan.Version, "case-manager-2", Now);

        Assert.Equal("case-manager-2", plan.LeadCaseManager);
        Assert.Equal("case-manager-2", Member(plan, Lead).Worker);
    }

    private static IntegratedCarePlan Proposed(params NeedDomain[] domains) =>
        IntegratedCarePlan.Propose(Guid.NewGuid(), 1, Guid.NewGuid(), Lead, "cm", 3, domains, Now);

    private static IntegratedCarePlan Active(DateTimeOffset? at = null)
    {
        var plan = Proposed(NeedDomain.DrugUse);
        plan.Participate(0, new Participation(true, Today, Today, "My words"), at ?? Now);
        plan.Activate(1, DateOnly.FromDateTime((at ?? Now).UtcDateTime), at ?? Now);
        return plan;
    }

    private static TeamMember Member(IntegratedCarePlan plan, Guid agency) => plan.Team.Single(m => m.AgencyId == agency);
}
