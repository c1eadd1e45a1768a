using IntegratedCare.Identity.Domain.StaffAccounts;

namespace IntegratedCare.Identity.Application.StaffAccounts;

/// <summary>A local staff account as an administrator sees it. Never carries the password hash.</summary>
public sealed record StaffAccountDto(
    string StaffAccountId,
    string UserName,
    string DisplayName,
    string? AgencyId,
    IReadOnlyList<string> Roles,
    bool Disabled,
    DateTimeOffset? LockedUntil,
    int FailedSignIns,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt,
    long Version)
{
    internal static StaffAccountDto From(StaffAccount a) => new(
        a.Id.ToString(), a.UserName, a.DisplayName, a.AgencyId, a.Roles, a.Disabled, a.LockedUntil, a.FailedSignIns,
        a.CreatedAt, a.LastSignInAt, a.Version);
}
