using IntegratedCare.BuildingBlocks.Contracts;

namespace IntegratedCare.Protocols.Contracts;

/// <summary>
/// What another module may know of an agency: its type, whether it is active, and its areas. Null when no
/// agency has the id. Other modules ask it before they let an agency lead or take part in a person's care.
/// </summary>
[Authorize]
[Audit(AuditAction.Read, "agency")]
public sealed record AgencyProfileQuery(string AgencyId) : IContractQuery<AgencyProfile?>;

/// <param name="AgencyType">The proto enum name without its prefix, e.g. "HousingAndHomelessness".</param>
public sealed record AgencyProfile(Guid AgencyId, string Name, string AgencyType, bool Active, IReadOnlyList<Guid> AreaIds);

/// <summary>
/// What another module may know of an area: its calendar (time zone) and its rehabilitation co-ordinator's
/// staff id (token subject). Null when no area has the id.
/// </summary>
[Authorize]
[Audit(AuditAction.Read, "area")]
public sealed record AreaProfileQuery(string AreaId) : IContractQuery<AreaProfile?>;

public sealed record AreaProfile(Guid AreaId, string Name, string TimeZone, string CoordinatorStaffId, IntegratedCare.BuildingBlocks.Domain.Calendar.Jurisdiction Jurisdiction);

/// <summary>
/// The areas a rehabilitation co-ordinator (a staff id, the token subject) co-ordinates, by name: what a
/// co-ordinator's own lists cover when no area is named.
/// </summary>
[Authorize]
[Audit(AuditAction.Read, "area")]
public sealed record AreasCoordinatedByQuery(string StaffId) : IContractQuery<IReadOnlyList<AreaProfile>>;
