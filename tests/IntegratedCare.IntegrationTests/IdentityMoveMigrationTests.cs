using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using IntegratedCare.Identity.Application.Credentials.ListAgencyCredentials;
using IntegratedCare.Identity.Application.SignIn;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// A database written while the platform kept staff accounts and partner credentials: after the upgrade
/// the Identity module holds them, the old password still signs in, and a revoked credential stays revoked.
/// </summary>
public sealed class IdentityMoveMigrationTests : IDisposable
{
    private const string Password = "Correct-horse-battery-42";
    private readonly DataFolder _folder = new();

    [SqliteFact]
    public async Task AccountsAndCredentialsKeptByThePlatform_MoveToTheIdentityModule_Unchanged()
    {
        var accountId = Guid.NewGuid();
        var credentialId = Guid.NewGuid();
        var issuedAt = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        await WriteOldDatabaseAsync(accountId, credentialId, issuedAt);

        await using var host = new TestHost(_folder);
        _ = host.Services;

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var signedIn = await scope.ServiceProvider.GetRequiredService<StaffSignIn>().SignInAsync("Morag", Password, "test", CancellationToken.None);
            Assert.Equal(SignInOutcome.SignedIn, signedIn.Outcome);
            Assert.Equal((accountId, "Morag Admin", (string?)null), (signedIn.Account!.StaffAccountId, signedIn.Account.DisplayName, signedIn.Account.AgencyId));
            Assert.Equal([Roles.SystemAdmin], signedIn.Account.Roles);
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(new Actor(accountId.ToString(), ActorKind.Staff, null, new HashSet<string> { Roles.SystemAdmin }));
            var credential = Assert.Single(await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ListAgencyCredentialsQuery()));
            Assert.Equal((credentialId.ToString(), issuedAt, issuedAt.AddDays(3)), (credential.CredentialId, credential.IssuedAt, credential.RevokedAt));
            Assert.True(await scope.ServiceProvider.GetRequiredService<IRevokedCredentials>().IsRevokedAsync(credentialId.ToString(), DateTimeOffset.UtcNow));
        }

        Assert.Equal(0, await host.RowsAsync("sqlite_master", "name IN ('platform_staff_accounts', 'platform_agency_credentials')"));
        Assert.Equal(1, await host.RowsAsync("identity_staff_accounts"));
    }

    /// <summary>The platform's tables as they stood before the move (migration IdempotencyKeys), with one account and one revoked credential.</summary>
    private async Task WriteOldDatabaseAsync(Guid accountId, Guid credentialId, DateTimeOffset issuedAt)
    {
        var builder = new DbContextOptionsBuilder<PlatformDbContext>();
        PersistenceRegistration.Configure(builder, $"Data Source={_folder.DatabasePath};Pooling=False", PlatformDbContext.Module);
        await using var db = new PlatformDbContext(builder.Options);
        await db.GetService<IMigrator>().MigrateAsync("20261202020212_IdempotencyKeys");
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText =
            """
            INSERT INTO platform_staff_accounts (Id, UserName, NormalizedUserName, DisplayName, AgencyId, Roles, PasswordHash, FailedSignIns,
                LockedUntil, Disabled, CreatedAt, LastSignInAt, SecurityStamp, Version)
            VALUES ($account, 'Morag', 'morag', 'Morag Admin', NULL, 'system-admin', $hash, 2, NULL, 0, $issued, NULL, $stamp, 3);
            INSERT INTO platform_agency_credentials (Id, AgencyId, Name, IssuedAt, IssuedBy, ExpiresAt, RevokedAt, ReplacedBy)
            VALUES ($credential, 'b0000000-0000-0000-0000-000000000002', 'Housing case system', $issued, $account, $expires, $revoked, NULL);
            """;
        void Add(string name, object value)
        {
            var p = insert.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            insert.Parameters.Add(p);
        }

        Add("$account", accountId.ToString().ToUpperInvariant());
        Add("$credential", credentialId.ToString().ToUpperInvariant());
        Add("$hash", new PasswordHasher<object>().HashPassword(null!, Password));
        Add("$stamp", Guid.NewGuid().ToString().ToUpperInvariant());
        Add("$issued", issuedAt.UtcTicks);
        Add("$expires", issuedAt.AddDays(30).UtcTicks);
        Add("$revoked", issuedAt.AddDays(3).UtcTicks);
        await insert.ExecuteNonQueryAsync();
    }

    public void Dispose() => _folder.Dispose();
}
