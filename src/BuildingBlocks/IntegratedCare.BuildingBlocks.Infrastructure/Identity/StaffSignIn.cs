using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Identity;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using IntegratedCare.BuildingBlocks.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Identity;

public enum SignInOutcome
{
    SignedIn = 1,
    WrongUserNameOrPassword = 2,
    LockedOut = 3,
    Disabled = 4,
}

public sealed record SignInResult(SignInOutcome Outcome, StaffAccountRow? Account, DateTimeOffset? LockedUntil);

/// <summary>
/// Checks a local staff account's password, counting failures and locking the account after too many.
/// An unknown user name costs the same hash as a known one, so timing does not tell which names exist.
/// Every attempt is audited, with the account id when there is one and never the password.
/// </summary>
public sealed class StaffSignIn(PlatformDbContext db, IAuditTrail audit, IOptions<AuthOptions> options, TimeProvider clock)
{
    private static readonly PasswordHasher<StaffAccountRow> Hasher = new();
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(null!, Guid.NewGuid().ToString()));

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public async Task<SignInResult> SignInAsync(string userName, string password, string correlationId, CancellationToken cancellationToken)
    {
        var settings = options.Value.Staff;
        var now = clock.GetUtcNow();
        var normalized = StaffAccountRow.Normalize(userName ?? string.Empty);
        var account = await db.StaffAccounts.SingleOrDefaultAsync(a => a.NormalizedUserName == normalized, cancellationToken);
        if (account is null)
        {
            Hasher.VerifyHashedPassword(null!, DummyHash.Value, password ?? string.Empty);
            await AuditAsync(null, null, AuditOutcome.Denied, "wrong-user-name-or-password", correlationId, now);
            return new SignInResult(SignInOutcome.WrongUserNameOrPassword, null, null);
        }

        if (account.Disabled)
        {
            await AuditAsync(account, account.Id.ToString(), AuditOutcome.Denied, "account-disabled", correlationId, now);
            return new SignInResult(SignInOutcome.Disabled, null, null);
        }

        if (account.LockedUntil is { } until && until > now)
        {
            await AuditAsync(account, account.Id.ToString(), AuditOutcome.Denied, "account-locked", correlationId, now);
            return new SignInResult(SignInOutcome.LockedOut, null, until);
        }

        var verdict = Hasher.VerifyHashedPassword(account, account.PasswordHash, password ?? string.Empty);
        if (verdict == PasswordVerificationResult.Failed)
        {
            account.FailedSignIns++;
            var locked = account.FailedSignIns >= settings.MaxFailedSignIns;
            if (locked)
            {
                account.LockedUntil = now + settings.LockoutDuration;
                account.FailedSignIns = 0;
                account.Version++;
            }

            await db.SaveChangesAsync(cancellationToken);
            await AuditAsync(account, account.Id.ToString(), AuditOutcome.Denied, locked ? "wrong-password: account-locked" : "wrong-password", correlationId, now);
            return locked
                ? new SignInResult(SignInOutcome.LockedOut, null, account.LockedUntil)
                : new SignInResult(SignInOutcome.WrongUserNameOrPassword, null, null);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = Hash(password!);
        }

        account.FailedSignIns = 0;
        account.LockedUntil = null;
        account.LastSignInAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(account, account.Id.ToString(), AuditOutcome.Success, "signed-in", correlationId, now);
        return new SignInResult(SignInOutcome.SignedIn, account, null);
    }

    /// <summary>Whether a session opened with this stamp may go on: the account still exists, is enabled and unchanged.</summary>
    public async Task<bool> SessionIsValidAsync(Guid accountId, string securityStamp, CancellationToken cancellationToken)
    {
        var account = await db.StaffAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        return account is { Disabled: false } && account.SecurityStamp.ToString() == securityStamp
            && !(account.LockedUntil > clock.GetUtcNow());
    }

    public Task<bool> AnyAccountAsync(CancellationToken cancellationToken) => db.StaffAccounts.AnyAsync(cancellationToken);

    /// <summary>
    /// Creates the first system administrator, once: refused when any account exists, checked inside the
    /// write transaction so two first-run attempts cannot both succeed.
    /// </summary>
    public async Task<StaffAccountRow?> CreateFirstAdministratorAsync(string userName, string displayName, string password, string correlationId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.StaffAccounts.AnyAsync(cancellationToken))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var account = new StaffAccountRow
        {
            Id = Guid.NewGuid(),
            UserName = userName.Trim(),
            NormalizedUserName = StaffAccountRow.Normalize(userName),
            DisplayName = displayName.Trim(),
            AgencyId = null,
            Roles = Roles.SystemAdmin,
            PasswordHash = Hash(password),
            CreatedAt = now,
            SecurityStamp = Guid.NewGuid(),
        };
        db.StaffAccounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(CancellationToken.None);
        await AuditAsync(account, account.Id.ToString(), AuditOutcome.Success, "first-administrator-created", correlationId, now);
        return account;
    }

    private Task AuditAsync(StaffAccountRow? account, string? resourceId, AuditOutcome outcome, string detail, string correlationId, DateTimeOffset now) =>
        audit.WriteIsolatedAsync(
            new AuditRecord(
                Guid.NewGuid(),
                now,
                account?.Id.ToString() ?? "anonymous",
                ActorKind.Staff.ToString(),
                account?.AgencyId,
                account?.Roles ?? string.Empty,
                AuditAction.Execute,
                "StaffSignIn",
                "staff-account",
                resourceId,
                null,
                null,
                null,
                outcome,
                detail,
                correlationId),
            CancellationToken.None);
}

internal static class StaffAccountMapping
{
    public static StaffAccountDto ToDto(this StaffAccountRow a) => new(
        a.Id.ToString(), a.UserName, a.DisplayName, a.AgencyId, a.RoleList, a.Disabled, a.LockedUntil, a.FailedSignIns,
        a.CreatedAt, a.LastSignInAt, a.Version);

    public static AgencyCredentialDto ToDto(this AgencyCredentialRow c) => new(
        c.Id.ToString(), c.AgencyId, c.Name, c.IssuedAt, c.IssuedBy, c.ExpiresAt, c.RevokedAt, c.ReplacedBy?.ToString());
}
