namespace IntegratedCare.AgencySimulator.Scenarios;

/// <summary>A story the simulated agencies act out against the system, checking invariants as it goes.</summary>
public abstract class Scenario
{
    public abstract string Name { get; }

    public abstract string Summary { get; }

    /// <summary>Whether the scenario needs simulated time to pass (deadlines), so runs only in process.</summary>
    public virtual bool NeedsMovingTime => false;

    /// <summary>Whether housing's system speaks FHIR R4 in this run (in process only: the harness reaches a running host over gRPC).</summary>
    public virtual bool HousingSpeaksFhir => false;

    public abstract Task RunAsync(Simulation sim, IProgress<(int Done, int Total)>? progress);

    public static IReadOnlyList<Scenario> All(int busyAreaPeople = 200) =>
        [new FullPathway(), new FullPathway(housingSpeaksFhir: true), new HousingDoesNotAnswer(), new ConsentWithdrawn(), new BusyArea(busyAreaPeople)];
}
