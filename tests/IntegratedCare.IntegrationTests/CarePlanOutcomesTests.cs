using Grpc.Core;
using IntegratedCare.CarePlan.V1;
using Xunit;

namespace IntegratedCare.IntegrationTests;

/// <summary>The Treatment Outcomes Profile over gRPC: taken at start and at review, read back as each item's change, and shown to a partner only part by part.</summary>
public sealed partial class CarePlanTests
{
    [Fact]
    public async Task ATreatmentOutcomesProfile_AtStartAndAtTwelveWeeks_ShowsEachItemsChange_AndHousingSeesNoSubstanceUseWithoutAHealthPermit()
    {
        var (_, _, plan) = await PlanWithAHousingActionAsync();
        var accepted = await _housing.AcceptActionAsync(new AcceptActionRequest { CarePlanId = plan.CarePlanId, ExpectedVersion = plan.Version, ActionId = plan.Actions.Single().ActionId, AssignedWorker = "Officer" });

        var atStart = await _caseManager.RecordTreatmentOutcomesAsync(Top(plan.CarePlanId, accepted.Version, TopOccasion.Start, Today(),
            new TopSubstanceUse { Alcohol = 10, Opiates = 24, Crack = 8, InjectingDays = 12, SharedInjectingEquipment = true },
            new TopCrime { ShopliftingDays = 6, Theft = true },
            new TopHealth { PsychologicalHealth = 6, PhysicalHealth = 8, QualityOfLife = 5 },
            new TopHousing { AcuteHousingProblem = true },
            new TopWork()));

        // A stranger agency is told there is no such plan (asked now: tokens are minted on the test's clock).
        var stranger = new CarePlanService.CarePlanServiceClient(_host.Invoker(VoluntaryToken()));
        var notFound = await Assert.ThrowsAsync<RpcException>(() => stranger.GetTreatmentOutcomesAsync(new GetTreatmentOutcomesRequest { CarePlanId = plan.CarePlanId }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);

        // Housing's action done (so no deadline sweep touches the plan while the clock moves on), twelve weeks pass.
        var done = await _housing.ReportProgressAsync(new ReportProgressRequest { CarePlanId = plan.CarePlanId, ExpectedVersion = atStart.Version, ActionId = plan.Actions.Single().ActionId, Status = ActionStatus.Completed, Note = "Tenancy signed" });
        _clock.Advance(TimeSpan.FromDays(84));
        var atReview = await _caseManager.RecordTreatmentOutcomesAsync(Top(plan.CarePlanId, done.Version, TopOccasion.Review, Today(),
            new TopSubstanceUse { Alcohol = 10, Opiates = 4 },
            new TopCrime(),
            new TopHealth { PsychologicalHealth = 12, PhysicalHealth = 8, QualityOfLife = 13 },
            new TopHousing { AtRiskOfEviction = true },
            new TopWork { EducationDays = 3 }));
        Assert.Equal([TopOccasion.Start, TopOccasion.Review], atReview.OutcomeProfiles.Select(p => p.Occasion));
        Assert.Equal((Today(-27), Today()), (atReview.OutcomeProfiles[1].PeriodStart, atReview.OutcomeProfiles[1].PeriodEnd));

        // The lead sees every item's change from start to review, and which way is better.
        var ours = await _caseManager.GetTreatmentOutcomesAsync(new GetTreatmentOutcomesRequest { CarePlanId = plan.CarePlanId });
        Assert.Empty(ours.WithheldSections);
        Assert.Equal(("24,4", -20, TopChange.Improved), Trend(ours, "opiates"));
        Assert.Equal(("10,10", 0, TopChange.Unchanged), Trend(ours, "alcohol"));
        Assert.Equal(("1,0", -1, TopChange.Improved), Trend(ours, "shared-injecting-equipment"));
        Assert.Equal(("5,13", 8, TopChange.Improved), Trend(ours, "quality-of-life"));
        Assert.Equal(("0,1", 1, TopChange.Worse), Trend(ours, "at-risk-of-eviction"));
        Assert.Equal(("0,3", 3, TopChange.Improved), Trend(ours, "education-days"));
        Assert.Equal(20, ours.Items.Count);

        // Housing's consent covers housing and the plan, not health or offending: it sees the housing answers only.
        var theirs = await _housing.GetTreatmentOutcomesAsync(new GetTreatmentOutcomesRequest { CarePlanId = plan.CarePlanId });
        Assert.Equal([TopSection.SubstanceUse, TopSection.Crime, TopSection.HealthAndWellbeing, TopSection.WorkAndEducation], theirs.WithheldSections);
        Assert.All(theirs.Profiles, p => Assert.True(p.SubstanceUse is null && p.Crime is null && p.Health is null && p.Work is null && p.Housing is not null));
        Assert.Equal([TopSection.Housing], theirs.Items.Select(i => i.Section).Distinct());
        Assert.Equal(("1,0", -1, TopChange.Improved), Trend(theirs, "acute-housing-problem"));
        var theirPlan = await _housing.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = plan.CarePlanId });
        Assert.All(theirPlan.OutcomeProfiles, p => Assert.Null(p.SubstanceUse));
        Assert.Contains(TopSection.SubstanceUse, theirPlan.WithheldOutcomeSections);

    }

    [Fact]
    public async Task ATreatmentOutcomesProfile_OutOfRangeHalfTakenOutOfOrderOrByAPartner_IsRefused_AndNothingIsRecorded()
    {
        var (_, _, plan) = await PlanWithAHousingActionAsync();

        // Out of range, a section missing, sharing without injecting, a period in the future: named fields, nothing stored.
        var bad = Top(plan.CarePlanId, plan.Version, TopOccasion.Start, Today(2),
            new TopSubstanceUse { Opiates = 29, SharedInjectingEquipment = true }, new TopCrime { SellingDrugsDays = -1 }, new TopHealth { QualityOfLife = 21 }, new TopHousing(), new TopWork { PaidWorkDays = 21 });
        bad.Housing = null;
        var invalid = await Assert.ThrowsAsync<RpcException>(() => _caseManager.RecordTreatmentOutcomesAsync(bad).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Equal(
            new[]
            {
                "period_end", "housing", "substance_use.opiates", "substance_use.shared_injecting_equipment", "crime.selling_drugs_days",
                "health.psychological_health", "health.physical_health", "health.quality_of_life", "work.paid_work_days",
            }.Order(StringComparer.Ordinal),
            invalid.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal));
        var noHealth = Top(plan.CarePlanId, plan.Version, TopOccasion.Start, Today());
        noHealth.Health = null;
        var withoutHealth = await Assert.ThrowsAsync<RpcException>(() => _caseManager.RecordTreatmentOutcomesAsync(noHealth).ResponseAsync);
        Assert.Equal("health", Assert.Single(withoutHealth.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
        var unrated = Top(plan.CarePlanId, plan.Version, TopOccasion.Start, Today(), health: new TopHealth { PhysicalHealth = 0, QualityOfLife = 0 });
        var notAsked = await Assert.ThrowsAsync<RpcException>(() => _caseManager.RecordTreatmentOutcomesAsync(unrated).ResponseAsync);
        Assert.Equal("health.psychological_health", Assert.Single(notAsked.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
        var noOccasion = await Assert.ThrowsAsync<RpcException>(() => _caseManager.RecordTreatmentOutcomesAsync(Top(plan.CarePlanId, plan.Version, TopOccasion.Unspecified, Today())).ResponseAsync);
        Assert.Equal("occasion", Assert.Single(noOccasion.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);

        // A review's before the start's; a partner recording for the lead; then the start twice, and an earlier period.
        var reviewFirst = await Assert.ThrowsAsync<RpcException>(() => _caseManager.RecordTreatmentOutcomesAsync(Top(plan.CarePlanId, plan.Version, TopOccasion.Review, Today())).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, reviewFirst.StatusCode);
        var byHousing = await Assert.ThrowsAsync<RpcException>(() => _housing.RecordTreatmentOutcomesAsync(Top(plan.CarePlanId, plan.Version, TopOccasion.Start, Today())).ResponseAsync);
        Assert.True(byHousing.StatusCode is StatusCode.PermissionDenied or StatusCode.NotFound, byHousing.StatusCode.ToString());
        var start = await _caseManager.RecordTreatmentOutcomesAsync(Top(plan.CarePlanId, plan.Version, TopOccasion.Start, Today(-40)));
        var stale = await Assert.ThrowsAsync<RpcException>(() => _caseManager.RecordTreatmentOutcomesAsync(Top(plan.CarePlanId, plan.Version, TopOccasion.Review, Today())).ResponseAsync);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        var again = await Assert.ThrowsAsync<RpcException>(() => _caseManager.RecordTreatmentOutcomesAsync(Top(plan.CarePlanId, start.Version, TopOccasion.Start, Today())).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        // Twelve days before the start's period ended plus four weeks: some days would be asked about twice.
        var earlier = await Assert.ThrowsAsync<RpcException>(() => _caseManager.RecordTreatmentOutcomesAsync(Top(plan.CarePlanId, start.Version, TopOccasion.Review, Today(-20))).ResponseAsync);
        Assert.Equal("TopPeriodsFollowEachOtherRule", earlier.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason);

        // Exit's is the last: nothing after it.
        var exit = await _caseManager.RecordTreatmentOutcomesAsync(Top(plan.CarePlanId, start.Version, TopOccasion.Exit, Today()));
        var afterExit = await Assert.ThrowsAsync<RpcException>(() => _caseManager.RecordTreatmentOutcomesAsync(Top(plan.CarePlanId, exit.Version, TopOccasion.Review, Today())).ResponseAsync);
        Assert.Equal("TopOccasionsFollowInOrderRule", afterExit.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason);

        var stored = await _caseManager.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = plan.CarePlanId });
        Assert.Equal([TopOccasion.Start, TopOccasion.Exit], stored.OutcomeProfiles.Select(p => p.Occasion));
        Assert.Equal(exit.Version, stored.Version);

        // The history keeps each version's profiles: the plan as it stood after the start's has one.
        var versions = await _caseManager.ListCarePlanVersionsAsync(new ListCarePlanVersionsRequest { CarePlanId = plan.CarePlanId });
        Assert.Contains(versions.Versions, v => v.Version == start.Version && v.Why.StartsWith("Treatment Outcomes Profile (Start)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheOutcomeReport_CountsWhoImproved_ForPlannersOnly_AndWithholdsSmallCells()
    {
        string[] families = ["Aitken", "Baird", "Cowan", "Dunbar", "Erskine"];
        foreach (var (family, i) in families.Select((f, i) => (f, i)))
        {
            var (_, draft) = await AssessedPersonWithDraftPlanAsync(AssessmentScenario.Person(given: "Morven", family: family, dateOfBirth: $"198{i}-05-0{i + 1}"));
            var start = await _caseManager.RecordTreatmentOutcomesAsync(Top(draft.CarePlanId, draft.Version, TopOccasion.Start, Today(-30),
                new TopSubstanceUse { Opiates = 20 }, health: new TopHealth { PsychologicalHealth = 5, PhysicalHealth = 5, QualityOfLife = 5 }));
            await _caseManager.RecordTreatmentOutcomesAsync(Top(draft.CarePlanId, start.Version, TopOccasion.Review, Today(),
                new TopSubstanceUse { Opiates = 5 }, health: new TopHealth { PsychologicalHealth = i < 3 ? 9 : 5, PhysicalHealth = 5, QualityOfLife = 5 }));
        }

        var planner = new CarePlanService.CarePlanServiceClient(_host.Invoker(_host.Token(null, IntegratedCare.BuildingBlocks.Application.Security.Roles.NationalCoordinator)));
        var byTier = await planner.GetOutcomeReportAsync(new GetOutcomeReportRequest { Dimension = OutcomeReportDimension.Tier, From = Quarter(-30), To = Quarter(0, next: true) });

        // Five people, all using at start, all on fewer days: shown as five, but "all of them improved" is withheld, as is three of five rating health higher.
        var tier = Assert.Single(byTier.Rows);
        Assert.Equal(("Tier 4", 5), (tier.Key, tier.People));
        Assert.False(tier.HasUsingAtStart); // five of five: "every one of them used" is withheld too
        Assert.False(tier.HasUseImproved);
        Assert.False(tier.HasHealthImproved);
        Assert.False(tier.HasInjectingAtStart);
        Assert.False(tier.HasShareUseImproved);
        Assert.Equal(5, byTier.Total.People);
        Assert.True(byTier.SuppressedCells >= 8, $"{byTier.SuppressedCells} suppressed");
        Assert.StartsWith("group,people,using_at_start,use_improved", byTier.Csv, StringComparison.Ordinal);
        Assert.Contains("\"Tier 4\",5,,,", byTier.Csv, StringComparison.Ordinal);

        // By area: the lead agency's area by name. A period before any start counts no one.
        var byArea = await planner.GetOutcomeReportAsync(new GetOutcomeReportRequest { Dimension = OutcomeReportDimension.Area, From = Quarter(-30), To = Quarter(0, next: true) });
        Assert.Equal(5, Assert.Single(byArea.Rows).People);
        Assert.DoesNotContain(byArea.Rows, r => Guid.TryParse(r.Key, out _));
        var before = await planner.GetOutcomeReportAsync(new GetOutcomeReportRequest { Dimension = OutcomeReportDimension.Quarter, From = Quarter(-30, previous: true), To = Quarter(-30) });
        Assert.Empty(before.Rows);
        Assert.False(before.Total.HasPeople);

        // A case manager is no planner; a period that ends before it starts names the field.
        var refused = await Assert.ThrowsAsync<RpcException>(() => _caseManager.GetOutcomeReportAsync(new GetOutcomeReportRequest { Dimension = OutcomeReportDimension.Tier, From = Quarter(-30), To = Quarter(0, next: true) }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        var backwards = await Assert.ThrowsAsync<RpcException>(() => planner.GetOutcomeReportAsync(new GetOutcomeReportRequest { Dimension = OutcomeReportDimension.Tier, From = Quarter(0, next: true), To = Quarter(-30) }).ResponseAsync);
        Assert.Equal("to", Assert.Single(backwards.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);

        // Whole quarters only: two reports a day apart would differ by the few people who started that day.
        var dayApart = await Assert.ThrowsAsync<RpcException>(() => planner.GetOutcomeReportAsync(new GetOutcomeReportRequest { Dimension = OutcomeReportDimension.Tier, From = "2026-01-01", To = "2026-04-02" }).ResponseAsync);
        Assert.Equal("to", Assert.Single(dayApart.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task TheWaitingTimesReport_RunsFromAReferralsReceipt_ToTheAgencysFirstActionUnderWay_ForPlannersOnly()
    {
        var (person, _, plan) = await PlanWithAHousingActionAsync();
        var referral = await HousingReferralAsync(person);
        var housingReferrals = new IntegratedCare.Protocols.V1.ReferralService.ReferralServiceClient(_host.Invoker(HousingToken()));
        // Accepted at once (no overdue sweep may touch it while the clock moves).
        await housingReferrals.AcceptReferralAsync(new IntegratedCare.Protocols.V1.AcceptReferralRequest { ReferralId = referral.ReferralId, ExpectedVersion = referral.Version });

        // The referral's own handlers have run (they note it on the plan); housing accepts its action, and five days on it gets under way.
        await Eventually.WaitUntilAsync(async () => await _host.RowsAsync("platform_outbox_messages", "ProcessedAt IS NULL") == 0);
        var current = await _caseManager.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = plan.CarePlanId });
        var accepted = await _housing.AcceptActionAsync(new AcceptActionRequest { CarePlanId = plan.CarePlanId, ExpectedVersion = current.Version, ActionId = plan.Actions.Single().ActionId, AssignedWorker = "Officer" });
        var planner = new CarePlanService.CarePlanServiceClient(_host.Invoker(_host.Token(null, IntegratedCare.BuildingBlocks.Application.Security.Roles.NationalCoordinator))); // minted on the test's clock, before it moves
        _clock.Advance(TimeSpan.FromDays(5));
        await _housing.ReportProgressAsync(new ReportProgressRequest { CarePlanId = plan.CarePlanId, ExpectedVersion = accepted.Version, ActionId = plan.Actions.Single().ActionId, Status = ActionStatus.InProgress, Note = "First visit" });

        var report = await planner.GetWaitingTimesReportAsync(new GetWaitingTimesReportRequest { Dimension = WaitingTimesDimension.Agency, From = Quarter(-30), To = Quarter(0, next: true) });

        // One referral: counted under housing's name, every cell withheld (under five), the standard stated.
        var housing = Assert.Single(report.Rows);
        Assert.Equal(_scenario.Housing.Name, housing.Key);
        Assert.False(housing.HasReferred || housing.HasStarted || housing.HasOneToThreeWeeks || housing.HasMedianDaysToStart);
        Assert.Equal((21, 0.9), (report.StandardDays, report.StandardShare));
        Assert.Equal(14, report.SuppressedCells);
        Assert.StartsWith("group,referred,started,", report.Csv, StringComparison.Ordinal);

        // Before the referral there is nothing to count; a case manager is no planner.
        Assert.Empty((await planner.GetWaitingTimesReportAsync(new GetWaitingTimesReportRequest { Dimension = WaitingTimesDimension.Area, From = Quarter(-30, previous: true), To = Quarter(-30) })).Rows);
        var refused = await Assert.ThrowsAsync<RpcException>(() => _caseManager.GetWaitingTimesReportAsync(new GetWaitingTimesReportRequest { Dimension = WaitingTimesDimension.Area, From = Quarter(-30), To = Quarter(0, next: true) }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        var noDimension = await Assert.ThrowsAsync<RpcException>(() => planner.GetWaitingTimesReportAsync(new GetWaitingTimesReportRequest { From = Quarter(-30), To = Quarter(0, next: true) }).ResponseAsync);
        Assert.Equal("dimension", Assert.Single(noDimension.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
    }

    /// <summary>The first day of the quarter holding the day <paramref name="days"/> from today (or of the quarter before or after it), as a report's period takes it.</summary>
    private string Quarter(int days, bool previous = false, bool next = false)
    {
        var day = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime).AddDays(days);
        var start = new DateOnly(day.Year, (((day.Month - 1) / 3) * 3) + 1, 1).AddMonths(previous ? -3 : next ? 3 : 0);
        return start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An item's answers in order ("24,4"), its change and its direction.</summary>
    private static (string Values, int Change, TopChange Direction) Trend(TreatmentOutcomes outcomes, string item)
    {
        var trend = outcomes.Items.Single(i => i.Item == item);
        return (string.Join(",", trend.Values.Select(v => v.Value)), trend.Change, trend.Direction);
    }

    private static RecordTreatmentOutcomesRequest Top(
        string carePlanId, long version, TopOccasion occasion, string periodEnd,
        TopSubstanceUse? use = null, TopCrime? crime = null, TopHealth? health = null, TopHousing? housing = null, TopWork? work = null) => new()
    {
        CarePlanId = carePlanId, ExpectedVersion = version, Occasion = occasion, PeriodEnd = periodEnd,
        SubstanceUse = use ?? new TopSubstanceUse(), Crime = crime ?? new TopCrime(),
        Health = health ?? new TopHealth { PsychologicalHealth = 10, PhysicalHealth = 10, QualityOfLife = 10 },
        Housing = housing ?? new TopHousing(), Work = work ?? new TopWork(),
    };
}
