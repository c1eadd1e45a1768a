using IntegratedCare.Identity.Domain.Credentials;
using IntegratedCare.Identity.Domain.StaffAccounts;
using Microsoft.EntityFrameworkCore;

namespace IntegratedCare.Identity.Infrastructure.Persistence;

internal sealed class StaffAccountRepository(IdentityDbContext db) : IStaffAccountRepository
{
    public Task<StaffAccount?> FindAsync(StaffAccountId id, CancellationToken cancellationToken) =>
        db.StaffAccounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    public Task<StaffAccount?> ReadAsync(StaffAccountId id, CancellationToken cancellationToken) =>
        db.StaffAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    public Task<StaffAccount?> ReadByUserNameAsync(string userName, CancellationToken cancellationToken)
    {
        var normalized = StaffAccount.Normalize(userName);
        return db.StaffAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.NormalizedUserName == normalized, cancellationToken);
    }

    public Task<bool> UserNameTakenAsync(string userName, CancellationToken cancellationToken)
    {
        var normalized = StaffAccount.Normalize(userName);
        return db.StaffAccounts.AnyAsync(a => a.NormalizedUserName == normalized, cancellationToken);
    }

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => db.StaffAccounts.AnyAsync(cancellationToken);

    public async Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken) =>
        await db.StaffAccounts.AsNoTracking().OrderBy(a => a.NormalizedUserName).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<StaffAccount>> EnabledWithRoleAsync(string role, IReadOnlyCollection<string>? agencyIds, CancellationToken cancellationToken)
    {
        var query = db.StaffAccounts.AsNoTracking().Where(a => !a.Disabled);
        if (agencyIds is not null)
        {
            query = query.Where(a => a.AgencyId != null && agencyIds.Contains(a.AgencyId));
        }

        // Roles are one space-separated column: the agency narrows in the database, the role in memory.
        var accounts = await query.ToListAsync(cancellationToken);
        return accounts.Where(a => a.Roles.Contains(role, StringComparer.Ordinal)).ToList();
    }

    public void Add(StaffAccount account) => db.StaffAccounts.Add(account);
}

internal sealed class AgencyCredentialRepository(IdentityDbContext db) : IAgencyCredentialRepository
{
    public Task<AgencyCredential?> FindAsync(AgencyCredentialId id, CancellationToken cancellationToken) =>
        db.AgencyCredentials.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<IReadOnlyList<AgencyCredential>> ListAsync(CancellationToken cancellationToken) =>
        await db.AgencyCredentials.AsNoTracking().ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<AgencyCredential>> EndingAsync(CancellationToken cancellationToken) =>
        await db.AgencyCredentials.AsNoTracking().Where(c => c.RevokedAt != null).ToListAsync(cancellationToken);

    public void Add(AgencyCredential credential) => db.AgencyCredentials.Add(credential);
}
