using Grpc.Core;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IntegratedCare.IntegrationTests;

/// <summary>The joint allocation queue of an area and its allocation meeting, over real gRPC.</summary>
public sealed class AllocationTests : IAsyncLifetime
{
    private readonly DataFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestHost _host = null!;
    private Area _area = null!;
    private readonly Queue<string> _people = new();
    private Agency _addiction = null!;
    private Agency _housing = null!;
    private Agency _voluntary = null!;
    private ReferralService.ReferralServiceClient _referrals = null!;
    private AllocationService.AllocationServiceClient _caseManager = null!;
    private AllocationService.AllocationServiceClient _coordinator = null!;
    private InterAgencyProtocol _protocol = null!;

    public async Task InitializeAsync()
    {
        _host = new TestHost(_folder, new Dictionary<string, string?> { ["Protocols:DeadlineSweepInterval"] = "1.00:00:00" }, s => s.AddSingleton<TimeProvider>(_clock));
        var scenario = new AgencyScenario(_host);
        _area = await scenario.CreateAreaAsync();
        (_addiction, _housing, _voluntary) = await scenario.RegisterPartnersAsync(_area.AreaId);

        // Registered now, while the tokens the register's calls carry are valid on the fake clock.
        for (var i = 0; i < 4; i++)
        {
            _people.Enqueue(await scenario.RegisterPersonAsync(_addiction.AgencyId));
        }
        _protocol = await scenario.ActiveHousingProtocolAsync(5, ResponseTimeUnit.CalendarDays, "2020-01-01");
        var caseManagerToken = _host.Token("cm-1", ActorKind.Staff, _addiction.AgencyId, Roles.CaseManager);
        _referrals = new(_host.Invoker(caseManagerToken));
        _caseManager = new(_host.Invoker(caseManagerToken));
        _coordinator = new(_host.Invoker(_host.Token("coordinator-1", ActorKind.Staff, null, Roles.RehabilitationCoordinator)));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task TheQueue_IsPagedInTheDatabase_OldestFirst_WithATokenBoundToItsArea()
    {
        var queued = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            queued.Add((await QueueNewReferralAsync()).AllocationItemId);
            _clock.Advance(TimeSpan.FromHours(1));
        }

        var first = await _coordinator.ListAllocationQueueAsync(new ListAllocationQueueRequest { AreaId = _area.AreaId, PageSize = 2 });
        var second = await _coordinator.ListAllocationQueueAsync(new ListAllocationQueueRequest { AreaId = _area.AreaId, PageSize = 2, PageToken = first.NextPageToken });
        var elsewhere = await Assert.ThrowsAsync<RpcException>(() => _coordinator.ListAllocationQueueAsync(
            new ListAllocationQueueRequest { AreaId = _area.AreaId, IncludeAllocated = true, PageSize = 2, PageToken = first.NextPageToken }).ResponseAsync);

        Assert.Equal(queued, first.Items.Concat(second.Items).Select(i => i.AllocationItemId));
        Assert.Equal((3, 3, string.Empty), (first.TotalSize, second.TotalSize, second.NextPageToken));
        Assert.Equal("page_token", Assert.Single(elsewhere.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task TheQueueShowsWaitingTime_AndTheMeetingAllocatesOneAndDefersAnother()
    {
        var first = await QueueNewReferralAsync();
        _clock.Advance(TimeSpan.FromDays(2));
        var second = await QueueNewReferralAsync();

        var queue = await _coordinator.ListAllocationQueueAsync(new ListAllocationQueueRequest { AreaId = _area.AreaId });
        var meeting = await _coordinator.RecordAllocationMeetingAsync(new RecordAllocationMeetingRequest
        {
            AreaId = _area.AreaId,
            HeldOn = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            AttendeeAgencyIds = { _addiction.AgencyId, _housing.AgencyId, _voluntary.AgencyId },
            Decisions =
            {
                new AllocationDecision { AllocationItemId = first.AllocationItemId, Outcome = AllocationOutcome.Allocate, LeadAgencyId = _housing.AgencyId, ContributingAgencyIds = { _addiction.AgencyId, _voluntary.AgencyId } },
                new AllocationDecision { AllocationItemId = second.AllocationItemId, Outcome = AllocationOutcome.Defer, DeferralReason = "Awaiting the housing assessment" },
            },
        });
        var afterMeeting = await _coordinator.ListAllocationQueueAsync(new ListAllocationQueueRequest { AreaId = _area.AreaId });
        var again = await Assert.ThrowsAsync<RpcException>(() => _coordinator.RecordAllocationMeetingAsync(new RecordAllocationMeetingRequest
        {
            AreaId = _area.AreaId, HeldOn = "2026-12-01", AttendeeAgencyIds = { _addiction.AgencyId, _housing.AgencyId },
            Decisions = { new AllocationDecision { AllocationItemId = first.AllocationItemId, Outcome = AllocationOutcome.Defer, DeferralReason = "x" } },
        }).ResponseAsync);

        Assert.Equal([first.AllocationItemId, second.AllocationItemId], queue.Items.Select(i => i.AllocationItemId));
        Assert.Equal(2 * 24 * 3600, queue.Items[0].WaitingSeconds);
        Assert.Equal(0, queue.Items[1].WaitingSeconds);
        var allocated = Assert.Single(meeting.Items, i => i.AllocationItemId == first.AllocationItemId);
        Assert.Equal((AllocationStatus.Allocated, _housing.AgencyId), (allocated.Status, allocated.LeadAgencyId));
        Assert.Equal(new[] { _addiction.AgencyId, _voluntary.AgencyId }.Order(StringComparer.Ordinal), allocated.ContributingAgencyIds.Order(StringComparer.Ordinal));
        var waiting = Assert.Single(afterMeeting.Items);
        Assert.Equal((second.AllocationItemId, 1, "Awaiting the housing assessment"), (waiting.AllocationItemId, waiting.Deferrals, waiting.LastDeferralReason));
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
    }

    [Fact]
    public async Task OnlyTheAreasCoordinatorRecordsItsMeeting_AndAReferralIsQueuedOnce()
    {
        var item = await QueueNewReferralAsync();
        var otherCoordinator = new AllocationService.AllocationServiceClient(_host.Invoker(_host.Token("coordinator-2", ActorKind.Staff, null, Roles.RehabilitationCoordinator)));

        var denied = await Assert.ThrowsAsync<RpcException>(() => otherCoordinator.RecordAllocationMeetingAsync(new RecordAllocationMeetingRequest
        {
            AreaId = _area.AreaId, HeldOn = "2026-12-01", AttendeeAgencyIds = { _addiction.AgencyId, _housing.AgencyId },
            Decisions = { new AllocationDecision { AllocationItemId = item.AllocationItemId, Outcome = AllocationOutcome.Defer, DeferralReason = "x" } },
        }).ResponseAsync);
        var twice = await Assert.ThrowsAsync<RpcException>(() => _caseManager.QueueForJointAllocationAsync(new QueueForJointAllocationRequest
        {
            ReferralId = item.ReferralId, AreaId = _area.AreaId, Reason = "Again",
        }).ResponseAsync);

        var elsewhere = await new AgencyScenario(_host).CreateAreaAsync("Elsewhere");
        var outsider = await new AgencyScenario(_host).Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(elsewhere.AreaId, "Elsewhere Project", AgencyType.VoluntarySector));
        var outsiderList = await Assert.ThrowsAsync<RpcException>(() => new AllocationService.AllocationServiceClient(
            _host.Invoker(_host.Token("cm-x", ActorKind.Staff, outsider.AgencyId, Roles.CaseManager))).ListAllocationQueueAsync(new ListAllocationQueueRequest { AreaId = _area.AreaId }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(StatusCode.AlreadyExists, twice.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, outsiderList.StatusCode);
        Assert.Equal(0, Assert.Single((await _coordinator.ListAllocationQueueAsync(new ListAllocationQueueRequest { AreaId = _area.AreaId })).Items).Deferrals);
    }

    [Fact]
    public async Task AProtocolPastItsReviewDate_IsFlagged()
    {
        var fetched = await new ProtocolService.ProtocolServiceClient(_host.Invoker(_host.Token(null, Roles.SystemAdmin)))
            .GetProtocolAsync(new GetProtocolRequest { ProtocolId = _protocol.ProtocolId });

        Assert.True(fetched.ReviewOverdue);
        Assert.Equal(ProtocolStatus.Active, fetched.Status);
    }

    [Fact]
    public async Task UpdatingAProtocolFromAStaleRead_IsAborted()
    {
        var admin = new ProtocolService.ProtocolServiceClient(_host.Invoker(_host.Token(null, Roles.SystemAdmin)));
        UpdateProtocolRequest Update(string reviewDate) => new()
        {
            ProtocolId = _protocol.ProtocolId, ExpectedVersion = _protocol.Version, Name = _protocol.Name,
            PartyAgencyTypes = { _protocol.PartyAgencyTypes }, ReferralCriteria = _protocol.ReferralCriteria,
            ResponseTimeAmount = 3, ResponseTimeUnit = ResponseTimeUnit.WorkingDays, EscalationContact = _protocol.EscalationContact, ReviewDate = reviewDate,
        };

        var updated = await admin.UpdateProtocolAsync(Update("2030-01-01"));
        var stale = await Assert.ThrowsAsync<RpcException>(() => admin.UpdateProtocolAsync(Update("2031-01-01")).ResponseAsync);

        Assert.Equal(("2030-01-01", false, 3), (updated.ReviewDate, updated.ReviewOverdue, updated.ResponseTimeAmount));
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
    }

    private async Task<AllocationItem> QueueNewReferralAsync()
    {
        var referral = await _referrals.MakeReferralAsync(new MakeReferralRequest
        {
            ProtocolId = _protocol.ProtocolId,
            ServiceUserId = _people.Dequeue(),
            ToAgencyId = _housing.AgencyId,
            Reason = "Needs housing, addiction and peer support together.",
        });
        return await _caseManager.QueueForJointAllocationAsync(new QueueForJointAllocationRequest
        {
            ReferralId = referral.ReferralId,
            AreaId = _area.AreaId,
            Reason = "Housing, treatment and peer support must be planned together.",
        });
    }
}
