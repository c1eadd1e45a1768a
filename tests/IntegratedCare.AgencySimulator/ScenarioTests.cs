using IntegratedCare.AgencySimulator.Scenarios;
using Xunit.Abstractions;

namespace IntegratedCare.AgencySimulator;

/// <summary>The scenarios in the test command: the host in process, on a fake clock and a fresh database.</summary>
public sealed class ScenarioTests(ITestOutputHelper output)
{
    [Fact]
    public Task TheFullPathway_HoldsEveryInvariant() => RunAsync(new FullPathway());

    [Fact]
    public Task TheFullPathway_WithHousingSpeakingFhir_HoldsEveryInvariant() => RunAsync(new FullPathway(housingSpeaksFhir: true));

    [Fact]
    public Task HousingDoesNotAnswer_TheReferralClimbsTheLadderToNdricAndBack() => RunAsync(new HousingDoesNotAnswer());

    [Fact]
    public Task ConsentWithdrawn_HousingIsRefusedFromThenOn() => RunAsync(new ConsentWithdrawn());

    [Fact]
    public Task ABusyArea_OverASimulatedYear_HoldsEveryInvariant() => RunAsync(new BusyArea(people: 40));

    private async Task RunAsync(Scenario scenario)
    {
        await using var system = new InProcessSystem();
        var story = new StringWriter();
        var report = new StringWriter();
        var failure = await Simulator.RunAsync(system, scenario, story, report);
        output.WriteLine(story.ToString());
        output.WriteLine(report.ToString());
        Assert.True(failure is null, failure is null ? string.Empty : report.ToString());
    }
}
