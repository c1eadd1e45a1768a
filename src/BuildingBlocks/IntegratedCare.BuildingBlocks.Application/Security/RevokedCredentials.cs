namespace IntegratedCare.BuildingBlocks.Application.Security;

/// <summary>
/// Whether a token's credential has been revoked before the token expires: asked by the token check on
/// every call that carries a <see cref="ClaimType"/> claim. The Identity module keeps the credentials.
/// </summary>
public interface IRevokedCredentials
{
    /// <summary>The shared cache every host re-reads when a credential is revoked or rotated (ISharedCaches).</summary>
    const string CacheName = "revoked-credentials";

    /// <summary>The claim naming the credential a partner system's token was issued as.</summary>
    const string ClaimType = "cred";

    Task<bool> IsRevokedAsync(string credentialId, DateTimeOffset now);
}
