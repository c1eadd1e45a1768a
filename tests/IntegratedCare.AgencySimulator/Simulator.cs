using System.Diagnostics;
using IntegratedCare.AgencySimulator.Scenarios;

namespace IntegratedCare.AgencySimulator;

/// <summary>
/// Runs a scenario against a running host:
/// <c>dotnet run --project tests/IntegratedCare.AgencySimulator -- --target http://localhost:5080 --scenario busy-area</c>.
/// Prints the story, a progress bar for long scenarios and the report; exits 1 when an invariant breaks.
/// </summary>
public static class Simulator
{
    private const string Usage = """
        usage: --target <url> --scenario <name> [--signing-key <path>] [--people <n>] [--seed <n>] [--quiet]
          --target       the host's gRPC address, e.g. http://localhost:5080
          --scenario     full-pathway | housing-does-not-answer | consent-withdrawn | busy-area
          --signing-key  the host's token signing key (default: src/Host/IntegratedCare.Host/data/signing-key.pem)
          --people       people in the busy area (default 200)
          --seed         the random seed, to repeat a run's choices (default: a new one, printed)
          --quiet        print the report only, not the story
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.FirstOrDefault() == ServedHost.Command)
        {
            return await ServedHost.ServeAsync(args);
        }

        string? target = null, scenarioName = null;
        var signingKey = Path.Combine("src", "Host", "IntegratedCare.Host", "data", "signing-key.pem");
        var people = 200;
        var quiet = false;
        var seed = Random.Shared.Next();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--target" when value is not null: target = value; i++; break;
                case "--scenario" when value is not null: scenarioName = value; i++; break;
                case "--signing-key" when value is not null: signingKey = value; i++; break;
                case "--people" when int.TryParse(value, out var n) && n > 0: people = n; i++; break;
                case "--seed" when int.TryParse(value, out var s): seed = s; i++; break;
                case "--quiet": quiet = true; break;
                default:
                    Console.Error.WriteLine($"unexpected argument '{args[i]}'\n{Usage}");
                    return 2;
            }
        }

        var scenario = Scenario.All(people).FirstOrDefault(s => s.Name == scenarioName);
        if (target is null || scenario is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (scenario.NeedsMovingTime || scenario.HousingSpeaksFhir)
        {
            Console.Error.WriteLine($"{scenario.Name} needs simulated time to pass (deadlines of days) or an agency speaking FHIR on the web port, which a running host's clock and this harness's gRPC target cannot give: it runs in the test command, in process on a fake clock.");
            return 2;
        }

        RemoteSystem system;
        try
        {
            system = new RemoteSystem(target, signingKey);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        await using var _ = system;
        var story = quiet ? TextWriter.Null : Console.Out;
        var bar = new ProgressBar(Console.Error, scenario.Name);
        return await RunAsync(system, scenario, story, Console.Out, bar, seed) is null ? 0 : 1;
    }

    /// <summary>Sets up the area, runs the scenario and prints the report; the failure, if any, is returned.</summary>
    public static async Task<Exception?> RunAsync(ISystemUnderTest system, Scenario scenario, TextWriter story, TextWriter report, IProgress<(int Done, int Total)>? progress = null, int seed = 20261123)
    {
        var sim = new Simulation(system, story, seed);
        var watch = Stopwatch.StartNew();
        Exception? failure = null;
        try
        {
            story.WriteLine($"Scenario {scenario.Name}: {scenario.Summary}");
            await sim.SetUpAsync(scenario.HousingSpeaksFhir);
            await scenario.RunAsync(sim, progress);
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        report.WriteLine(Report.Of(sim, scenario.Name, watch.Elapsed, failure));
        return failure;
    }
}

/// <summary>A one-line progress bar on standard error, redrawn in place.</summary>
internal sealed class ProgressBar(TextWriter output, string label) : IProgress<(int Done, int Total)>
{
    public void Report((int Done, int Total) value)
    {
        const int width = 30;
        var filled = value.Total == 0 ? width : value.Done * width / value.Total;
        output.Write($"\r{label} [{new string('#', filled)}{new string('.', width - filled)}] {value.Done}/{value.Total}");
        if (value.Done == value.Total)
        {
            output.WriteLine();
        }
    }
}
