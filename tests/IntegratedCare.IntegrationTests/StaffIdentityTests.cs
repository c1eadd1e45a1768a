using Grpc.Core;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Identity.Application.Credentials.IssueAgencyCredential;
using IntegratedCare.Identity.Application.Credentials.ListAgencyCredentials;
using IntegratedCare.Identity.Application.Credentials.RevokeAgencyCredential;
using IntegratedCare.Identity.Application.Credentials.RotateAgencyCredential;
using IntegratedCare.Identity.Application.StaffAccounts.ChangeStaffAccount;
using IntegratedCare.Identity.Application.StaffAccounts.CreateStaffAccount;
using IntegratedCare.Identity.Application.StaffAccounts.ListStaffAccounts;
using IntegratedCare.Identity.Application.SignIn;
using IntegratedCare.Protocols.V1;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace IntegratedCare.IntegrationTests;

/// <summary>Local staff accounts and partner credentials, through the mediator as the web UI sends them.</summary>
public sealed class StaffIdentityTests : IAsyncLifetime
{
    private const string Password = "Correct-horse-battery-42";
    private readonly DataFolder _folder = new();
    private TestHost _host = null!;
    private AgencyScenario _scenario = null!;

    public Task InitializeAsync()
    {
        _host = new TestHost(_folder);
        _scenario = new AgencyScenario(_host);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task ARevokedAgencyCredential_StopsWorkingAtOnce_AndARotatedOneAfterItsGrace()
    {
        var area = await _scenario.CreateAreaAsync();
        var housing = await _scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId));

        var issued = await SendAsAdminAsync(new IssueAgencyCredentialCommand(housing.AgencyId, "Housing case system", 30));
        var partner = new AgencyService.AgencyServiceClient(_host.Invoker(issued.Token));
        await partner.GetAgencyAsync(new GetAgencyRequest { AgencyId = housing.AgencyId });

        var rotated = await SendAsAdminAsync(new RotateAgencyCredentialCommand(issued.Credential.CredentialId, 7));
        await partner.GetAgencyAsync(new GetAgencyRequest { AgencyId = housing.AgencyId });
        var successor = new AgencyService.AgencyServiceClient(_host.Invoker(rotated.Token));
        await successor.GetAgencyAsync(new GetAgencyRequest { AgencyId = housing.AgencyId });

        await SendAsAdminAsync(new RevokeAgencyCredentialCommand(rotated.Credential.CredentialId));
        var refused = await Assert.ThrowsAsync<RpcException>(() => successor.GetAgencyAsync(new GetAgencyRequest { AgencyId = housing.AgencyId }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal(housing.AgencyId, issued.Credential.AgencyId);
        var listed = await SendAsAdminAsync(new ListAgencyCredentialsQuery());
        Assert.Equal(2, listed.Count);
        Assert.All(listed, c => Assert.NotNull(c.RevokedAt));
    }

    [Fact]
    public async Task ACredential_ForAnAgencyNotRegistered_IsRefused_NamingTheField()
    {
        var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
            SendAsAdminAsync(new IssueAgencyCredentialCommand(Guid.NewGuid().ToString(), "Unknown system", 30)));

        Assert.Equal("agency_id", Assert.Single(refused.Errors).Field);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_AndAnAdministratorUnlocksIt()
    {
        var area = await _scenario.CreateAreaAsync();
        var addiction = await _scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId, "Addiction Service", AgencyType.SpecialistAddictionService));
        var account = await SendAsAdminAsync(new CreateStaffAccountCommand("casey", "Casey Manager", addiction.AgencyId, [Roles.CaseManager], Password));

        for (var attempt = 1; attempt < 5; attempt++)
        {
            Assert.Equal(SignInOutcome.WrongUserNameOrPassword, (await SignInAsync("casey", "not-it-" + attempt)).Outcome);
        }

        Assert.Equal(SignInOutcome.LockedOut, (await SignInAsync("casey", "not-it-5")).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await SignInAsync("casey", Password)).Outcome);

        var locked = (await SendAsAdminAsync(new ListStaffAccountsQuery())).Single(a => a.UserName == "casey");
        await SendAsAdminAsync(new ChangeStaffAccountCommand(account.StaffAccountId, StaffAccountChange.Unlock, locked.Version, string.Empty, []));
        var signedIn = await SignInAsync("CASEY", Password);

        Assert.Equal(SignInOutcome.SignedIn, signedIn.Outcome);
        Assert.Equal(addiction.AgencyId, signedIn.Account!.AgencyId);
        var audit = await _host.AuditAsync();
        Assert.Equal(6, audit.Count(a => a.Operation == "StaffSignIn" && a.Outcome == BuildingBlocks.Application.Auditing.AuditOutcome.Denied));
        Assert.DoesNotContain(audit, a => (a.OutcomeDetail ?? string.Empty).Contains("not-it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangingAnAccount_EndsItsOpenSessions()
    {
        var account = await SendAsAdminAsync(new CreateStaffAccountCommand("rhona", "Rhona Coordinator", string.Empty, [Roles.RehabilitationCoordinator], Password));
        var session = (await SignInAsync("rhona", Password)).Account!;
        Assert.True(await SessionValidAsync(session));

        await SendAsAdminAsync(new ChangeStaffAccountCommand(account.StaffAccountId, StaffAccountChange.Disable, account.Version, string.Empty, []));

        Assert.False(await SessionValidAsync(session));
    }

    [Fact]
    public async Task StaffMemberQuery_TellsAnotherModuleWhoAStaffIdIs_AndNothingOfAnIdNoAccountHas()
    {
        var account = await SendAsAdminAsync(new CreateStaffAccountCommand("rhona", "Rhona Coordinator", string.Empty, [Roles.RehabilitationCoordinator], Password));
        await SendAsAdminAsync(new ChangeStaffAccountCommand(account.StaffAccountId, StaffAccountChange.Disable, account.Version, string.Empty, []));

        var member = await SendAsAdminAsync(new IntegratedCare.Identity.Contracts.StaffMemberQuery(account.StaffAccountId));

        Assert.NotNull(member);
        Assert.Equal((account.StaffAccountId, "Rhona Coordinator", (string?)null, false), (member.StaffId, member.DisplayName, member.AgencyId, member.Active));
        Assert.Equal([Roles.RehabilitationCoordinator], member.Roles);
        Assert.Null(await SendAsAdminAsync(new IntegratedCare.Identity.Contracts.StaffMemberQuery(Guid.NewGuid().ToString())));
        Assert.Null(await SendAsAdminAsync(new IntegratedCare.Identity.Contracts.StaffMemberQuery("oidc|external-subject")));
    }

    private async Task<T> SendAsAdminAsync<T>(IRequest<T> request)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(new Actor("admin-1", ActorKind.Staff, null, new HashSet<string> { Roles.SystemAdmin }));
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private async Task<SignInResult> SignInAsync(string user, string password)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StaffSignIn>().SignInAsync(user, password, "test", CancellationToken.None);
    }

    private async Task<bool> SessionValidAsync(SignedInStaff account)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StaffSignIn>().SessionIsValidAsync(account.StaffAccountId, account.SecurityStamp, CancellationToken.None);
    }
}
