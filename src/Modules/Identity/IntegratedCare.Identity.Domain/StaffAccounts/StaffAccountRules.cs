using IntegratedCare.BuildingBlocks.Domain;

namespace IntegratedCare.Identity.Domain.StaffAccounts;

/// <summary>
/// What the account rules need to know of the roles (the role vocabulary itself is the platform's):
/// which roles work within one agency, and which one administers accounts.
/// </summary>
public sealed record RolePolicy(IReadOnlySet<string> WithinAnAgency, string Administrator);

/// <summary>An administrator cannot lock themselves out of administration: another administrator must.</summary>
internal sealed class AdministratorsMayNotDisableThemselvesRule(bool selfLockout) : IBusinessRule
{
    public string Message => "An administrator may not disable their own account or remove their own system-admin role.";

    public bool IsBroken() => selfLockout;
}

/// <summary>Case work and agency administration happen within an agency; co-ordinators and committee members serve an area or the nation.</summary>
internal sealed class AgencyRolesNeedAnAgencyRule(IReadOnlyCollection<string> roles, string? agencyId, RolePolicy policy) : IBusinessRule
{
    public string Message => $"The {string.Join(", ", policy.WithinAnAgency.Order(StringComparer.Ordinal))} roles need the account to name its agency.";

    public bool IsBroken() => string.IsNullOrEmpty(agencyId) && roles.Any(policy.WithinAnAgency.Contains);
}

internal sealed class ADisabledOrLockedAccountCannotSignInRule(StaffAccount account, DateTimeOffset now) : IBusinessRule
{
    public string Message => $"Staff account {account.Id} is disabled or locked.";

    public bool IsBroken() => account.Disabled || account.IsLockedAt(now);
}

/// <summary>User names are unique, compared as <see cref="StaffAccount.Normalize"/> does.</summary>
internal sealed class UserNamesAreUniqueRule(bool taken) : IUniquenessRule
{
    public string Message => "A staff account with this user name exists already.";

    public bool IsBroken() => taken;
}
