using IntegratedCare.BuildingBlocks.Contracts;
using Google.Rpc;
using Grpc.Core;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.V1;

namespace IntegratedCare.IntegrationTests;

/// <summary>The agency registry through real gRPC clients, against the real host and a real SQLite file.</summary>
public sealed class AgencyServiceTests : IAsyncLifetime
{
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
    public async Task RegisterAgency_ThenGetAndList_ReturnsWhatWasRegistered()
    {
        var area = await _scenario.CreateAreaAsync();
        var home = await _scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId, "Onboarding Agency"));
        var agencyAdmin = _scenario.Client(home.AgencyId, Roles.AgencyAdmin);

        var registered = await agencyAdmin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId));
        var fetched = await agencyAdmin.GetAgencyAsync(new GetAgencyRequest { AgencyId = registered.AgencyId });
        var listed = await agencyAdmin.ListAgenciesAsync(new ListAgenciesRequest());

        Assert.True(Guid.TryParse(registered.AgencyId, out _));
        Assert.Equal(AgencyStatus.Active, registered.Status);
        Assert.Equal(0, registered.Version);
        Assert.Equal("WDC01", fetched.OrganisationCode);
        Assert.Equal(AgencyType.HousingAndHomelessness, fetched.Type);
        Assert.Equal([area.AreaId], fetched.AreaIds);
        Assert.Equal("referrals@example.org", fetched.Contact.Email);
        Assert.NotNull(fetched.CreatedAt);
        Assert.Null(fetched.DeactivatedAt);
        Assert.Equal(new[] { home.AgencyId, registered.AgencyId }.Order(), listed.Agencies.Select(a => a.AgencyId).Order());
        Assert.Equal(2, listed.TotalSize);
        Assert.Equal(string.Empty, listed.NextPageToken);
    }

    [Fact]
    public async Task UpdateAgency_WithTheVersionRead_AppliesAndMovesTheVersionOn()
    {
        var area = await _scenario.CreateAreaAsync();
        var agency = await _scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId));

        var updated = await _scenario.Admin.UpdateAgencyAsync(UpdateOf(agency, "Dumbarton Housing Options Team", agency.Version));

        Assert.Equal("Dumbarton Housing Options Team", updated.Name);
        Assert.Equal(agency.Version + 1, updated.Version);
    }

    [Fact]
    public async Task UpdateAgency_WithAStaleVersion_IsAbortedAndChangesNothing()
    {
        var area = await _scenario.CreateAreaAsync();
        var agency = await _scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId));
        await _scenario.Admin.UpdateAgencyAsync(UpdateOf(agency, "First Rename", agency.Version));

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            _scenario.Admin.UpdateAgencyAsync(UpdateOf(agency, "Second Rename From Stale Read", agency.Version)).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, ex.StatusCode);
        var current = await _scenario.Admin.GetAgencyAsync(new GetAgencyRequest { AgencyId = agency.AgencyId });
        Assert.Equal("First Rename", current.Name);
        var audit = await _host.AuditAsync();
        Assert.Contains(audit, r => r.Operation == "Protocols.UpdateAgencyCommand" && r.Outcome == AuditOutcome.Failed
            && r.ResourceId == agency.AgencyId && r.OutcomeDetail == "aborted: stale-version");
    }

    [Fact]
    public async Task RegisterAgency_WithAnEmptyName_IsInvalidArgumentNamingTheFieldAndStoresNothing()
    {
        var area = await _scenario.CreateAreaAsync();
        var request = AgencyScenario.NewAgency(area.AreaId);
        request.Name = "   ";

        var ex = await Assert.ThrowsAsync<RpcException>(() => _scenario.Admin.RegisterAgencyAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var violation = Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal("name", violation.Field);
        Assert.Equal("is required", violation.Description);
        Assert.Equal(0, (await _scenario.Admin.ListAgenciesAsync(new ListAgenciesRequest { IncludeInactive = true })).TotalSize);
        var audit = await _host.AuditAsync();
        Assert.Contains(audit, r => r.Operation == "Protocols.RegisterAgencyCommand" && r.Outcome == AuditOutcome.Failed
            && r.OutcomeDetail == "invalid-argument: name" && r.ActorKind == "Staff");
    }

    [Fact]
    public async Task RegisterAgency_WithSeveralBadFields_NamesEachOne()
    {
        var request = new RegisterAgencyRequest
        {
            Name = new string('x', 201),
            AreaIds = { "not-an-id" },
            Contact = new AgencyContact { Email = "nobody", Phone = "call me" },
            OrganisationCode = "no spaces",
        };

        var ex = await Assert.ThrowsAsync<RpcException>(() => _scenario.Admin.RegisterAgencyAsync(request).ResponseAsync);

        var fields = ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToHashSet();
        string[] expected = ["area_ids[0]", "contact.email", "contact.phone", "name", "organisation_code", "type"];
        Assert.Equal(expected, fields.Order(StringComparer.Ordinal));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
    }

    [Fact]
    public async Task RegisterAgency_InAnAreaThatDoesNotExist_NamesTheAreaField()
    {
        var area = await _scenario.CreateAreaAsync();
        var request = AgencyScenario.NewAgency(area.AreaId);
        request.AreaIds.Add(Guid.NewGuid().ToString());

        var ex = await Assert.ThrowsAsync<RpcException>(() => _scenario.Admin.RegisterAgencyAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("area_ids[1]", Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task RegisterAgency_WithTheNameOfAnActiveAgency_AlreadyExists()
    {
        var area = await _scenario.CreateAreaAsync();
        await _scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId, "Leven Project"));

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            _scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId, "LEVEN PROJECT")).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, ex.StatusCode);
    }

    [Fact]
    public async Task Call_WithoutAToken_IsUnauthenticatedAndAudited()
    {
        var anonymous = new AgencyService.AgencyServiceClient(_host.Invoker(null));

        var ex = await Assert.ThrowsAsync<RpcException>(() => anonymous.ListAgenciesAsync(new ListAgenciesRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        var audit = await _host.AuditAsync();
        Assert.Contains(audit, r => r.ActorId == "anonymous" && r.Outcome == AuditOutcome.Denied
            && r.Operation == "/integratedcare.protocols.v1.AgencyService/ListAgencies" && r.OutcomeDetail == "unauthenticated: no token");
    }

    [Fact]
    public async Task Call_WithATokenFromAnotherKey_IsUnauthenticated()
    {
        using var otherFolder = new DataFolder();
        await using var otherHost = new TestHost(otherFolder);
        var foreignToken = otherHost.Token(null, Roles.SystemAdmin);
        var client = new AgencyService.AgencyServiceClient(_host.Invoker(foreignToken));

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.ListAgenciesAsync(new ListAgenciesRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains(await _host.AuditAsync(), r => r.Outcome == AuditOutcome.Denied && r.OutcomeDetail == "unauthenticated: invalid token");
    }

    [Fact]
    public async Task CaseManager_RegisteringAnAgency_IsPermissionDeniedAndAudited()
    {
        var area = await _scenario.CreateAreaAsync();
        var caseManager = _host.Token("case-manager-7", ActorKind.Staff, "agency-1", Roles.CaseManager);
        var client = new AgencyService.AgencyServiceClient(_host.Invoker(caseManager));

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Equal(0, (await _scenario.Admin.ListAgenciesAsync(new ListAgenciesRequest())).TotalSize);
        Assert.Contains(await _host.AuditAsync(), r => r.ActorId == "case-manager-7" && r.AgencyId == "agency-1"
            && r.Operation == "Protocols.RegisterAgencyCommand" && r.Outcome == AuditOutcome.Denied && r.Roles == Roles.CaseManager);
    }

    [Fact]
    public async Task AgencyAdmin_MayChangeOwnAgencyButNotAnother()
    {
        var area = await _scenario.CreateAreaAsync();
        var own = await _scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId, "Own Agency"));
        var other = await _scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId, "Other Agency"));
        var admin = _scenario.Client(own.AgencyId, Roles.AgencyAdmin);

        var renamed = await admin.UpdateAgencyAsync(UpdateOf(own, "Own Agency Renamed", own.Version));
        var ex = await Assert.ThrowsAsync<RpcException>(() => admin.UpdateAgencyAsync(UpdateOf(other, "Hijacked", other.Version)).ResponseAsync);

        Assert.Equal("Own Agency Renamed", renamed.Name);
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Equal("Other Agency", (await admin.GetAgencyAsync(new GetAgencyRequest { AgencyId = other.AgencyId })).Name);
    }

    [Fact]
    public async Task DeactivateAgency_HidesItFromDefaultListsAndRefusesLaterChanges()
    {
        var area = await _scenario.CreateAreaAsync();
        var agency = await _scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId));

        var deactivated = await _scenario.Admin.DeactivateAgencyAsync(new DeactivateAgencyRequest
        {
            AgencyId = agency.AgencyId,
            ExpectedVersion = agency.Version,
            Reason = "Service decommissioned by the council",
        });
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            _scenario.Admin.UpdateAgencyAsync(UpdateOf(deactivated, "Revived", deactivated.Version)).ResponseAsync);

        Assert.Equal(AgencyStatus.Inactive, deactivated.Status);
        Assert.NotNull(deactivated.DeactivatedAt);
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal(0, (await _scenario.Admin.ListAgenciesAsync(new ListAgenciesRequest())).TotalSize);
        Assert.Equal(1, (await _scenario.Admin.ListAgenciesAsync(new ListAgenciesRequest { IncludeInactive = true })).TotalSize);
    }

    [Fact]
    public async Task ListAgencies_PagesInNameOrderAndFiltersByTypeAndArea()
    {
        var north = await _scenario.CreateAreaAsync("North");
        var south = await _scenario.CreateAreaAsync("South");
        await _scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(north.AreaId, "Charlie GP Practice", AgencyType.NhsPrimaryCare));
        await _scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(south.AreaId, "alpha Housing"));
        await _scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(north.AreaId, "Bravo Housing"));

        var first = await _scenario.Admin.ListAgenciesAsync(new ListAgenciesRequest { PageSize = 2 });
        var second = await _scenario.Admin.ListAgenciesAsync(new ListAgenciesRequest { PageSize = 2, PageToken = first.NextPageToken });
        var housing = await _scenario.Admin.ListAgenciesAsync(new ListAgenciesRequest { Type = AgencyType.HousingAndHomelessness });
        var inNorth = await _scenario.Admin.ListAgenciesAsync(new ListAgenciesRequest { AreaId = north.AreaId });
        var ex = await Assert.ThrowsAsync<RpcException>(() => _scenario.Admin.ListAgenciesAsync(
            new ListAgenciesRequest { PageSize = 2, PageToken = first.NextPageToken, AreaId = north.AreaId }).ResponseAsync);

        Assert.Equal(["alpha Housing", "Bravo Housing"], first.Agencies.Select(a => a.Name));
        Assert.Equal(["Charlie GP Practice"], second.Agencies.Select(a => a.Name));
        Assert.Equal(string.Empty, second.NextPageToken);
        Assert.Equal(3, first.TotalSize);
        Assert.Equal(["alpha Housing", "Bravo Housing"], housing.Agencies.Select(a => a.Name));
        Assert.Equal(["Bravo Housing", "Charlie GP Practice"], inNorth.Agencies.Select(a => a.Name));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("page_token", Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task GetAgency_UnknownIdIsNotFound_MalformedIdIsInvalid()
    {
        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            _scenario.Admin.GetAgencyAsync(new GetAgencyRequest { AgencyId = Guid.NewGuid().ToString() }).ResponseAsync);
        var malformed = await Assert.ThrowsAsync<RpcException>(() =>
            _scenario.Admin.GetAgencyAsync(new GetAgencyRequest { AgencyId = "42" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.Equal("agency_id", Assert.Single(malformed.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task CreateArea_NeedsASystemAdministratorAndAKnownCalendar()
    {
        var home = await _scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency((await _scenario.CreateAreaAsync("Home Area")).AreaId, "Home Agency"));
        var agencyAdmin = _scenario.Client(home.AgencyId, Roles.AgencyAdmin);
        var request = new CreateAreaRequest
        {
            Name = "Dublin North Inner City",
            Kind = AreaKind.DrugsTaskForceArea,
            TimeZone = "Europe/Paris",
            RehabilitationCoordinator = new RehabilitationCoordinator { StaffId = "rc-2", Name = "Co-ordinator", Email = "rc@example.ie" },
        };

        var denied = await Assert.ThrowsAsync<RpcException>(() => agencyAdmin.CreateAreaAsync(request).ResponseAsync);
        var invalid = await Assert.ThrowsAsync<RpcException>(() => _scenario.Admin.CreateAreaAsync(request).ResponseAsync);
        request.TimeZone = "Europe/Dublin";
        var created = await _scenario.Admin.CreateAreaAsync(request);
        var listed = await agencyAdmin.ListAreasAsync(new ListAreasRequest());

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal("time_zone", Assert.Single(invalid.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal("Europe/Dublin", created.TimeZone);
        Assert.Equal(Jurisdiction.Ireland, created.Jurisdiction);
        Assert.Equal("rc-2", created.RehabilitationCoordinator.StaffId);
        Assert.Contains(listed.Areas, a => a.AreaId == created.AreaId);
    }

    [Fact]
    public async Task UpdateArea_HandsTheAreaToANewCoordinator_AndRefusesStaleOrUnauthorisedChanges()
    {
        var area = await _scenario.CreateAreaAsync();
        UpdateAreaRequest Update(string staffId) => new()
        {
            AreaId = area.AreaId, ExpectedVersion = area.Version, Name = area.Name, Kind = area.Kind, TimeZone = area.TimeZone, Jurisdiction = area.Jurisdiction,
            RehabilitationCoordinator = new RehabilitationCoordinator { StaffId = staffId, Name = "New Co-ordinator", Email = "new.rc@example.org" },
        };

        var handedOver = await _scenario.Admin.UpdateAreaAsync(Update("coordinator-2"));
        var stale = await Assert.ThrowsAsync<RpcException>(() => _scenario.Admin.UpdateAreaAsync(Update("coordinator-3")).ResponseAsync);
        var denied = await Assert.ThrowsAsync<RpcException>(() => _scenario.Client("agency-1", Roles.AgencyAdmin).UpdateAreaAsync(Update("coordinator-4")).ResponseAsync);

        Assert.Equal(("coordinator-2", area.Version + 1), (handedOver.RehabilitationCoordinator.StaffId, handedOver.Version));
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal("coordinator-2", (await _scenario.Admin.GetAreaAsync(new GetAreaRequest { AreaId = area.AreaId })).RehabilitationCoordinator.StaffId);
    }

    [Fact]
    public async Task EverySuccessfulCall_LeavesAnAuditRecordNamingActorAgencyAndResource()
    {
        var area = await _scenario.CreateAreaAsync();
        var home = await _scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId, "Home Agency"));
        var token = _host.Token("agency-admin-3", ActorKind.Staff, home.AgencyId, Roles.AgencyAdmin);
        var client = new AgencyService.AgencyServiceClient(_host.Invoker(token));

        var agency = await client.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId));
        await client.GetAgencyAsync(new GetAgencyRequest { AgencyId = agency.AgencyId });

        var audit = await _host.AuditAsync();
        var create = Assert.Single(audit, r => r.Operation == "Protocols.RegisterAgencyCommand" && r.ActorId == "agency-admin-3");
        var read = Assert.Single(audit, r => r.Operation == "Protocols.GetAgencyQuery");
        Assert.Equal((AuditAction.Create, AuditOutcome.Success, "agency-admin-3", home.AgencyId, agency.AgencyId, "agency"),
            (create.Action, create.Outcome, create.ActorId, create.AgencyId, create.ResourceId, create.ResourceType));
        Assert.Equal((AuditAction.Read, AuditOutcome.Success, agency.AgencyId), (read.Action, read.Outcome, read.ResourceId));
        Assert.False(string.IsNullOrEmpty(create.CorrelationId));
    }

    private static UpdateAgencyRequest UpdateOf(Agency agency, string name, long expectedVersion) => new()
    {
        AgencyId = agency.AgencyId,
        ExpectedVersion = expectedVersion,
        Name = name,
        Type = agency.Type,
        AreaIds = { agency.AreaIds },
        Contact = agency.Contact,
        OrganisationCode = agency.OrganisationCode,
    };
}
