using IntegratedCare.CarePlan.Application.Plans;
using IntegratedCare.CarePlan.Domain.Plans;
using IntegratedCare.CarePlan.Infrastructure.Persistence.History;

namespace CarePlan.Tests;

/// <summary>
/// Kept plan versions are a stored format (ADR 0007): a version written long ago reads the same today,
/// whatever has been renamed in the domain or the DTO since. Fixtures/plan-version-schema1.json was
/// written by the code that kept versions before the schema existed (the DTO serialized with
/// JsonSerializerDefaults.General and JsonStringEnumConverter), from <see cref="FixturePlan"/>.
/// </summary>
public sealed class StoredHistoryTests
{
    private static readonly Guid Plan = Guid.Parse("5b0c2a8e-51d4-4c36-9a53-0d6a6f1f2e01");
    private static readonly Guid Lead = Guid.Parse("a1111111-1111-4111-8111-111111111111");
    private static readonly Guid Housing = Guid.Parse("b2222222-2222-4222-8222-222222222222");
    private static readonly Guid GoalId = Guid.Parse("c3333333-3333-4333-8333-333333333333");
    private static readonly Guid ActionId = Guid.Parse("d4444444-4444-4444-8444-444444444444");
    private static readonly DateTimeOffset Created = new(2026, 11, 2, 9, 30, 15, 123, TimeSpan.Zero);

    [Fact]
    public void AVersionWrittenBeforeTheSchemaWasWrittenDown_ReadsMemberForMember()
    {
        var read = StoredPlanMapping.Read(1, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "plan-version-schema1.json")));

        AssertIsTheFixturePlan(read);
    }

    [Fact]
    public void WhatIsWrittenToday_ReadsBackTheSame()
    {
        var read = StoredPlanMapping.Read(StoredPlanMapping.CurrentSchema, StoredPlanMapping.Write(FixturePlan()));

        AssertIsTheFixturePlan(read);
    }

    [Fact]
    public void AnUnknownSchemaOrEnumMember_IsRefusedNotGuessed()
    {
        Assert.Throws<InvalidDataException>(() => StoredPlanMapping.Read(99, "{}"));
        var renamed = StoredPlanMapping.Write(FixturePlan()).Replace("\"Active\"", "\"Live\"", StringComparison.Ordinal);
        Assert.Contains("CarePlanStatus 'Live'", Assert.Throws<InvalidDataException>(() => StoredPlanMapping.Read(1, renamed)).Message, StringComparison.Ordinal);
    }

    /// <summary>The plan the fixture file holds, as the DTO of the day built it.</summary>
    internal static CarePlanDto FixturePlan() => new(
        Plan.ToString(),
        "e5555555-5555-4555-8555-555555555555",
        2,
        "f6666666-6666-4666-8666-666666666666",
        3,
        Lead.ToString(),
        "Casey Manager",
        CarePlanStatus.Active,
        new Participation(true, new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 4), "I want my own tenancy"),
        [new Goal(GoalId, NeedDomain.HousingAndAccommodation, "Own tenancy", "Tenancy signed", new DateOnly(2027, 2, 1), GoalLifecycle.Active, null)],
        [new PlanAction(ActionId, GoalId, Housing, 2, "Tenancy support", new DateOnly(2026, 12, 1), ActionStatus.InProgress, "Housing officer", null,
            [new ProgressNote(Created.AddDays(3), "housing-1", ActionStatus.InProgress, "First visit done")], OverdueNoted: true)],
        [new TeamMember(Lead, "Casey Manager", "lead", TeamMemberStatus.Active, Created, null), new TeamMember(Housing, "Housing officer", "housing", TeamMemberStatus.Active, Created.AddDays(1), null)],
        [new Variance(Guid.Parse("a7777777-7777-4777-8777-777777777777"), ActionId, null, Housing, VarianceKind.Declined, VarianceReason.ServiceUnavailable, "No places", Created.AddDays(5), null)],
        [new Review(Guid.Parse("b8888888-8888-4888-8888-888888888888"), new DateOnly(2026, 11, 30), "Casey Manager",
            [new GoalProgress(GoalId, GoalAchievement.Improving, "Viewing booked")], [new OutcomeScore(NeedDomain.HousingAndAccommodation, 6)], "Keep going", new DateOnly(2027, 2, 22))],
        PathwayStage.Intervention,
        [new StageTimeDto(PathwayStage.CarePlanning, Created, 1.5), new StageTimeDto(PathwayStage.Intervention, Created.AddDays(1.5), 28)],
        12,
        new DateOnly(2027, 2, 22),
        string.Empty,
        Created,
        Created.AddDays(28),
        null,
        [Lead, Housing],
        [],
        7);

    private static void AssertIsTheFixturePlan(CarePlanDto read)
    {
        var expected = FixturePlan();
        Assert.Equal((expected.CarePlanId, expected.ServiceUserId, expected.Episode, expected.SourceAssessmentId, expected.RecommendedTier), (read.CarePlanId, read.ServiceUserId, read.Episode, read.SourceAssessmentId, read.RecommendedTier));
        Assert.Equal((expected.LeadAgencyId, expected.LeadCaseManager, expected.Status, expected.Participation), (read.LeadAgencyId, read.LeadCaseManager, read.Status, read.Participation));
        Assert.Equal(expected.Goals, read.Goals);
        var action = Assert.Single(read.Actions);
        Assert.Equal(expected.Actions[0] with { Progress = [] }, action with { Progress = [] });
        Assert.Equal(expected.Actions[0].Progress, action.Progress);
        Assert.Equal(expected.Team, read.Team);
        Assert.Equal(expected.Variances, read.Variances);
        var review = Assert.Single(read.Reviews);
        Assert.Equal(expected.Reviews[0] with { GoalProgress = [], OutcomeScores = [] }, review with { GoalProgress = [], OutcomeScores = [] });
        Assert.Equal(expected.Reviews[0].GoalProgress, review.GoalProgress);
        Assert.Equal(expected.Reviews[0].OutcomeScores, review.OutcomeScores);
        Assert.Equal((expected.Stage, expected.ReviewIntervalWeeks, expected.NextReviewDue, expected.ExitReason), (read.Stage, read.ReviewIntervalWeeks, read.NextReviewDue, read.ExitReason));
        Assert.Equal(expected.Pathway, read.Pathway);
        Assert.Equal((expected.CreatedAt, expected.UpdatedAt, expected.ClosedAt, expected.Version), (read.CreatedAt, read.UpdatedAt, read.ClosedAt, read.Version));
        Assert.Equal(expected.TeamAgencyIds, read.TeamAgencyIds);
        Assert.Empty(read.WithheldDomains);
    }
}
