namespace IntegratedCare.Identity.Domain.Credentials;

internal interface IAgencyCredentialRepository
{
    Task<AgencyCredential?> FindAsync(AgencyCredentialId id, CancellationToken cancellationToken);

    Task<IReadOnlyList<AgencyCredential>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Every credential with an end set (revoked, or rotated and in its grace period).</summary>
    Task<IReadOnlyList<AgencyCredential>> EndingAsync(CancellationToken cancellationToken);

    void Add(AgencyCredential credential);
}
