using IntegratedCare.Identity.Domain.Credentials;

namespace IntegratedCare.Identity.Application.Credentials;

/// <summary>
/// A credential a partner agency's system calls the gRPC API with. The token itself is shown once, when
/// issued; the platform keeps only who holds it, until when, and whether it was revoked.
/// </summary>
public sealed record AgencyCredentialDto(
    string CredentialId,
    string AgencyId,
    string Name,
    DateTimeOffset IssuedAt,
    string IssuedBy,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    string? ReplacedBy)
{
    public static AgencyCredentialDto From(AgencyCredential c) => new(
        c.Id.ToString(), c.AgencyId, c.Name, c.IssuedAt, c.IssuedBy, c.ExpiresAt, c.RevokedAt, c.ReplacedBy?.ToString());
}

/// <summary>A credential just issued, with its bearer token: the only time the token is seen.</summary>
public sealed record IssuedAgencyCredential(AgencyCredentialDto Credential, string Token);
