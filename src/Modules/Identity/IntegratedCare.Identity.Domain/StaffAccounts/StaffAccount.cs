using IntegratedCare.BuildingBlocks.Domain;

namespace IntegratedCare.Identity.Domain.StaffAccounts;

public sealed record StaffAccountId(Guid Value) : ITypedId
{
    public static StaffAccountId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

/// <summary>How many wrong passwords in a row lock an account, and for how long.</summary>
public sealed record LockoutPolicy(int MaxFailedSignIns, TimeSpan Duration);

/// <summary>
/// A local staff account: the embedded default's sign-in (an external identity provider keeps its own).
/// The password is held only as a hash the infrastructure computes. Every change of password, roles or
/// state turns the security stamp, which ends the sessions opened before it.
/// </summary>
public sealed class StaffAccount : AggregateRoot<StaffAccountId>
{
    private string _roles;

    private StaffAccount(StaffAccountId id, string userName, string displayName, string? agencyId, string roles, string passwordHash, DateTimeOffset createdAt)
        : base(id)
    {
        UserName = userName;
        NormalizedUserName = Normalize(userName);
        DisplayName = displayName;
        AgencyId = agencyId;
        _roles = roles;
        PasswordHash = passwordHash;
        CreatedAt = createdAt;
        SecurityStamp = Guid.NewGuid();
    }

    public string UserName { get; private init; }

    /// <summary>The user name as sign-in compares it: trimmed, lower case; unique.</summary>
    public string NormalizedUserName { get; private init; }

    public string DisplayName { get; private set; }

    /// <summary>The agency the holder works for; none for co-ordinators, committee members and administrators.</summary>
    public string? AgencyId { get; private set; }

    public IReadOnlyList<string> Roles => _roles.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public string PasswordHash { get; private set; }

    public int FailedSignIns { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public bool Disabled { get; private set; }

    public DateTimeOffset CreatedAt { get; private init; }

    public DateTimeOffset? LastSignInAt { get; private set; }

    public Guid SecurityStamp { get; private set; }

    public static string Normalize(string userName) => userName.Trim().ToLowerInvariant();

    public static StaffAccount Create(string userName, string displayName, string? agencyId, IEnumerable<string> roles, RolePolicy policy, string passwordHash, DateTimeOffset now)
    {
        var roleList = roles.Distinct(StringComparer.Ordinal).ToList();
        Rule.Check(new AgencyRolesNeedAnAgencyRule(roleList, agencyId, policy));
        return new StaffAccount(StaffAccountId.New(), userName.Trim(), displayName.Trim(), agencyId, string.Join(' ', roleList), passwordHash, now);
    }

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>Whether a session opened with this stamp may go on: enabled, not locked, and unchanged since.</summary>
    public bool HoldsSession(string securityStamp, DateTimeOffset now) =>
        !Disabled && SecurityStamp.ToString() == securityStamp && !IsLockedAt(now);

    /// <summary>Counts a wrong password; the last one allowed locks the account and starts the count again. True when it locked.</summary>
    public bool RecordWrongPassword(LockoutPolicy policy, DateTimeOffset now)
    {
        FailedSignIns++;
        if (FailedSignIns < policy.MaxFailedSignIns)
        {
            return false;
        }

        LockedUntil = now + policy.Duration;
        FailedSignIns = 0;
        Touch();
        return true;
    }

    /// <summary>A right password: the failure count starts again. A new hash is kept when the old one's parameters are out of date.</summary>
    public void RecordSignIn(DateTimeOffset now, string? rehashed)
    {
        Rule.Check(new ADisabledOrLockedAccountCannotSignInRule(this, now));
        if (rehashed is not null)
        {
            PasswordHash = rehashed;
        }

        FailedSignIns = 0;
        LockedUntil = null;
        LastSignInAt = now;
    }

    public void Unlock()
    {
        LockedUntil = null;
        FailedSignIns = 0;
        Changed();
    }

    /// <param name="byHolder">Whether the administrator making the change holds this account.</param>
    public void Disable(bool byHolder)
    {
        Rule.Check(new AdministratorsMayNotDisableThemselvesRule(byHolder));
        Disabled = true;
        Changed();
    }

    public void Enable()
    {
        Disabled = false;
        Changed();
    }

    public void ResetPassword(string passwordHash)
    {
        PasswordHash = passwordHash;
        FailedSignIns = 0;
        LockedUntil = null;
        Changed();
    }

    /// <param name="byHolder">Whether the administrator making the change holds this account.</param>
    public void SetRoles(IEnumerable<string> roles, bool byHolder, RolePolicy policy)
    {
        var roleList = roles.Distinct(StringComparer.Ordinal).ToList();
        Rule.Check(new AdministratorsMayNotDisableThemselvesRule(byHolder && !roleList.Contains(policy.Administrator)));
        Rule.Check(new AgencyRolesNeedAnAgencyRule(roleList, AgencyId, policy));
        _roles = string.Join(' ', roleList);
        Changed();
    }

    /// <summary>Any change ends the account's open sessions: they re-check the stamp.</summary>
    private void Changed()
    {
        SecurityStamp = Guid.NewGuid();
        Touch();
    }
}
