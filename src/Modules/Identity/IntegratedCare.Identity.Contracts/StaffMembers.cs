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
