using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.Identity.Application.Credentials;
using IntegratedCare.Identity.Application.Credentials.IssueAgencyCredential;
using IntegratedCare.Identity.Application.Credentials.RevokeAgencyCredential;
using IntegratedCare.Identity.Application.StaffAccounts;
using IntegratedCare.Identity.Application.StaffAccounts.ChangeStaffAccount;
using IntegratedCare.Identity.Application.StaffAccounts.CreateStaffAccount;
using IntegratedCare.Identity.Domain.Credentials;
using IntegratedCare.Identity.Domain.StaffAccounts;
using IntegratedCare.Protocols.Contracts;
using MediatR;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Identity.Tests;

public sealed class HandlerTests
{
    private const string Password = "Correct-horse-battery-42";
    private static readonly Guid AgencyId = Guid.NewGuid();
    private readonly IStaffAccountRepository _accounts = Substitute.For<IStaffAccountRepository>();
    private readonly IAgencyCredentialRepository _credentials = Substitute.For<IAgencyCredentialRepository>();
    private readonly IPasswordHasher _hasher = Substitute.For<IPasswordHasher>();
    private readonly ICredentialTokens _tokens = Substitute.For<ICredentialTokens>();
    private readonly IntegratedCare.BuildingBlocks.Application.Caching.ISharedCaches _caches = Substitute.For<IntegratedCare.BuildingBlocks.Application.Caching.ISharedCaches>();
    private readonly IMediator _mediator = Substitute.For<IMediator>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly IAuditScope _audit = Substitute.For<IAuditScope>();
    private readonly ICurrentActor _current = Substitute.For<ICurrentActor>();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    public HandlerTests()
    {
        _hasher.Hash(Arg.Any<string>()).Returns(c => "hashed:" + c.Arg<string>());
        _tokens.IssuedLocally.Returns(true);
        _tokens.Mint(Arg.Any<AgencyCredential>(), Arg.Any<DateTimeOffset>()).Returns("token");
        _current.Required.Returns(new Actor("admin-1", ActorKind.Staff, null, new HashSet<string> { Roles.SystemAdmin }));
        Agency(active: true);
    }

    [Fact]
    public async Task CreateStaffAccount_KeepsOnlyTheHash_AndTheAgencyInCanonicalForm()
    {
        var handler = new CreateStaffAccountHandler(_accounts, _hasher, _mediator, _audit, _clock);

        var dto = await handler.Handle(new CreateStaffAccountCommand("casey", "Casey", AgencyId.ToString().ToUpperInvariant(), [Roles.CaseManager], Password), CancellationToken.None);

        _accounts.Received(1).Add(Arg.Is<StaffAccount>(a => a.PasswordHash == "hashed:" + Password && a.AgencyId == AgencyId.ToString("D")));
        _audit.Received(1).Resource(dto.StaffAccountId);
        await _mediator.Received(1).Send(Arg.Is<AgencyProfileQuery>(q => q.AgencyId == AgencyId.ToString("D")), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task CreateStaffAccount_ForAnInactiveAgency_NamesTheField_AndAddsNothing()
    {
        Agency(active: false);
        var handler = new CreateStaffAccountHandler(_accounts, _hasher, _mediator, _audit, _clock);

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
            handler.Handle(new CreateStaffAccountCommand("casey", "Casey", AgencyId.ToString(), [Roles.CaseManager], Password), CancellationToken.None));

        Assert.Equal("agency_id", Assert.Single(refused.Errors).Field);
        _accounts.DidNotReceive().Add(Arg.Any<StaffAccount>());
    }

    [Fact]
    public async Task CreateStaffAccount_WithATakenUserName_IsAUniquenessRefusal()
    {
        _accounts.UserNameTakenAsync("casey", Arg.Any<CancellationToken>()).Returns(true);
        var handler = new CreateStaffAccountHandler(_accounts, _hasher, _mediator, _audit, _clock);

        var refused = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            handler.Handle(new CreateStaffAccountCommand("casey", "Casey", string.Empty, [Roles.RehabilitationCoordinator], Password), CancellationToken.None));

        Assert.Equal(nameof(UserNamesAreUniqueRule), refused.Rule);
        _accounts.DidNotReceive().Add(Arg.Any<StaffAccount>());
    }

    [Fact]
    public async Task ChangeStaffAccount_ByItsOwnAdministrator_CannotDisableIt()
    {
        var admin = StaffAccount.Create("root", "Root", null, [Roles.SystemAdmin], new(new HashSet<string>(), Roles.SystemAdmin), "h", _clock.GetUtcNow());
        _accounts.FindAsync(admin.Id, Arg.Any<CancellationToken>()).Returns(admin);
        _current.Required.Returns(new Actor(admin.Id.ToString(), ActorKind.Staff, null, new HashSet<string> { Roles.SystemAdmin }));
        var handler = new ChangeStaffAccountHandler(_accounts, _hasher, _current, _audit);

        var refused = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            handler.Handle(new ChangeStaffAccountCommand(admin.Id.ToString(), StaffAccountChange.Disable, 0, string.Empty, []), CancellationToken.None));

        Assert.Equal(nameof(AdministratorsMayNotDisableThemselvesRule), refused.Rule);
        Assert.False(admin.Disabled);
    }

    [Fact]
    public async Task ChangeStaffAccount_ResetPassword_StoresTheNewHash_AndAStaleVersionIsRefused()
    {
        var account = StaffAccount.Create("casey", "Casey", "a", [Roles.CaseManager], new(new HashSet<string>(), Roles.SystemAdmin), "h", _clock.GetUtcNow());
        _accounts.FindAsync(account.Id, Arg.Any<CancellationToken>()).Returns(account);
        var handler = new ChangeStaffAccountHandler(_accounts, _hasher, _current, _audit);

        var changed = await handler.Handle(new ChangeStaffAccountCommand(account.Id.ToString(), StaffAccountChange.ResetPassword, 0, "New-password-123", []), CancellationToken.None);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            handler.Handle(new ChangeStaffAccountCommand(account.Id.ToString(), StaffAccountChange.Unlock, 0, string.Empty, []), CancellationToken.None));

        Assert.Equal(("hashed:New-password-123", 1L), (account.PasswordHash, changed.Version));
    }

    [Fact]
    public async Task IssueAgencyCredential_NamesTheIssuer_AndMintsForTheStoredCredential()
    {
        var handler = new IssueAgencyCredentialHandler(_credentials, _tokens, _mediator, _current, _audit, _clock);

        var issued = await handler.Handle(new IssueAgencyCredentialCommand(AgencyId.ToString(), "Housing system", 30), CancellationToken.None);

        Assert.Equal(("token", "admin-1", _clock.GetUtcNow().AddDays(30)), (issued.Token, issued.Credential.IssuedBy, issued.Credential.ExpiresAt));
        _credentials.Received(1).Add(Arg.Is<AgencyCredential>(c => c.Id.ToString() == issued.Credential.CredentialId));
        _tokens.Received(1).Mint(Arg.Is<AgencyCredential>(c => c.Id.ToString() == issued.Credential.CredentialId), _clock.GetUtcNow());
    }

    [Fact]
    public async Task RevokeAgencyCredential_TellsTheTokenCheckOnlyAfterCommit()
    {
        var credential = AgencyCredential.Issue(AgencyId.ToString(), "Housing", "admin-1", _clock.GetUtcNow(), _clock.GetUtcNow().AddDays(30), true);
        _credentials.FindAsync(credential.Id, Arg.Any<CancellationToken>()).Returns(credential);
        Action? afterCommit = null;
        _unitOfWork.AfterCommit(Arg.Do<Action>(a => afterCommit = a));
        var handler = new RevokeAgencyCredentialHandler(_credentials, _tokens, _caches, _unitOfWork, _audit, _clock);

        await handler.Handle(new RevokeAgencyCredentialCommand(credential.Id.ToString()), CancellationToken.None);

        _tokens.DidNotReceive().Ends(Arg.Any<AgencyCredential>());
        afterCommit!();
        _tokens.Received(1).Ends(credential);

        // Every other host hears of it through the shared cache's version, raised in the same transaction.
        await _caches.Received(1).ChangedAsync(IntegratedCare.BuildingBlocks.Application.Security.IRevokedCredentials.CacheName, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task RevokeAgencyCredential_ThatDoesNotExist_IsNotFound()
    {
        var handler = new RevokeAgencyCredentialHandler(_credentials, _tokens, _caches, _unitOfWork, _audit, _clock);

        await Assert.ThrowsAsync<NotFoundException>(() => handler.Handle(new RevokeAgencyCredentialCommand(Guid.NewGuid().ToString()), CancellationToken.None));
        _unitOfWork.DidNotReceive().AfterCommit(Arg.Any<Action>());
    }

    private void Agency(bool active) =>
        _mediator.Send(Arg.Any<AgencyProfileQuery>(), Arg.Any<CancellationToken>())
            .Returns(new AgencyProfile(AgencyId, "Agency", "HousingAndHomelessness", active, []));
}
