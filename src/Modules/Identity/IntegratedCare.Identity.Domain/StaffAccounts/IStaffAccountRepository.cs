namespace IntegratedCare.Identity.Domain.StaffAccounts;

public interface IStaffAccountRepository
{
    Task<StaffAccount?> FindAsync(StaffAccountId id, CancellationToken cancellationToken);

    /// <summary>The account as it stands, not tracked for change: for checks made before a transaction.</summary>
    Task<StaffAccount?> ReadAsync(StaffAccountId id, CancellationToken cancellationToken);

    /// <summary>By user name, compared as <see cref="StaffAccount.Normalize"/> does; not tracked for change.</summary>
    Task<StaffAccount?> ReadByUserNameAsync(string userName, CancellationToken cancellationToken);

    Task<bool> UserNameTakenAsync(string userName, CancellationToken cancellationToken);

    Task<bool> AnyAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Enabled accounts holding the role, of the given agencies (any agency, or none, when null); not tracked.</summary>
    Task<IReadOnlyList<StaffAccount>> EnabledWithRoleAsync(string role, IReadOnlyCollection<string>? agencyIds, CancellationToken cancellationToken);

    void Add(StaffAccount account);
}
