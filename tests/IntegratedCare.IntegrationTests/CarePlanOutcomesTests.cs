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
        var bad = Top(plan.CarePlanId, plan.Version, TopOccasion.Start, Today(1),
            new TopSubstanceUse { Opiates = 29, SharedInjectingEquipment = true }, new TopCrime { SellingDrugsDays = -1 }, new TopHealth { QualityOfLife = 21 }, new TopHousing(), new TopWork { PaidWorkDays = 21 });
        bad.Housing = null;
        var invalid = await Assert.ThrowsAsync<RpcException>(() => _caseManager.RecordTreatmentOutcomesAsync(bad).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Equal(
            new[] { "period_end", "housing", "substance_use.opiates", "substance_use.shared_injecting_equipment", "crime.selling_drugs_days", "health.quality_of_life", "work.paid_work_days" }.Order(StringComparer.Ordinal),
            invalid.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal));
        var noOccasion = await Assert.ThrowsAsync<RpcException>(() => _caseManager.RecordTreatmentOutcomesAsync(Top(plan.CarePlanId, plan.Version, TopOccasion.Unspecified, Today())).ResponseAsync);
        Assert.Equal("occasion", Assert.Single(noOccasion.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);

        // A review's before the start's; a partner recording for the lead; then the start twice, and an earlier period.
        var reviewFirst = await Assert.ThrowsAsync<RpcException>(() => _caseManager.RecordTreatmentOutcomesAsync(Top(plan.CarePlanId, plan.Version, TopOccasion.Review, Today())).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, reviewFirst.StatusCode);
        var byHousing = await Assert.ThrowsAsync<RpcException>(() => _housing.RecordTreatmentOutcomesAsync(Top(plan.CarePlanId, plan.Version, TopOccasion.Start, Today())).ResponseAsync);
        Assert.True(byHousing.StatusCode is StatusCode.PermissionDenied or StatusCode.NotFound, byHousing.StatusCode.ToString());
        var start = await _caseManager.RecordTreatmentOutcomesAsync(Top(plan.CarePlanId, plan.Version, TopOccasion.Start, Today(-1)));
        var stale = await Assert.ThrowsAsync<RpcException>(() => _caseManager.RecordTreatmentOutcomesAsync(Top(plan.CarePlanId, plan.Version, TopOccasion.Review, Today())).ResponseAsync);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        var again = await Assert.ThrowsAsync<RpcException>(() => _caseManager.RecordTreatmentOutcomesAsync(Top(plan.CarePlanId, start.Version, TopOccasion.Start, Today())).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        var earlier = await Assert.ThrowsAsync<RpcException>(() => _caseManager.RecordTreatmentOutcomesAsync(Top(plan.CarePlanId, start.Version, TopOccasion.Review, Today(-1))).ResponseAsync);
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
