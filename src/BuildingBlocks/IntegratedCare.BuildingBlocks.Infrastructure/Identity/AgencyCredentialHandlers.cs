using System.Collections.Concurrent;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Identity;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using IntegratedCare.BuildingBlocks.Infrastructure.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Identity;

/// <summary>
/// The credentials that no longer hold, kept in memory for the token check on every partner call; loaded
/// from the database once and updated when a credential is revoked or rotated (after commit).
/// </summary>
public sealed class CredentialRevocations(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _endsAt = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _load = new(1, 1);
    private volatile bool _loaded;

    public const string ClaimType = "cred";

    public async Task<bool> IsRevokedAsync(string credentialId, DateTimeOffset now)
    {
        if (!_loaded)
        {
            await LoadAsync();
        }

        return _endsAt.TryGetValue(credentialId, out var endsAt) && endsAt <= now;
    }

    public void Ends(Guid credentialId, DateTimeOffset at) => _endsAt[credentialId.ToString()] = at;

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
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            foreach (var c in await db.AgencyCredentials.AsNoTracking().Where(c => c.RevokedAt != null).ToListAsync())
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

/// <summary>Issuing is the local key's business: with an external authority, that provider issues partner credentials.</summary>
internal sealed class CredentialMint(LocalTokenIssuer issuer, IOptions<AuthOptions> options, ICurrentActor current, PlatformDbContext db, TimeProvider clock)
{
    public IssuedAgencyCredential Issue(string agencyId, string name, DateTimeOffset expiresAt)
    {
        Rule.Check(new CredentialsAreIssuedLocallyRule(options.Value.UsesExternalAuthority));

        var now = clock.GetUtcNow();
        var row = new AgencyCredentialRow
        {
            Id = Guid.NewGuid(),
            AgencyId = agencyId,
            Name = name.Trim(),
            IssuedAt = now,
            IssuedBy = current.Required.Id,
            ExpiresAt = expiresAt,
        };
        db.AgencyCredentials.Add(row);
        var token = issuer.Mint(
            $"agency-system:{agencyId}:{row.Id}",
            ActorKind.AgencySystem,
            agencyId,
            [Roles.AgencySystem],
            expiresAt - now,
            new Dictionary<string, object> { [CredentialRevocations.ClaimType] = row.Id.ToString() });
        return new IssuedAgencyCredential(row.ToDto(), token);
    }
}

internal sealed class CredentialsAreIssuedLocallyRule(bool external) : IBusinessRule
{
    public string Message => "Partner credentials are issued by the external identity provider when one is configured.";

    public bool IsBroken() => external;
}

internal sealed class IssueAgencyCredentialHandler(CredentialMint mint, IAgencyDirectory agencies, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<IssueAgencyCredentialCommand, IssuedAgencyCredential>
{
    public async Task<IssuedAgencyCredential> Handle(IssueAgencyCredentialCommand request, CancellationToken cancellationToken)
    {
        var agencyId = request.AgencyId.ToLowerInvariant();
        if (!await agencies.IsActiveAgencyAsync(agencyId, cancellationToken))
        {
            throw new RequestValidationException("agency_id", "names no active agency");
        }

        var issued = mint.Issue(agencyId, request.Name, clock.GetUtcNow().AddDays(request.ValidDays));
        audit.Resource(issued.Credential.CredentialId);
        return issued;
    }
}

internal sealed class RotateAgencyCredentialHandler(
    PlatformDbContext db, CredentialMint mint, CredentialRevocations revocations, IUnitOfWork unitOfWork, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<RotateAgencyCredentialCommand, IssuedAgencyCredential>
{
    public async Task<IssuedAgencyCredential> Handle(RotateAgencyCredentialCommand request, CancellationToken cancellationToken)
    {
        var old = await CredentialLookup.FindLiveAsync(db, request.CredentialId, clock.GetUtcNow(), cancellationToken);
        audit.Resource(old.Id.ToString());
        var now = clock.GetUtcNow();
        var issued = mint.Issue(old.AgencyId, old.Name, now + (old.ExpiresAt - old.IssuedAt));
        var endsAt = now.AddDays(request.GraceDays);
        old.RevokedAt = endsAt < old.ExpiresAt ? endsAt : old.ExpiresAt;
        old.ReplacedBy = Guid.Parse(issued.Credential.CredentialId);
        unitOfWork.AfterCommit(() => revocations.Ends(old.Id, old.RevokedAt.Value));
        return issued;
    }
}

internal sealed class RevokeAgencyCredentialHandler(
    PlatformDbContext db, CredentialRevocations revocations, IUnitOfWork unitOfWork, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<RevokeAgencyCredentialCommand, AgencyCredentialDto>
{
    public async Task<AgencyCredentialDto> Handle(RevokeAgencyCredentialCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var credential = await CredentialLookup.FindLiveAsync(db, request.CredentialId, now, cancellationToken);
        audit.Resource(credential.Id.ToString());
        credential.RevokedAt = now;
        unitOfWork.AfterCommit(() => revocations.Ends(credential.Id, now));
        return credential.ToDto();
    }
}

internal sealed class ListAgencyCredentialsHandler(PlatformDbContext db) : IRequestHandler<ListAgencyCredentialsQuery, IReadOnlyList<AgencyCredentialDto>>
{
    public async Task<IReadOnlyList<AgencyCredentialDto>> Handle(ListAgencyCredentialsQuery request, CancellationToken cancellationToken) =>
        (await db.AgencyCredentials.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(c => c.AgencyId, StringComparer.Ordinal).ThenByDescending(c => c.IssuedAt)
            .Select(c => c.ToDto()).ToList();
}

internal static class CredentialLookup
{
    public static async Task<AgencyCredentialRow> FindLiveAsync(PlatformDbContext db, string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = Guid.Parse(id);
        var credential = await db.AgencyCredentials.SingleOrDefaultAsync(c => c.Id == key, cancellationToken)
            ?? throw new NotFoundException("agency-credential", id);
        Rule.Check(new CredentialMustStillHoldRule(credential, now));
        return credential;
    }
}

internal sealed class CredentialMustStillHoldRule(AgencyCredentialRow credential, DateTimeOffset now) : IBusinessRule
{
    public string Message => $"Credential {credential.Id} is already revoked, replaced or expired.";

    public bool IsBroken() => credential.RevokedAt is not null || credential.ReplacedBy is not null || credential.ExpiresAt <= now;
}
