using IntegratedCare.Assessment.Domain.Assessments;
using IntegratedCare.BuildingBlocks.Domain;

namespace Assessment.Tests;

public sealed class SingleSharedAssessmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Lead = Guid.NewGuid();
    private static readonly Guid Nhs = Guid.NewGuid();
    private static readonly Guid Housing = Guid.NewGuid();

    [Fact]
    public void Completion_NeedsEveryDomain_AndNamesTheOutstandingOnes()
    {
        var assessment = Started();
        assessment.Contribute(0, [Domain(NeedDomain.DrugUse, NeedLevel.High)], Lead, "worker", Now);

        var refused = Assert.Throws<BusinessRuleViolationException>(() => assessment.Complete(1, "A. Assessor", "Social worker", "worker", Now));

        Assert.Equal(nameof(AllDomainsMustBeAssessedRule), refused.Rule);
        Assert.Contains("AlcoholUse", refused.Details["outstanding_domains"]);
        Assert.DoesNotContain("DrugUse", refused.Details["outstanding_domains"]);
    }

    [Fact]
    public void ACompletedAssessment_NeverChanges()
    {
        var assessment = Completed();
        var version = assessment.Version;

        Assert.Throws<BusinessRuleViolationException>(() => assessment.Contribute(version, [Domain(NeedDomain.DrugUse, NeedLevel.Low)], Lead, "worker", Now));
        Assert.Throws<BusinessRuleViolationException>(() => assessment.RaiseRiskFlag(version, RiskFlag.Overdose, "note", Lead, "worker", Now));
        Assert.Throws<BusinessRuleViolationException>(() => assessment.Complete(version, "B. Assessor", string.Empty, "worker", Now));
        Assert.Equal(NeedLevel.High, assessment.Findings.Single(f => f.Domain == NeedDomain.DrugUse).Need);
        Assert.Equal(version, assessment.Version);
    }

    [Fact]
    public void Completion_FixesTheTierAndRaisesOneEventWithoutIdentity()
    {
        var assessment = Completed();

        var completed = Assert.Single(assessment.DomainEvents.OfType<AssessmentCompleted>());
        Assert.Equal(4, assessment.RecommendedTier);
        Assert.Equal(4, completed.Recommendation.Tier);
        Assert.Equal(11, completed.Findings.Count);
        Assert.Equal([RiskFlag.Overdose], completed.RiskFlags);
        Assert.Equal("A. Assessor", assessment.AssessorName);
    }

    [Fact]
    public void ADomainAssessedByOneAgency_IsRevisedOnlyByItOrTheLead()
    {
        var assessment = Started();
        assessment.Contribute(0, [Domain(NeedDomain.MentalHealth, NeedLevel.High)], Nhs, "nhs-system", Now);

        var refused = Assert.Throws<BusinessRuleViolationException>(() =>
            assessment.Contribute(1, [Domain(NeedDomain.MentalHealth, NeedLevel.Low)], Housing, "housing-system", Now));
        Assert.Equal(nameof(DomainIsRevisedByItsContributorOrTheLeadRule), refused.Rule);

        assessment.Contribute(1, [Domain(NeedDomain.MentalHealth, NeedLevel.Moderate)], Nhs, "nhs-system", Now);
        assessment.Contribute(2, [Domain(NeedDomain.MentalHealth, NeedLevel.Low)], Lead, "worker", Now);
        Assert.Equal(NeedLevel.Low, assessment.Findings.Single().Need);
        Assert.Equal(Lead, assessment.Findings.Single().ContributingAgencyId);
    }

    [Fact]
    public void AStaleVersion_IsRefused()
    {
        var assessment = Started();
        assessment.Contribute(0, [Domain(NeedDomain.DrugUse, NeedLevel.High)], Lead, "worker", Now);

        Assert.Throws<ConcurrencyConflictException>(() => assessment.Contribute(0, [Domain(NeedDomain.AlcoholUse, NeedLevel.Low)], Lead, "worker", Now));
    }

    [Fact]
    public void AChildProtectionConcern_RaisesTheChildProtectionFlagOnce()
    {
        var assessment = Started();
        var family = new DomainInput(NeedDomain.FamilyAndChildren, NeedLevel.High, "two children at home", 2, true);

        assessment.Contribute(0, [family], Lead, "worker", Now);
        assessment.Contribute(1, [family], Lead, "worker", Now);

        Assert.Single(assessment.RiskFlags, f => f.Flag == RiskFlag.ChildProtection);
        Assert.Equal(2, assessment.Findings.Single().ChildrenInHousehold);
    }

    [Fact]
    public void ChildDetails_OutsideTheFamilyDomain_AreRefused() =>
        Assert.Throws<BusinessRuleViolationException>(() =>
            Started().Contribute(0, [new DomainInput(NeedDomain.HousingAndAccommodation, NeedLevel.High, string.Empty, 3, false)], Lead, "worker", Now));

    [Fact]
    public void ARiskFlag_IsClearedByItsRaiserOrTheLead_NotByAThirdAgency()
    {
        var assessment = Started();
        assessment.RaiseRiskFlag(0, RiskFlag.SelfHarm, "recent attempt", Nhs, "nhs-system", Now);

        Assert.Throws<BusinessRuleViolationException>(() => assessment.ClearRiskFlag(1, RiskFlag.SelfHarm, Housing, Now));
        assessment.ClearRiskFlag(1, RiskFlag.SelfHarm, Lead, Now);
        Assert.Empty(assessment.RiskFlags);
    }

    [Fact]
    public void AReassessment_SupersedesTheCompletedOne_WhoseContentStays()
    {
        var first = Completed();
        var second = SingleSharedAssessment.Start(first.ServiceUserId, Lead, "worker", first.Id, Now.AddDays(90));

        first.MarkSupersededBy(second.Id, Now.AddDays(120));

        Assert.True(second.IsReassessment);
        Assert.Equal(AssessmentStatus.Superseded, first.Status);
        Assert.Equal(second.Id, first.SupersededBy);
        Assert.Equal(4, first.RecommendedTier);
        Assert.Throws<BusinessRuleViolationException>(() => first.MarkSupersededBy(second.Id, Now));
    }

    private static SingleSharedAssessment Started() => SingleSharedAssessment.Start(Guid.NewGuid(), Lead, "worker", null, Now);

    private static SingleSharedAssessment Completed()
    {
        var assessment = Started();
        assessment.Contribute(0, NeedDomains.All.Select(d => Domain(d, d == NeedDomain.DrugUse ? NeedLevel.High : NeedLevel.Low)).ToList(), Lead, "worker", Now);
        assessment.RaiseRiskFlag(1, RiskFlag.Overdose, "non-fatal overdose last month", Lead, "worker", Now);
        assessment.Complete(2, "A. Assessor", "Social worker", "worker", Now);
        return assessment;
    }

    private static DomainInput Domain(NeedDomain domain, NeedLevel need) => new(domain, need, "notes", null, false);
}
