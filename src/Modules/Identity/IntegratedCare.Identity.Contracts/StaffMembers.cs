using IntegratedCare.BuildingBlocks.Contracts;

namespace IntegratedCare.Identity.Contracts;

/// <summary>
/// Who a staff id (a token's subject) is, when it names a local staff account: their display name, agency
/// and roles, and whether the account is enabled. Null for an id no local account has, e.g. one an
/// external identity provider issued. Never carries anything about the account's password or sign-ins.
/// </summary>
[Authorize]
[Audit(AuditAction.Read, "staff-account")]
public sealed record StaffMemberQuery(string StaffId) : IContractQuery<StaffMember?>;

public sealed record StaffMember(string StaffId, string DisplayName, string? AgencyId, IReadOnlyList<string> Roles, bool Active);

/// <summary>
/// The enabled staff who hold a role, in the given agencies (ids), or in any agency or none when
/// <see cref="AgencyIds"/> is empty: who to tell of work for that role. At most 500.
/// </summary>
[Authorize]
[Audit(AuditAction.Read, "staff-account")]
public sealed record StaffWithRoleQuery(string Role, IReadOnlyList<string> AgencyIds) : IContractQuery<IReadOnlyList<StaffMember>>;
