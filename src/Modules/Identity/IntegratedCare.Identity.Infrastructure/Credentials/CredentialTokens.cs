using System.Collections.Concurrent;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Infrastructure.Security;
using IntegratedCare.Identity.Application.Credentials;
using IntegratedCare.Identity.Domain.Credentials;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegratedCare.Identity.Infrastructure.Credentials;

/// <summary>Issuing is the local key's business: with an external authority, that provider issues partner credentials.</summary>
internal sealed class CredentialTokens(LocalTokenIssuer issuer, IOptions<AuthOptions> options, CredentialRevocations revocations) : ICredentialTokens
{
    public bool IssuedLocally => !options.Value.UsesExternalAuthority;

    public string Mint(AgencyCredential credential, DateTimeOffset now) =>
        issuer.Mint(
            $"agency-system:{credential.AgencyId}:{credential.Id}",
            ActorKind.AgencySystem,
            credential.AgencyId,
            [Roles.AgencySystem],
            credential.ExpiresAt - now,
            new Dictionary<string, object> { [IRevokedCredentials.ClaimType] = credential.Id.ToString() });

    public void Ends(AgencyCredential credential)
    {
        if (credential.RevokedAt is { } at)
        {
            revocations.Ends(credential.Id, at);
        }
    }
}

/// <summary>
/// The credentials that no longer hold, kept in memory for the token check on every partner call; loaded
/// from the database once and updated when a credential is revoked or rotated (after commit).
/// </summary>
internal sealed class CredentialRevocations(IServiceScopeFactory scopes) : IRevokedCredentials
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _endsAt = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _load = new(1, 1);
    private volatile bool _loaded;

    public async Task<bool> IsRevokedAsync(string credentialId, DateTimeOffset now)
    {
        if (!_loaded)
        {
            await LoadAsync();
        }

        return _endsAt.TryGetValue(credentialId, out var endsAt) && endsAt <= now;
    }

    public void Ends(AgencyCredentialId credentialId, DateTimeOffset at) => _endsAt[credentialId.ToString()] = at;

    /// <summary>Another host revoked or rotated one: read them again (revocations only ever add, so nothing is lost meanwhile).</summary>
    public void Reload() => _loaded = false;

    private async Task LoadAsync()
    {
        await _load.WaitAsync();
        try
        {
            if (_loaded)
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            foreach (var c in await scope.ServiceProvider.GetRequiredService<IAgencyCredentialRepository>().EndingAsync(CancellationToken.None))
            {
                _endsAt[c.Id.ToString()] = c.RevokedAt!.Value;
            }

            _loaded = true;
        }
        finally
        {
            _load.Release();
        }
    }
}
