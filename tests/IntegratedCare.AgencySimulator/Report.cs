using System.Globalization;
using System.Text;

namespace IntegratedCare.AgencySimulator;

/// <summary>The closing report: calls per agency and service, errors by status, invariants checked, latency percentiles per call.</summary>
public static class Report
{
    public static string Of(Simulation sim, string scenario, TimeSpan took, Exception? failure)
    {
        var calls = sim.Recorder.Calls.ToList();
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine();
        text.AppendLine($"== {scenario}: {(failure is null ? "PASSED" : "FAILED")} in {took.TotalSeconds.ToString("0.0", c)} s against {sim.System.Description}");
        text.AppendLine($"   {calls.Count} calls, {sim.People.Count} people, seed {sim.Seed}");
        text.AppendLine();
        text.AppendLine("Calls per agency and service");
        foreach (var agency in calls.GroupBy(x => x.Agency).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"  {agency.Key,-48} {string.Join(", ", agency.GroupBy(x => x.Service).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}");
        }

        text.AppendLine();
        text.AppendLine("Answers by status code");
        foreach (var status in calls.GroupBy(x => x.Status).OrderBy(g => g.Key))
        {
            text.AppendLine($"  {status.Key,-20} {status.Count(),6}");
        }

        text.AppendLine();
        text.AppendLine("Invariants checked");
        foreach (var (invariant, count) in sim.Invariants.Checks.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var broken = failure is InvariantViolation v && v.Invariant == invariant;
            text.AppendLine($"  {invariant,-62} {count,6} {(broken ? "BROKEN" : "held")}");
        }

        if (!sim.System.MovesTime)
        {
            text.AppendLine($"  {Invariants.EveryReadAudited,-62} not checked: a running host's audit trail is not on the API");
            text.AppendLine($"  {Invariants.NoOverdueItemUnflagged,-62} not checked: a running host's clock cannot be moved on");
        }

        text.AppendLine();
        text.AppendLine("Latency per call (ms)                                        calls     p50     p90     p99     max");
        foreach (var method in calls.GroupBy(x => $"{x.Service}/{x.Method}").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ms = method.Select(x => x.Milliseconds).Order().ToArray();
            text.AppendLine(string.Create(c, $"  {method.Key,-58} {ms.Length,6} {Percentile(ms, 0.50),7:0.0} {Percentile(ms, 0.90),7:0.0} {Percentile(ms, 0.99),7:0.0} {ms[^1],7:0.0}"));
        }

        if (failure is not null)
        {
            text.AppendLine();
            text.AppendLine(failure is InvariantViolation ? failure.Message : $"The run stopped: {failure.GetType().Name}: {failure.Message}\n  at step: {sim.Invariants.Step}");
        }

        return text.ToString();
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
