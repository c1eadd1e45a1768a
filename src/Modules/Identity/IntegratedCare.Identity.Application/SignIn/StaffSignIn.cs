using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Identity.Application.StaffAccounts;
using IntegratedCare.Identity.Domain.StaffAccounts;

namespace IntegratedCare.Identity.Application.SignIn;

public enum SignInOutcome
{
    SignedIn = 1,
    WrongUserNameOrPassword = 2,
    LockedOut = 3,
    Disabled = 4,
}

/// <summary>Who signed in, as the web session's claims carry them; the stamp ends the session when the account changes.</summary>
public sealed record SignedInStaff(Guid StaffAccountId, string DisplayName, string? AgencyId, IReadOnlyList<string> Roles, string SecurityStamp)
{
    internal static SignedInStaff From(StaffAccount a) => new(a.Id.Value, a.DisplayName, a.AgencyId, a.Roles, a.SecurityStamp.ToString());
}

public sealed record SignInResult(SignInOutcome Outcome, SignedInStaff? Account, DateTimeOffset? LockedUntil);

/// <summary>
/// The web UI's sign-in with a local staff account: checks the password, and the account counts failures
/// and locks itself after too many (<see cref="StaffAccount.RecordWrongPassword"/>). An unknown user name
/// costs the same hash as a known one, so timing does not tell which names exist. Every attempt is
/// audited, with the account id when there is one and never the password. The password is checked
/// outside the write transaction (a hash costs milliseconds); the count is then kept inside one, on a
/// fresh read, so concurrent attempts cannot lose a failure.
/// </summary>
public sealed class StaffSignIn(IStaffAccountRepository accounts, IPasswordHasher hasher, IUnitOfWork unitOfWork, IAuditTrail audit, LockoutPolicy lockout, TimeProvider clock)
{
    public async Task<SignInResult> SignInAsync(string userName, string password, string correlationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        password ??= string.Empty;
        var account = await accounts.ReadByUserNameAsync(userName ?? string.Empty, cancellationToken);
        if (account is null)
        {
            hasher.CheckNothing(password);
            await AuditAsync(null, AuditOutcome.Denied, "wrong-user-name-or-password", correlationId, now);
            return new SignInResult(SignInOutcome.WrongUserNameOrPassword, null, null);
        }

        if (account.Disabled)
        {
            await AuditAsync(account, AuditOutcome.Denied, "account-disabled", correlationId, now);
            return new SignInResult(SignInOutcome.Disabled, null, null);
        }

        if (account.IsLockedAt(now))
        {
            await AuditAsync(account, AuditOutcome.Denied, "account-locked", correlationId, now);
            return new SignInResult(SignInOutcome.LockedOut, null, account.LockedUntil);
        }

        var check = hasher.Check(account.PasswordHash, password);
        var rehashed = check == PasswordCheck.RightButRehash ? hasher.Hash(password) : null;
        await unitOfWork.BeginAsync(cancellationToken);
        try
        {
            account = await accounts.FindAsync(account.Id, cancellationToken);
            if (account is null || account.Disabled || account.IsLockedAt(now))
            {
                // Disabled, locked or deleted between the check and the transaction: refused as it now stands.
                await unitOfWork.RollbackAsync();
                await AuditAsync(account, AuditOutcome.Denied, "account-changed-during-sign-in", correlationId, now);
                return new SignInResult(account?.IsLockedAt(now) == true ? SignInOutcome.LockedOut : SignInOutcome.WrongUserNameOrPassword, null, account?.LockedUntil);
            }

            if (check == PasswordCheck.Wrong)
            {
                var locked = account.RecordWrongPassword(lockout, now);
                await unitOfWork.CommitAsync(cancellationToken);
                await AuditAsync(account, AuditOutcome.Denied, locked ? "wrong-password: account-locked" : "wrong-password", correlationId, now);
                return locked
                    ? new SignInResult(SignInOutcome.LockedOut, null, account.LockedUntil)
                    : new SignInResult(SignInOutcome.WrongUserNameOrPassword, null, null);
            }

            account.RecordSignIn(now, rehashed);
            await unitOfWork.CommitAsync(cancellationToken);
        }
        catch when (unitOfWork.IsActive)
        {
            await unitOfWork.RollbackAsync();
            throw;
        }

        await AuditAsync(account, AuditOutcome.Success, "signed-in", correlationId, now);
        return new SignInResult(SignInOutcome.SignedIn, SignedInStaff.From(account), null);
    }

    /// <summary>Whether a session opened with this stamp may go on: the account still exists, is enabled and unchanged.</summary>
    public async Task<bool> SessionIsValidAsync(Guid accountId, string securityStamp, CancellationToken cancellationToken)
    {
        var account = await accounts.ReadAsync(new StaffAccountId(accountId), cancellationToken);
        return account is not null && account.HoldsSession(securityStamp, clock.GetUtcNow());
    }

    public Task<bool> AnyAccountAsync(CancellationToken cancellationToken) => accounts.AnyAsync(cancellationToken);

    /// <summary>
    /// Creates the first system administrator, once: refused when any account exists, checked inside the
    /// write transaction so two first-run attempts cannot both succeed.
    /// </summary>
    public async Task<SignedInStaff?> CreateFirstAdministratorAsync(string userName, string displayName, string password, string correlationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hash = hasher.Hash(password);
        await unitOfWork.BeginAsync(cancellationToken);
        StaffAccount account;
        try
        {
            if (await accounts.AnyAsync(cancellationToken))
            {
                await unitOfWork.RollbackAsync();
                return null;
            }

            account = StaffAccount.Create(userName, displayName, null, [Roles.SystemAdmin], IdentityPolicies.Roles, hash, now);
            accounts.Add(account);
            await unitOfWork.CommitAsync(CancellationToken.None);
        }
        catch when (unitOfWork.IsActive)
        {
            await unitOfWork.RollbackAsync();
            throw;
        }

        await AuditAsync(account, AuditOutcome.Success, "first-administrator-created", correlationId, now);
        return SignedInStaff.From(account);
    }

    private Task AuditAsync(StaffAccount? account, AuditOutcome outcome, string detail, string correlationId, DateTimeOffset now) =>
        audit.WriteIsolatedAsync(
            new AuditRecord(
                Guid.NewGuid(),
                now,
                account?.Id.ToString() ?? "anonymous",
                ActorKind.Staff.ToString(),
                account?.AgencyId,
                account is null ? string.Empty : string.Join(' ', account.Roles),
                AuditAction.Execute,
                ListSignInAttempts.ListSignInAttemptsHandler.Operation,
                "staff-account",
                account?.Id.ToString(),
                null,
                null,
                null,
                outcome,
                detail,
                correlationId),
            CancellationToken.None);
}
