using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IntegratedCare.BuildingBlocks.Infrastructure;

/// <summary>
/// The platform's own traces and metrics (beside ASP.NET Core's, gRPC's and Npgsql's): outbox lag and
/// dispatch, sweep durations. Exported over OTLP only when <c>OpenTelemetry:Endpoint</c> is set (the host's
/// TelemetryRegistration); otherwise nothing listens and they cost next to nothing. They carry ids and
/// counts only, never a person's data.
/// </summary>
public static class Telemetry
{
    public const string Name = "IntegratedCare";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Seconds a dispatched message waited in the outbox, from its commit to its handling.</summary>
    public static readonly Histogram<double> OutboxLag = Meter.CreateHistogram<double>("integratedcare.outbox.lag", "s", "Time from an integration event's commit to its dispatch");

    public static readonly Counter<long> OutboxDispatched = Meter.CreateCounter<long>("integratedcare.outbox.dispatched", "{message}", "Integration events dispatched, by outcome");

    public static readonly Histogram<double> SweepDuration = Meter.CreateHistogram<double>("integratedcare.sweep.duration", "s", "How long one deadline sweep tick took, by sweep");
}
