using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.CarePlan.Domain.Plans;
using static CarePlan.Tests.TestPlans;

namespace CarePlan.Tests;

/// <summary>Variances: coded by the case manager, handed to gaps and blocks once, with a reason, as one event.</summary>
public sealed class VarianceTests
{
    [Fact]
    public void CodingAVariance_SetsTheReason_AndKeepsTheNoteUnlessANewOneIsGiven()
    {
        var (plan, variance) = Overdue();
        var note = plan.Variances.Single().Note;

        plan.CodeVariance(plan.Version, variance, VarianceReason.WaitingList, "   ", Now);
        var kept = plan.Variances.Single();
        plan.CodeVariance(plan.Version, variance, VarianceReason.ResourceGap, "  Twelve-week wait ", Now);

        Assert.Equal(((VarianceReason?)VarianceReason.WaitingList, note), (kept.Reason, kept.Note));
        Assert.Equal(((VarianceReason?)VarianceReason.ResourceGap, "Twelve-week wait"), (plan.Variances.Single().Reason, plan.Variances.Single().Note));
    }

    [Fact]
    public void CodingOrHandingOnAVarianceThePlanDoesNotHave_IsRefused()
    {
        var (plan, _) = Overdue();
        var version = plan.Version;

        Assert.Equal(nameof(ItemMustBelongToThePlanRule), Refused(() => plan.CodeVariance(version, Guid.NewGuid(), VarianceReason.ResourceGap, "x", Now)));
        Assert.Equal(nameof(ItemMustBelongToThePlanRule), Refused(() => plan.HandVarianceToGapsAndBlocks(version, Guid.NewGuid(), Now)));
        Assert.Equal(version, plan.Version);
        Assert.Empty(plan.DomainEvents.OfType<VarianceHandedToGapsAndBlocks>());
    }

    [Fact]
    public void AnUncodedVariance_IsNotHandedOn()
    {
        var (plan, variance) = Overdue();
        var version = plan.Version;

        var refused = Assert.Throws<BusinessRuleViolationException>(() => plan.HandVarianceToGapsAndBlocks(version, variance, Now));

        Assert.Equal(nameof(VarianceIsHandedOnOnceWithAReasonRule), refused.Rule);
        Assert.Contains("no reason code yet", refused.Message, StringComparison.Ordinal);
        Assert.Equal(((DateTimeOffset?)null, version), (plan.Variances.Single().HandedToGapsAndBlocksAt, plan.Version));
        Assert.Empty(plan.DomainEvents.OfType<VarianceHandedToGapsAndBlocks>());
    }

    [Fact]
    public void ACodedVariance_IsHandedOnAsOneEvent_CarryingThePlanPersonLeadAndVariance()
    {
        var (plan, variance) = Overdue();
        plan.CodeVariance(plan.Version, variance, VarianceReason.ResourceGap, "No places", Now);
        var version = plan.Version;
        var at = Now.AddDays(2);

        var handed = plan.HandVarianceToGapsAndBlocks(version, variance, at);

        Assert.Equal(at, handed.HandedToGapsAndBlocksAt);
        Assert.Equal(handed, plan.Variances.Single());
        var raised = Assert.Single(plan.DomainEvents.OfType<VarianceHandedToGapsAndBlocks>());
        Assert.Equal(new VarianceHandedToGapsAndBlocks(plan.Id, plan.ServiceUserId, Lead, handed, at), raised);
        Assert.Equal((version + 1, at), (plan.Version, plan.UpdatedAt));

        plan.ClearDomainEvents();
        Assert.Empty(plan.DomainEvents);
    }

    [Fact]
    public void AVarianceHandedOnOnce_IsNotHandedOnAgain()
    {
        var (plan, variance) = Overdue();
        plan.CodeVariance(plan.Version, variance, VarianceReason.ResourceGap, "No places", Now);
        plan.HandVarianceToGapsAndBlocks(plan.Version, variance, Now);
        var version = plan.Version;

        var refused = Assert.Throws<BusinessRuleViolationException>(() => plan.HandVarianceToGapsAndBlocks(version, variance, Now.AddDays(1)));

        Assert.Equal(nameof(VarianceIsHandedOnOnceWithAReasonRule), refused.Rule);
        Assert.Contains("handed to gaps and blocks already", refused.Message, StringComparison.Ordinal);
        Assert.Equal((Now, version), (plan.Variances.Single().HandedToGapsAndBlocksAt!.Value, plan.Version));
        Assert.Single(plan.DomainEvents.OfType<VarianceHandedToGapsAndBlocks>());
    }

    [Fact]
    public void HandingOnAgainstAStaleVersion_IsAConflict_AndRaisesNothing()
    {
        var (plan, variance) = Overdue();
        plan.CodeVariance(plan.Version, variance, VarianceReason.ResourceGap, "No places", Now);

        Assert.Throws<ConcurrencyConflictException>(() => plan.HandVarianceToGapsAndBlocks(plan.Version - 1, variance, Now));
        Assert.Empty(plan.DomainEvents.OfType<VarianceHandedToGapsAndBlocks>());
        Assert.Null(plan.Variances.Single().HandedToGapsAndBlocksAt);
    }

    [Fact]
    public void ACodedVariance_MayStillBeHandedOn_AfterThePlanClosed()
    {
        // The only change a closed plan takes: the gap it met outlives the plan. Coding, though, needs an open plan.
        var (plan, variance) = Overdue();
        var uncoded = plan.AddAction(plan.Version, null, Nhs, 3, "CMHT", Today.AddDays(1), Now).ActionId;
        plan.NoteOverdueActions(Today.AddDays(2), Now);
        var second = plan.Variances.Single(v => v.ActionId == uncoded).VarianceId;
        plan.CodeVariance(plan.Version, variance, VarianceReason.ResourceGap, "No places", Now);
        plan.Exit(plan.Version, "Moved away", Now.AddDays(3));

        plan.HandVarianceToGapsAndBlocks(plan.Version, variance, Now.AddDays(4));

        Assert.Single(plan.DomainEvents.OfType<VarianceHandedToGapsAndBlocks>());
        Assert.Equal(nameof(PlanMustBeOpenRule), Refused(() => plan.CodeVariance(plan.Version, second, VarianceReason.WaitingList, "x", Now)));
        Assert.Equal(CarePlanStatus.Completed, plan.Status);
    }

    /// <summary>An active plan with one overdue, uncoded variance (the housing action, due yesterday).</summary>
    private static (IntegratedCarePlan Plan, Guid VarianceId) Overdue()
    {
        var (plan, _) = WithAction(Housing, due: Today.AddDays(-1));
        plan.NoteOverdueActions(Today, Now);
        return (plan, plan.Variances.Single().VarianceId);
    }
}
