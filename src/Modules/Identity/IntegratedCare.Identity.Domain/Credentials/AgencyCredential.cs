using IntegratedCare.BuildingBlocks.Domain;

namespace IntegratedCare.Identity.Domain.Credentials;

public sealed record AgencyCredentialId(Guid Value) : ITypedId
{
    public static AgencyCredentialId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

/// <summary>
/// A credential a partner agency's system calls the API with. The token is never stored, only what it
/// names and whether it still holds: it ends when it expires, when it is revoked, or after the grace
/// period of a rotation.
/// </summary>
public sealed class AgencyCredential : AggregateRoot<AgencyCredentialId>
{
    public const int MaxValidDays = 730;
    public const int MaxGraceDays = 30;

    private AgencyCredential(AgencyCredentialId id, string agencyId, string name, DateTimeOffset issuedAt, string issuedBy, DateTimeOffset expiresAt)
        : base(id)
    {
        AgencyId = agencyId;
        Name = name;
        IssuedAt = issuedAt;
        IssuedBy = issuedBy;
        ExpiresAt = expiresAt;
    }

    public string AgencyId { get; private init; }

    public string Name { get; private init; }

    public DateTimeOffset IssuedAt { get; private init; }

    /// <summary>The administrator who issued it (a staff id).</summary>
    public string IssuedBy { get; private init; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>When it stops holding; in the future during a rotation's grace period.</summary>
    public DateTimeOffset? RevokedAt { get; private set; }

    public AgencyCredentialId? ReplacedBy { get; private set; }

    /// <param name="issuedLocally">False when an external identity provider issues partner credentials.</param>
    public static AgencyCredential Issue(string agencyId, string name, string issuedBy, DateTimeOffset now, DateTimeOffset expiresAt, bool issuedLocally)
    {
        Rule.Check(new CredentialsAreIssuedLocallyRule(!issuedLocally));
        Rule.Check(new ACredentialHoldsForAKnownTimeRule(now, expiresAt));
        return new AgencyCredential(AgencyCredentialId.New(), agencyId, name.Trim(), now, issuedBy, expiresAt);
    }

    public bool HoldsAt(DateTimeOffset now) => RevokedAt is null && ReplacedBy is null && ExpiresAt > now;

    /// <summary>Ends it now.</summary>
    public void Revoke(DateTimeOffset now)
    {
        Rule.Check(new CredentialMustStillHoldRule(this, now));
        RevokedAt = now;
        Touch();
    }

    /// <summary>
    /// Issues the successor, for as long as this one was issued for; this one keeps working for the grace
    /// period (never past its own expiry), so the partner can switch without an outage.
    /// </summary>
    public AgencyCredential Rotate(string issuedBy, DateTimeOffset now, int graceDays, bool issuedLocally)
    {
        Rule.Check(new CredentialMustStillHoldRule(this, now));
        Rule.Check(new AGracePeriodIsBoundedRule(graceDays));
        var successor = Issue(AgencyId, Name, issuedBy, now, now + (ExpiresAt - IssuedAt), issuedLocally);
        var endsAt = now.AddDays(graceDays);
        RevokedAt = endsAt < ExpiresAt ? endsAt : ExpiresAt;
        ReplacedBy = successor.Id;
        Touch();
        return successor;
    }
}
