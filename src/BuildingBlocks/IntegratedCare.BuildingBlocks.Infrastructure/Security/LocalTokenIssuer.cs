using IntegratedCare.BuildingBlocks.Application.Security;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Security;

/// <summary>Mints tokens signed with the local key: for the <c>token</c> command and for tests.</summary>
public sealed class LocalTokenIssuer(LocalSigningKey signingKey, IOptions<AuthOptions> options, TimeProvider clock)
{
    public string Mint(string subject, ActorKind kind, string? agencyId, IReadOnlyCollection<string> roles, TimeSpan? lifetime = null, IReadOnlyDictionary<string, object>? extraClaims = null)
    {
        var unknown = roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown role(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Roles.All)}.", nameof(roles));
        }

        if ((kind == ActorKind.AgencySystem || roles.Contains(Roles.AgencySystem)) && string.IsNullOrWhiteSpace(agencyId))
        {
            throw new ArgumentException("A partner system's token must name the agency it acts for (--agency).", nameof(agencyId));
        }

        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [settings.SubjectClaimType] = subject,
            [settings.ActorKindClaimType] = kind == ActorKind.AgencySystem ? ClaimsActor.AgencySystemKind : ClaimsActor.StaffKind,
            [settings.RoleClaimType] = roles.ToArray(),
        };
        if (!string.IsNullOrWhiteSpace(agencyId))
        {
            claims[settings.AgencyClaimType] = agencyId;
        }

        foreach (var (type, value) in extraClaims ?? new Dictionary<string, object>())
        {
            claims[type] = value;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now + (lifetime ?? settings.DefaultTokenLifetime),
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.RsaSha256),
        });
    }
}
