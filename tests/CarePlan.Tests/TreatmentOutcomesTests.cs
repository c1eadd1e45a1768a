using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.CarePlan.Application.Plans.GetOutcomeReport;
using IntegratedCare.CarePlan.Application.Plans.GetTreatmentOutcomes;
using IntegratedCare.CarePlan.Domain.Plans;

namespace CarePlan.Tests;

public sealed class TreatmentOutcomesTests
{
    private static readonly TopCrime NoCrime = new(0, 0, false, false);
    private static readonly TopHousing Housed = new(false, false);
    private static readonly TopWork NoWork = new(0, 0);

    [Fact]
    public void AProfile_CoversTheTwentyEightDaysToItsLastDay_TheStartComesFirstAndOnce_AndNoDayIsAskedTwice()
    {
        var plan = TestPlans.Active();
        Assert.Throws<BusinessRuleViolationException>(() => Take(plan, TopOccasion.Review, TestPlans.Today));
        Assert.Throws<BusinessRuleViolationException>(() => Take(plan, TopOccasion.Start, new DateOnly(1, 1, 5)));
        var start = Take(plan, TopOccasion.Start, TestPlans.Today.AddDays(-30));
        Assert.Equal((TestPlans.Today.AddDays(-57), TestPlans.Today.AddDays(-30)), (start.PeriodStart, start.PeriodEnd));
        Assert.Throws<BusinessRuleViolationException>(() => Take(plan, TopOccasion.Start, TestPlans.Today));
        Assert.Throws<BusinessRuleViolationException>(() => Take(plan, TopOccasion.Review, TestPlans.Today.AddDays(-3)));
        Assert.Throws<BusinessRuleViolationException>(() => Take(plan, TopOccasion.Review, TestPlans.Today.AddDays(1)));
        Take(plan, TopOccasion.Exit, TestPlans.Today.AddDays(-2));
        Assert.Equal([TopOccasion.Start, TopOccasion.Exit], plan.OutcomeProfiles.Select(p => p.Occasion));
    }

    [Fact]
    public void AnAnswerOutOfRange_OrSharingWithoutInjecting_IsRefusedByThePlanItself()
    {
        var plan = TestPlans.Active();
        Assert.Throws<BusinessRuleViolationException>(() => plan.RecordTreatmentOutcomes(
            plan.Version, TopOccasion.Start, TestPlans.Today, TestPlans.Today, Use(opiates: 29), NoCrime, new TopHealth(10, 10, 10), Housed, NoWork, "cm", TestPlans.Now));
        Assert.Throws<BusinessRuleViolationException>(() => plan.RecordTreatmentOutcomes(
            plan.Version, TopOccasion.Start, TestPlans.Today, TestPlans.Today, Use(shared: true), NoCrime, new TopHealth(10, 10, 10), Housed, NoWork, "cm", TestPlans.Now));
        Assert.Throws<BusinessRuleViolationException>(() => plan.RecordTreatmentOutcomes(
            plan.Version, TopOccasion.Start, TestPlans.Today, TestPlans.Today, Use(), NoCrime, new TopHealth(21, 10, 10), Housed, NoWork, "cm", TestPlans.Now));
        Assert.Empty(plan.OutcomeProfiles);
    }

    [Fact]
    public void ATrend_SaysWhichWayIsBetterForEachItem_AndOmitsAWithheldPart()
    {
        var start = Profile(TopOccasion.Start, Use(opiates: 20, injecting: 8), new TopHealth(5, 5, 5), new TopWork(0, 0));
        var review = Profile(TopOccasion.Review, Use(opiates: 2, injecting: 8), new TopHealth(9, 5, 3), new TopWork(4, 0));

        var trends = TopTrends.Of([start, review]).ToDictionary(t => t.Item);
        Assert.Equal((-18, TopChange.Improved), (trends["opiates"].Change, trends["opiates"].Direction));
        Assert.Equal((0, TopChange.Unchanged), (trends["injecting-days"].Change, trends["injecting-days"].Direction));
        Assert.Equal((4, TopChange.Improved), (trends["psychological-health"].Change, trends["psychological-health"].Direction));
        Assert.Equal((-2, TopChange.Worse), (trends["quality-of-life"].Change, trends["quality-of-life"].Direction));
        Assert.Equal((4, TopChange.Improved), (trends["paid-work-days"].Change, trends["paid-work-days"].Direction));
        Assert.Equal(TopChange.NotYetMeasured, TopTrends.Of([start])[0].Direction);

        var withheld = TopTrends.Of([start with { SubstanceUse = null }, review with { SubstanceUse = null }]);
        Assert.DoesNotContain(withheld, t => t.Section == TopSection.SubstanceUse);
    }

    [Fact]
    public void TheOutcomeReport_SuppressesSmallCells_TheirGiveawaysInTheColumn_AndCountsWhoseDifferenceFromTheirWholeIsSmall()
    {
        // people, using at start, use improved, injecting at start, injecting improved, health improved
        var small = new RawOutcomeRow("Angus", [3, 3, 1, 0, 0, 2]);
        var large = new RawOutcomeRow("Dundee", [20, 12, 6, 7, 1, 11]);
        var medium = new RawOutcomeRow("Fife", [10, 9, 5, 5, 0, 4]);
        var total = new RawOutcomeRow("Total", [33, 24, 12, 12, 1, 17]);

        var (rows, suppressed) = OutcomeSuppression.Apply([small, large, medium], total);
        var (angus, dundee, fife, all) = (rows[0], rows[1], rows[2], rows[3]);

        // Angus's three people: hidden, and so is the next smallest of the column (Fife), or subtraction from the total gives Angus away.
        Assert.Equal((null, null), (angus.People, fife.People));
        Assert.Equal((20, 33), (dundee.People, all.People));

        // Dundee: 6 of 12 users used less (6 did not), 11 of 20 rated health higher: shown with their shares.
        Assert.Equal((12, 6, 0.5), (dundee.UsingAtStart, dundee.UseImproved, dundee.ShareUseImproved));
        Assert.Equal((11, 0.55), (dundee.HealthImproved, dundee.ShareHealthImproved));

        // Fife: 9 of 10 using at start says one was not, and 5 of 9 used less says four did not: both hidden.
        Assert.Equal((null, null), (fife.UsingAtStart, fife.UseImproved));

        // A column's one hidden cell never stands alone against the total.
        foreach (var column in new Func<OutcomeReportRow, int?>[] { r => r.People, r => r.UsingAtStart, r => r.UseImproved, r => r.InjectingAtStart, r => r.InjectingImproved, r => r.HealthImproved })
        {
            Assert.NotEqual(1, rows.Count(r => column(r) is null));
        }

        Assert.Equal(rows.Sum(r => new[] { r.People, r.UsingAtStart, r.UseImproved, r.InjectingAtStart, r.InjectingImproved, r.HealthImproved }.Count(c => c is null)), suppressed);
    }

    [Fact]
    public void AKeptVersion_KeepsItsProfiles_AndOneKeptBeforeProfilesExistedReadsAsNone()
    {
        var plan = TestPlans.Active();
        Take(plan, TopOccasion.Start, TestPlans.Today.AddDays(-1));
        var now = IntegratedCare.CarePlan.Application.Plans.CarePlanDto.From(plan, TestPlans.Now);

        var read = IntegratedCare.CarePlan.Infrastructure.Persistence.History.StoredPlanMapping.Read(1, IntegratedCare.CarePlan.Infrastructure.Persistence.History.StoredPlanMapping.Write(now));
        Assert.Equal(now.OutcomeProfiles, read.OutcomeProfiles);
        var before = IntegratedCare.CarePlan.Infrastructure.Persistence.History.StoredPlanMapping.Read(1, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "plan-version-schema1.json")));
        Assert.Empty(before.OutcomeProfiles);
    }

    private static TreatmentOutcomesProfile Take(IntegratedCarePlan plan, TopOccasion occasion, DateOnly periodEnd) =>
        plan.RecordTreatmentOutcomes(plan.Version, occasion, periodEnd, TestPlans.Today, Use(), NoCrime, new TopHealth(10, 10, 10), Housed, NoWork, "case-manager", TestPlans.Now);

    private static TopSubstanceUse Use(int opiates = 0, int injecting = 0, bool shared = false) => new(0, opiates, 0, 0, 0, 0, 0, injecting, shared);

    private static TreatmentOutcomesProfile Profile(TopOccasion occasion, TopSubstanceUse use, TopHealth health, TopWork work) =>
        new(Guid.NewGuid(), occasion, TestPlans.Today.AddDays(-27), TestPlans.Today, "cm", TestPlans.Now, use, NoCrime, health, Housed, work);
}
