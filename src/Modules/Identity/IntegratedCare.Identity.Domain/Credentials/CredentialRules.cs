using IntegratedCare.BuildingBlocks.Domain;

namespace IntegratedCare.Identity.Domain.Credentials;

internal sealed class CredentialMustStillHoldRule(AgencyCredential credential, DateTimeOffset now) : IBusinessRule
{
    public string Message => $"Credential {credential.Id} is already revoked, replaced or expired.";

    public bool IsBroken() => !credential.HoldsAt(now);
}

/// <summary>With an external authority, that provider issues partner credentials: the local key issues none.</summary>
internal sealed class CredentialsAreIssuedLocallyRule(bool external) : IBusinessRule
{
    public string Message => "Partner credentials are issued by the external identity provider when one is configured.";

    public bool IsBroken() => external;
}

/// <summary>A credential ends: after its issue, and within <see cref="AgencyCredential.MaxValidDays"/>.</summary>
internal sealed class ACredentialHoldsForAKnownTimeRule(DateTimeOffset issuedAt, DateTimeOffset expiresAt) : IBusinessRule
{
    public string Message => $"A credential must expire after it is issued and within {AgencyCredential.MaxValidDays} days.";

    public bool IsBroken() => expiresAt <= issuedAt || expiresAt > issuedAt.AddDays(AgencyCredential.MaxValidDays);
}

internal sealed class AGracePeriodIsBoundedRule(int graceDays) : IBusinessRule
{
    public string Message => $"A rotation's grace period is 0 to {AgencyCredential.MaxGraceDays} days.";

    public bool IsBroken() => graceDays is < 0 or > AgencyCredential.MaxGraceDays;
}
