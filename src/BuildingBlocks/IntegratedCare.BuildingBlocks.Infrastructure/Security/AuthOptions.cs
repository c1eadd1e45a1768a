namespace IntegratedCare.BuildingBlocks.Infrastructure.Security;

/// <summary>Configuration section <c>Authentication</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Authentication";

    /// <summary>
    /// The external OpenID Connect authority used in production. Empty: the host signs its own tokens
    /// with a key it keeps at <see cref="SigningKeyPath"/> (the embedded default).
    /// </summary>
    public string? Authority { get; set; }

    public string Audience { get; set; } = "integratedcare";

    /// <summary>Issuer of locally signed tokens.</summary>
    public string Issuer { get; set; } = "integratedcare-local";

    /// <summary>The local signing key (PEM, created on first run, readable by the owner only).</summary>
    public string SigningKeyPath { get; set; } = "./data/signing-key.pem";

    public string SubjectClaimType { get; set; } = "sub";

    public string RoleClaimType { get; set; } = "role";

    public string AgencyClaimType { get; set; } = "agency_id";

    /// <summary>Claim whose value <c>agency-system</c> marks a partner system rather than a person.</summary>
    public string ActorKindClaimType { get; set; } = "actor_kind";

    public TimeSpan DefaultTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    public bool UsesExternalAuthority => !string.IsNullOrWhiteSpace(Authority);
}
