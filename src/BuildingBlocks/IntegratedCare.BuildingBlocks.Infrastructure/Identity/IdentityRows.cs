namespace IntegratedCare.BuildingBlocks.Infrastructure.Identity;

/// <summary>A local staff account (the embedded default's sign-in). The password is kept only as a PBKDF2 hash.</summary>
public sealed class StaffAccountRow
{
    public Guid Id { get; init; }

    public required string UserName { get; init; }

    public required string NormalizedUserName { get; init; }

    public required string DisplayName { get; set; }

    public string? AgencyId { get; set; }

    /// <summary>Space-separated role names.</summary>
    public required string Roles { get; set; }

    public required string PasswordHash { get; set; }

    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>Changes whenever the account's password, roles or state change, ending sessions opened before.</summary>
    public Guid SecurityStamp { get; set; }

    public long Version { get; set; }

    public IReadOnlyList<string> RoleList => Roles.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static string Normalize(string userName) => userName.Trim().ToLowerInvariant();
}

/// <summary>A partner system's credential: the token is never stored, only what it names and whether it still holds.</summary>
public sealed class AgencyCredentialRow
{
    public Guid Id { get; init; }

    public required string AgencyId { get; init; }

    public required string Name { get; init; }

    public DateTimeOffset IssuedAt { get; init; }

    public required string IssuedBy { get; init; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public Guid? ReplacedBy { get; set; }
}
