namespace IntegratedCare.BuildingBlocks.Application.Security;

/// <summary>
/// The agency a token acts for, as the pipeline checks it on every call: whether it is active, and the
/// areas it serves; with its name and type (the proto enum name without its prefix), which the modules'
/// rules ask of the caller's agency.
/// </summary>
public sealed record ActingAgency(Guid AgencyId, string Name, string AgencyType, bool Active, IReadOnlyList<Guid> AreaIds);

/// <summary>
/// The agencies tokens act for, held briefly in memory: every call checks its agency exists and is
/// active, and agencies change rarely. A change made on this host is seen at once (<see cref="Forget"/>
/// after commit); one made on another host within <c>Authentication:ActingAgencyCacheTtl</c> (10 seconds by default) at most.
/// </summary>
public interface IActingAgencies
{
    /// <summary>The shared cache every host forgets when an agency changes (ISharedCaches).</summary>
    const string CacheName = "acting-agencies";

    Task<ActingAgency?> FindAsync(Guid agencyId, CancellationToken cancellationToken);

    /// <summary>Drops what is held for the agency, so the next call reads it afresh.</summary>
    void Forget(Guid agencyId);
}
