using Grpc.Core;
using IntegratedCare.Assessment.V1;
using IntegratedCare.Assessment.Application.ServiceUsers.GetServiceUserNames;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Identity.Application.SignIn;
using IntegratedCare.Identity.Application.SignIn.ListSignInAttempts;
using IntegratedCare.Identity.Application.StaffAccounts.CreateStaffAccount;
using IntegratedCare.Protocols.Application.Governance;
using IntegratedCare.Protocols.Application.Governance.ListDisclosureLog;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// Information governance: a person's disclosure log, read by the agency holding their record and by no
/// one else, and the sign-in attempts on an agency's accounts. Through the mediator, as the web UI sends them.
/// </summary>
public sealed class GovernanceTests : IAsyncLifetime
{
    private const string Password = "Correct-horse-battery-42";
    private readonly DataFolder _folder = new();
    private TestHost _host = null!;
    private Partners _partners = null!;
    private string _person = null!;

    public async Task InitializeAsync()
    {
        _host = new TestHost(_folder);
        var scenario = new AgencyScenario(_host);
        var area = await scenario.CreateAreaAsync();
        _partners = await scenario.RegisterPartnersAsync(area.AreaId);
        _person = await scenario.RegisterPersonAsync(_partners.Addiction.AgencyId);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task TheHoldingAgencysGovernanceLead_SeesWhoViewedAndWhoWasRefused_OnWhatBasis()
    {
        // A stranger agency's worker tries the person's record: refused, and the refusal is on the log.
        var housing = new ServiceUserService.ServiceUserServiceClient(
            _host.Invoker(_host.Token("housing-worker", ActorKind.Staff, _partners.Housing.AgencyId, Roles.CaseManager)));
        var refused = await Assert.ThrowsAsync<RpcException>(() => housing.GetServiceUserAsync(new GetServiceUserRequest { ServiceUserId = _person }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, refused.StatusCode);

        var log = await AsAsync(Governance(_partners.Addiction.AgencyId), new ListDisclosureLogQuery(_person, false, 0, string.Empty));

        var refusal = Assert.Single(log.Entries, e => e.Outcome == AuditOutcome.Denied);
        Assert.Equal(("housing-worker", _partners.Housing.AgencyId, "service-user", AuditAction.Read),
            (refusal.ActorId, refusal.AgencyId, refusal.ResourceType, refusal.Action));
        Assert.Contains("not-found", refusal.OutcomeDetail, StringComparison.Ordinal);
        var registration = Assert.Single(log.Entries, e => e.Action == AuditAction.Create && e.ResourceType == "service-user");
        Assert.Equal(("case-manager-1", AuditOutcome.Success), (registration.ActorId, registration.Outcome));
        Assert.Equal(log.Entries.OrderByDescending(e => e.OccurredAt).Select(e => e.Id), log.Entries.Select(e => e.Id));

        var refusals = await AsAsync(Governance(_partners.Addiction.AgencyId), new ListDisclosureLogQuery(_person, true, 0, string.Empty));
        Assert.Equal([refusal.Id], refusals.Entries.Select(e => e.Id));

        // Reading the log is itself on the log, as a read of the person's data, with the basis it was allowed on.
        var audit = await _host.AuditAsync();
        var reads = audit.Where(a => a.Operation == "Protocols." + nameof(ListDisclosureLogQuery) && a.ServiceUserId == _person).ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.Equal(AuditOutcome.Success, r.Outcome));
        Assert.All(reads, r => Assert.StartsWith("holds-record: registered", r.Basis, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoOtherAgency_NorAnAgencySystem_ReadsTheLog_AndTheRefusalIsAudited()
    {
        // Another agency's governance lead is not told the person exists.
        var stranger = await Assert.ThrowsAsync<NotFoundException>(() =>
            AsAsync(Governance(_partners.Housing.AgencyId), new ListDisclosureLogQuery(_person, false, 0, string.Empty)));
        Assert.True(stranger.Hidden);

        // A person who does not exist: the same answer.
        await Assert.ThrowsAsync<NotFoundException>(() =>
            AsAsync(Governance(_partners.Addiction.AgencyId), new ListDisclosureLogQuery(Guid.NewGuid().ToString(), false, 0, string.Empty)));

        // The holding agency's own computer system, and a sub-group member, are not governance readers.
        foreach (var role in new[] { Roles.AgencySystem, Roles.SubgroupMember, Roles.SystemAdmin })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() =>
                AsAsync(new Actor("other", ActorKind.Staff, _partners.Addiction.AgencyId, new HashSet<string> { role }), new ListDisclosureLogQuery(_person, false, 0, string.Empty)));
        }

        // A governance token that names no agency holds no record.
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            AsAsync(new Actor("ig-nowhere", ActorKind.Staff, null, new HashSet<string> { Roles.InformationGovernance }), new ListDisclosureLogQuery(_person, false, 0, string.Empty)));

        var denied = (await _host.AuditAsync()).Where(a => a.Operation == "Protocols." + nameof(ListDisclosureLogQuery) && a.Outcome == AuditOutcome.Denied).ToList();
        Assert.Equal(5, denied.Count);
        Assert.Contains(denied, d => d.AgencyId == _partners.Housing.AgencyId && d.ServiceUserId == _person);

        // The holding agency's case manager may read it: they answer the person's questions too.
        var log = await AsAsync(new Actor("cm", ActorKind.Staff, _partners.Addiction.AgencyId, new HashSet<string> { Roles.CaseManager }), new ListDisclosureLogQuery(_person, false, 0, string.Empty));
        Assert.NotEmpty(log.Entries);
    }

    [Fact]
    public async Task PagingThroughTheLog_IsStable_WhileReadingItAddsToIt()
    {
        var people = new ServiceUserService.ServiceUserServiceClient(
            _host.Invoker(_host.Token("case-manager-1", ActorKind.Staff, _partners.Addiction.AgencyId, Roles.CaseManager)));
        for (var i = 0; i < 3; i++)
        {
            await people.GetServiceUserAsync(new GetServiceUserRequest { ServiceUserId = _person });
        }

        var ig = Governance(_partners.Addiction.AgencyId);
        var first = await AsAsync(ig, new ListDisclosureLogQuery(_person, false, 1, string.Empty));
        var seen = first.Entries.Select(e => e.Id).ToList();
        var token = first.NextPageToken;
        while (token.Length > 0)
        {
            // Each page read writes a record about this person: a later page must not shift because of it.
            var next = await AsAsync(ig, new ListDisclosureLogQuery(_person, false, 1, token, first.AsOf));
            Assert.Equal(first.TotalSize, next.TotalSize);
            seen.AddRange(next.Entries.Select(e => e.Id));
            token = next.NextPageToken;
        }

        Assert.True(first.TotalSize >= 4, $"the log holds {first.TotalSize} entries");
        Assert.Equal(first.TotalSize, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());

        // A page token from one person's log is not accepted for another's, nor without the instant it was issued for.
        var invalid = await Assert.ThrowsAsync<RequestValidationException>(() =>
            AsAsync(ig, new ListDisclosureLogQuery(_person, false, 1, first.NextPageToken)));
        Assert.Contains(invalid.Errors, e => e.Field.Contains("as_of", StringComparison.OrdinalIgnoreCase) || e.Field.Contains("AsOf", StringComparison.Ordinal));
        var other = await new AgencyScenario(_host).RegisterPersonAsync(_partners.Addiction.AgencyId);
        var foreign = await Assert.ThrowsAsync<RequestValidationException>(() =>
            AsAsync(ig, new ListDisclosureLogQuery(other, false, 1, first.NextPageToken, first.AsOf)));
        Assert.Contains(foreign.Errors, e => e.Field == "page_token");
    }

    [Fact]
    public async Task SignInAttempts_ShowTheGovernanceLeadTheirAgencysAccountsOnly_AndTheAdministratorEveryAttempt()
    {
        await AsAsync(Admin, new CreateStaffAccountCommand("casey", "Casey Manager", _partners.Addiction.AgencyId, [Roles.CaseManager], Password));
        await AsAsync(Admin, new CreateStaffAccountCommand("hana", "Hana Housing", _partners.Housing.AgencyId, [Roles.CaseManager], Password));
        Assert.Equal(SignInOutcome.WrongUserNameOrPassword, (await SignInAsync("casey", "not-the-password")).Outcome);
        Assert.Equal(SignInOutcome.SignedIn, (await SignInAsync("casey", Password)).Outcome);
        Assert.Equal(SignInOutcome.WrongUserNameOrPassword, (await SignInAsync("hana", "not-the-password")).Outcome);
        Assert.Equal(SignInOutcome.WrongUserNameOrPassword, (await SignInAsync("nobody", "guess")).Outcome);

        var mine = await AsAsync(Governance(_partners.Addiction.AgencyId), new ListSignInAttemptsQuery(false, 0, string.Empty));
        Assert.Equal([true, false], mine.Attempts.Select(a => a.SignedIn));
        Assert.All(mine.Attempts, a => Assert.Equal(_partners.Addiction.AgencyId, a.AgencyId));
        Assert.Equal("wrong-password", mine.Attempts[1].Outcome);

        var refused = await AsAsync(Governance(_partners.Addiction.AgencyId), new ListSignInAttemptsQuery(true, 0, string.Empty));
        Assert.Equal([false], refused.Attempts.Select(a => a.SignedIn));

        var everyone = await AsAsync(Admin, new ListSignInAttemptsQuery(false, 0, string.Empty));
        Assert.Equal(4, everyone.TotalSize);
        Assert.Contains(everyone.Attempts, a => a.StaffAccountId is null && a.Outcome == "wrong-user-name-or-password");

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            AsAsync(new Actor("cm", ActorKind.Staff, _partners.Addiction.AgencyId, new HashSet<string> { Roles.CaseManager, Roles.LineManager }), new ListSignInAttemptsQuery(false, 0, string.Empty)));
    }

    [Fact]
    public async Task NamesForAWorktray_AreGivenOnlyWhereIdentityIsPermitted_EachAuditedAsADisclosure_AndConfirmNothingElse()
    {
        var housing = new Actor("housing-worker", ActorKind.Staff, _partners.Housing.AgencyId, new HashSet<string> { Roles.CaseManager });
        var addiction = new Actor("cm", ActorKind.Staff, _partners.Addiction.AgencyId, new HashSet<string> { Roles.CaseManager });
        var nobody = Guid.NewGuid().ToString();

        // A stranger agency learns nothing: neither the name nor whether the person exists.
        Assert.Empty(await AsAsync(housing, new GetServiceUserNamesQuery([_person, nobody])));

        var named = Assert.Single(await AsAsync(addiction, new GetServiceUserNamesQuery([_person, nobody, _person])));
        Assert.Equal(_person, named.ServiceUserId);

        // The one name given is one disclosure, with its basis; the stranger's asking disclosed nothing.
        var disclosures = (await _host.AuditAsync()).Where(a => a.Operation == "Assessment." + nameof(GetServiceUserNamesQuery) && a.ServiceUserId == _person).ToList();
        var disclosure = Assert.Single(disclosures);
        Assert.Equal(_partners.Addiction.AgencyId, disclosure.AgencyId);
        Assert.False(string.IsNullOrEmpty(disclosure.Basis));

        var empty = await Assert.ThrowsAsync<RequestValidationException>(() => AsAsync(addiction, new GetServiceUserNamesQuery([])));
        Assert.Contains(empty.Errors, e => e.Field == "service_user_ids");
        var bad = await Assert.ThrowsAsync<RequestValidationException>(() => AsAsync(addiction, new GetServiceUserNamesQuery(["not-an-id"])));
        Assert.Contains(bad.Errors, e => e.Field.StartsWith("service_user_ids", StringComparison.Ordinal));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            AsAsync(new Actor("sys", ActorKind.AgencySystem, _partners.Addiction.AgencyId, new HashSet<string> { Roles.AgencySystem }), new GetServiceUserNamesQuery([_person])));
    }

    private static Actor Admin => new("admin-1", ActorKind.Staff, null, new HashSet<string> { Roles.SystemAdmin });

    private static Actor Governance(string agencyId) => new($"ig-{agencyId[..8]}", ActorKind.Staff, agencyId, new HashSet<string> { Roles.InformationGovernance });

    private async Task<T> AsAsync<T>(Actor actor, IRequest<T> request)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(actor);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private async Task<SignInResult> SignInAsync(string user, string password)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StaffSignIn>().SignInAsync(user, password, "test", CancellationToken.None);
    }
}
