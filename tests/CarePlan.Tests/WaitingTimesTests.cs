using IntegratedCare.CarePlan.Application.Plans.GetWaitingTimesReport;
using IntegratedCare.CarePlan.Domain.Plans;
using IntegratedCare.Protocols.Contracts;
using MediatR;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace CarePlan.Tests;

public sealed class WaitingTimesTests
{
    private static readonly Guid Housing = Guid.NewGuid();
    private static readonly Guid Area = Guid.NewGuid();
    private static readonly DateTimeOffset Received = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AWait_RunsFromReceiptToTheAgencysFirstActionUnderWay_AndIsCountedAgainstThreeWeeks()
    {
        // Twenty-two people referred to housing: six start within a week, six in one to three weeks; of the ten who
        // have not started, five still wait (open) and five's referrals were completed without a start.
        var waits = new int?[] { 2, 3, 4, 5, 6, 7, 10, 12, 14, 18, 19, 20, null, null, null, null, null, null, null, null, null, null };
        var (referrals, plans) = World(waits, closed: 5);

        var report = await Run(referrals, plans, WaitingTimesDimension.Agency);

        var housing = Assert.Single(report.Rows);
        Assert.Equal(("Dundee Housing Options", 22, 12), (housing.Key, housing.Referred, housing.Started));
        Assert.Equal((6, 6, 5), (housing.WithinOneWeek, housing.OneToThreeWeeks, housing.WaitingOverThreeWeeks));

        // None waited three to six weeks or longer: under five, withheld. The median is to the day, over ten or more.
        Assert.Equal((null, null), (housing.ThreeToSixWeeks, housing.OverSixWeeks));
        Assert.Equal((9, 1.0), (housing.MedianDaysToStart, housing.ShareWithinStandard));
        Assert.Equal(report.Total.Referred, housing.Referred);
        Assert.Equal(4, report.SuppressedCells);
        Assert.Equal((21, 0.9), (report.StandardDays, report.StandardShare));
        Assert.Contains("\"Dundee Housing Options\",22,12,6,6,,,5,9,1", report.Csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnActionStartedBeforeTheReferralArrived_OrByAnotherAgency_IsNoStart_AndATurnedAwayReferralIsNoWait()
    {
        var person = Guid.NewGuid();
        var referrals = new List<ReceivedReferral>
        {
            new(Guid.NewGuid(), person, Housing, Received, false),
            new(Guid.NewGuid(), Guid.NewGuid(), Housing, Received, TurnedAway: true),
        };
        var plans = new List<(Guid, IReadOnlyList<PlanAction>)>
        {
            (person, [Action(Housing, Received.AddDays(-3)), Action(Guid.NewGuid(), Received.AddDays(2))]),
        };

        var report = await Run(referrals, plans, WaitingTimesDimension.Area);

        // One referral counted, none started; all of it under five, so nothing shown but the area's name.
        Assert.Equal("Dundee", Assert.Single(report.Rows).Key);
        Assert.Null(report.Total.Referred);
        Assert.Null(report.Total.MedianDaysToStart);
        Assert.Equal(report.Rows.Count + 1, report.Csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    private static (List<ReceivedReferral>, List<(Guid, IReadOnlyList<PlanAction>)>) World(int?[] waits, int closed = 0)
    {
        var referrals = new List<ReceivedReferral>();
        var plans = new List<(Guid, IReadOnlyList<PlanAction>)>();
        foreach (var (wait, i) in waits.Select((w, i) => (w, i)))
        {
            var person = Guid.NewGuid();
            referrals.Add(new ReceivedReferral(Guid.NewGuid(), person, Housing, Received, false, Open: i < waits.Length - closed));
            plans.Add((person, wait is { } days ? [Action(Housing, Received.AddDays(days))] : [Action(Housing, null)]));
        }

        return (referrals, plans);
    }

    private static PlanAction Action(Guid agency, DateTimeOffset? started) =>
        new(Guid.NewGuid(), null, agency, 1, "Housing options interview", DateOnly.FromDateTime(Received.UtcDateTime).AddDays(30),
            started is null ? ActionStatus.NotStarted : ActionStatus.InProgress, "Officer", null,
            started is { } at ? [new ProgressNote(at.AddDays(-1), "housing", ActionStatus.Scheduled, "Accepted"), new ProgressNote(at, "housing", ActionStatus.InProgress, "First visit")] : [],
            false);

    private static async Task<WaitingTimesReportDto> Run(List<ReceivedReferral> referrals, List<(Guid, IReadOnlyList<PlanAction>)> plans, WaitingTimesDimension dimension)
    {
        var repository = Substitute.For<ICarePlanRepository>();
        repository.ActionsOfAsync(Arg.Any<IReadOnlyCollection<Guid>>(), Arg.Any<CancellationToken>()).Returns(plans);
        var mediator = Substitute.For<IMediator>();
        mediator.Send(Arg.Any<ReferralsReceivedQuery>(), Arg.Any<CancellationToken>()).Returns(referrals);
        mediator.Send(Arg.Any<AgencyProfileQuery>(), Arg.Any<CancellationToken>())
            .Returns(new AgencyProfile(Housing, "Dundee Housing Options", "HousingAndHomelessness", true, [Area]));
        mediator.Send(Arg.Any<AreaProfileQuery>(), Arg.Any<CancellationToken>())
            .Returns(new AreaProfile(Area, "Dundee", "Europe/London", "rhona", IntegratedCare.BuildingBlocks.Domain.Calendar.Jurisdiction.Scotland));
        var handler = new GetWaitingTimesReportHandler(repository, mediator, new FakeTimeProvider(Received.AddDays(60)));
        return await handler.Handle(new GetWaitingTimesReportQuery(dimension, "2026-10-01", "2026-11-01", string.Empty), CancellationToken.None);
    }
}
