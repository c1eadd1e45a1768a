using IntegratedCare.Assessment.Domain.Assessments;

namespace Assessment.Tests;

/// <summary>The documented tier rule, branch by branch: the lowest tier that can meet the needs.</summary>
public sealed class TierRuleTests
{
    private static TierRecommendation Recommend(IEnumerable<(NeedDomain, NeedLevel)> needs, params RiskFlag[] flags) =>
        TierRule.Recommend(needs.ToDictionary(n => n.Item1, n => n.Item2), flags);

    [Fact]
    public void NoSubstanceNeedAndNoRisk_IsTier1() =>
        Assert.Equal(1, Recommend([(NeedDomain.HousingAndAccommodation, NeedLevel.High), (NeedDomain.EmploymentAndTraining, NeedLevel.High)]).Tier);

    [Fact]
    public void LowSubstanceNeedWithoutRisk_IsTier1() => Assert.Equal(1, Recommend([(NeedDomain.AlcoholUse, NeedLevel.Low)]).Tier);

    [Fact]
    public void LowSubstanceNeedWithARiskFlag_IsTier2()
    {
        var recommendation = Recommend([(NeedDomain.AlcoholUse, NeedLevel.Low)], RiskFlag.DomesticAbuse);

        Assert.Equal(2, recommendation.Tier);
        Assert.Contains("domestic abuse", recommendation.Rationale);
    }

    [Fact]
    public void ModerateSubstanceNeed_IsTier2() =>
        Assert.Equal(2, Recommend([(NeedDomain.DrugUse, NeedLevel.Moderate), (NeedDomain.HousingAndAccommodation, NeedLevel.Moderate)]).Tier);

    [Fact]
    public void ModerateSubstanceNeedWithThreeOtherModerateOrHighDomains_IsTier3()
    {
        var recommendation = Recommend([
            (NeedDomain.DrugUse, NeedLevel.Moderate), (NeedDomain.HousingAndAccommodation, NeedLevel.High),
            (NeedDomain.FinanceAndBenefits, NeedLevel.Moderate), (NeedDomain.CriminalJustice, NeedLevel.Moderate)]);

        Assert.Equal(3, recommendation.Tier);
        Assert.Contains("3 other domains", recommendation.Rationale);
    }

    [Fact]
    public void AlcoholDomainCountsAsSubstanceNotAsAnotherDomain() =>
        Assert.Equal(2, Recommend([
            (NeedDomain.DrugUse, NeedLevel.Moderate), (NeedDomain.AlcoholUse, NeedLevel.Moderate),
            (NeedDomain.HousingAndAccommodation, NeedLevel.High), (NeedDomain.FinanceAndBenefits, NeedLevel.Moderate)]).Tier);

    [Fact]
    public void ModerateSubstanceNeedWithARiskFlag_IsTier3() =>
        Assert.Equal(3, Recommend([(NeedDomain.AlcoholUse, NeedLevel.Moderate)], RiskFlag.ChildProtection).Tier);

    [Fact]
    public void HighSubstanceNeedWithoutAcuteRiskOrHighHealthNeed_IsTier3()
    {
        var recommendation = Recommend([(NeedDomain.DrugUse, NeedLevel.High), (NeedDomain.MentalHealth, NeedLevel.Moderate)], RiskFlag.HarmToOthers);

        Assert.Equal(3, recommendation.Tier);
        Assert.Contains("drug use need is high", recommendation.Rationale);
    }

    [Theory]
    [InlineData(RiskFlag.Overdose)]
    [InlineData(RiskFlag.SelfHarm)]
    public void HighSubstanceNeedWithAcuteRisk_IsTier4(RiskFlag flag) =>
        Assert.Equal(4, Recommend([(NeedDomain.DrugUse, NeedLevel.High)], flag).Tier);

    [Theory]
    [InlineData(NeedDomain.PhysicalHealth)]
    [InlineData(NeedDomain.MentalHealth)]
    public void HighSubstanceNeedWithHighHealthNeed_IsTier4(NeedDomain health)
    {
        var recommendation = Recommend([(NeedDomain.AlcoholUse, NeedLevel.High), (health, NeedLevel.High)]);

        Assert.Equal(4, recommendation.Tier);
        Assert.StartsWith("Tier 4: alcohol use need is high with", recommendation.Rationale);
    }

    [Fact]
    public void AcuteRiskWithoutHighSubstanceNeed_DoesNotReachTier4() =>
        Assert.Equal(3, Recommend([(NeedDomain.DrugUse, NeedLevel.Moderate), (NeedDomain.MentalHealth, NeedLevel.High)], RiskFlag.Overdose).Tier);
}

public sealed class CategoryTests
{
    [Fact]
    public void EveryNeedDomain_HasItsOwnSharingCategory() =>
        Assert.Equal(11, IntegratedCare.Assessment.Domain.Assessments.NeedDomains.All
            .Select(IntegratedCare.Assessment.Application.Assessments.AssessmentCategories.Of)
            .Where(c => c.StartsWith("assessment.", StringComparison.Ordinal))
            .Distinct()
            .Count());
}
