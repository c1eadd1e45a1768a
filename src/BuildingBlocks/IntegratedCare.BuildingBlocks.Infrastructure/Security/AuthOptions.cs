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

    /// <summary>The longest authorization header accepted, in characters; longer ones are UNAUTHENTICATED before parsing.</summary>
    public int MaxTokenLength { get; set; } = 16 * 1024;

    /// <summary>
    /// How long a host keeps an acting agency's status in memory. A change made on the same host is seen
    /// at once; with several hosts, one made elsewhere is seen within this time.
    /// </summary>
    public TimeSpan ActingAgencyCacheTtl { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Web sessions (<c>Authentication:Staff</c>; the same section holds the Identity module's lock-out settings).</summary>
    public StaffSessionOptions Staff { get; set; } = new();

    /// <summary>The staff web UI's OpenID Connect client, used when <see cref="Authority"/> is set.</summary>
    public OidcClientOptions Oidc { get; set; } = new();

    public bool UsesExternalAuthority => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>
    /// Whether the authority's metadata must come over HTTPS (the default, always in production). Off only
    /// for an authority on loopback, such as the browser tests' own OpenID Connect provider.
    /// </summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}

public sealed class StaffSessionOptions
{
    /// <summary>A web session ends this long after sign-in, however busy.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>A web session ends after this long without a request.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often an open page re-checks that its account is still enabled and unchanged.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);
}

public sealed class OidcClientOptions
{
    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>Space-separated scopes beyond <c>openid profile</c>.</summary>
    public string Scopes { get; set; } = string.Empty;
}
