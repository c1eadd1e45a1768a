using Grpc.Core;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using RaiseOverdueReferralsCommand = IntegratedCare.Protocols.Application.Referrals.RaiseOverdueReferrals.RaiseOverdueReferralsCommand;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.V1;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using static IntegratedCare.IntegrationTests.Eventually;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// Referrals over real gRPC between an addiction service, a housing agency system and a third agency,
/// under a housing–addiction protocol with a three-working-day response time, on a fake clock.
/// </summary>
public sealed class ReferralTests : IAsyncLifetime
{
    private string _person = null!;
    private readonly DataFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestHost _host = null!;
    private Agency _addiction = null!;
    private Agency _housing = null!;
    private Agency _voluntary = null!;
    private InterAgencyProtocol _protocol = null!;
    private ReferralService.ReferralServiceClient _caseManager = null!;
    private ReferralService.ReferralServiceClient _housingSystem = null!;
    private ReferralService.ReferralServiceClient _stranger = null!;

    public async Task InitializeAsync()
    {
        // A day between sweeps: advancing the fake clock by days fires the worker's timer once per period.
        _host = new TestHost(
            _folder,
            new Dictionary<string, string?> { ["Protocols:DeadlineSweepInterval"] = "1.00:00:00" },
            s => s.AddSingleton<TimeProvider>(_clock));
        var scenario = new AgencyScenario(_host);
        var area = await scenario.CreateAreaAsync();
        (_addiction, _housing, _voluntary) = await scenario.RegisterPartnersAsync(area.AreaId);
        _person = await scenario.RegisterPersonAsync(_addiction.AgencyId);
        _protocol = await scenario.ActiveHousingProtocolAsync(3, ResponseTimeUnit.WorkingDays, "2027-11-01");

        // Tokens are minted now: the fake clock moves on later, the token validator's does not.
        _caseManager = new(_host.Invoker(_host.Token("cm-1", ActorKind.Staff, _addiction.AgencyId, Roles.CaseManager)));
        _housingSystem = new(_host.Invoker(_host.Token("housing-system", ActorKind.AgencySystem, _housing.AgencyId, Roles.AgencySystem)));
        _stranger = new(_host.Invoker(_host.Token("cm-9", ActorKind.Staff, _voluntary.AgencyId, Roles.CaseManager)));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task AHousingSystem_ReceivesAcceptsInTimeAndCompletesAReferral_AndNoOneElseSeesIt()
    {
        var made = await _caseManager.MakeReferralAsync(NewReferral());

        var incoming = await _housingSystem.ListReferralsAsync(new ListReferralsRequest { Direction = ReferralDirection.Incoming, Status = ReferralStatus.Requested });
        var received = await _housingSystem.ReceiveReferralAsync(new ReceiveReferralRequest { ReferralId = made.ReferralId, ExpectedVersion = made.Version });
        _clock.Advance(TimeSpan.FromDays(1));
        var accepted = await _housingSystem.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = made.ReferralId, ExpectedVersion = received.Version, Note = "Assessment booked" });
        var twice = await Assert.ThrowsAsync<RpcException>(() => _housingSystem.AcceptReferralAsync(
            new AcceptReferralRequest { ReferralId = made.ReferralId, ExpectedVersion = accepted.Version }).ResponseAsync);
        var completed = await _housingSystem.CompleteReferralAsync(new CompleteReferralRequest { ReferralId = made.ReferralId, ExpectedVersion = accepted.Version, Outcome = "Tenancy offered and taken up" });
        var strangerGet = await Assert.ThrowsAsync<RpcException>(() => _stranger.GetReferralAsync(new GetReferralRequest { ReferralId = made.ReferralId }).ResponseAsync);
        var strangerList = await _stranger.ListReferralsAsync(new ListReferralsRequest { Direction = ReferralDirection.Incoming });

        Assert.Equal(ReferralStatus.Requested, made.Status);
        Assert.True(made.DueAt.ToDateTimeOffset() > _clock.GetUtcNow().AddDays(2));
        Assert.Equal(made.ReferralId, Assert.Single(incoming.Referrals).ReferralId);
        Assert.Equal(ReferralStatus.Received, received.Status);
        Assert.Equal(ReferralStatus.Accepted, accepted.Status);
        Assert.True(accepted.AnsweredAt.ToDateTimeOffset() < accepted.DueAt.ToDateTimeOffset());
        Assert.False(accepted.Overdue);
        Assert.Equal(StatusCode.FailedPrecondition, twice.StatusCode);
        Assert.Equal((ReferralStatus.Completed, "Tenancy offered and taken up"), (completed.Status, completed.Note));
        Assert.Equal(StatusCode.NotFound, strangerGet.StatusCode);
        Assert.Empty(strangerList.Referrals);
    }

    [Fact]
    public async Task AReferralLeftUnansweredPastItsResponseTime_RaisesReferralOverdueExactlyOnce()
    {
        var answered = await _caseManager.MakeReferralAsync(NewReferral());
        var ignored = await _caseManager.MakeReferralAsync(NewReferral());
        await _housingSystem.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = answered.ReferralId, ExpectedVersion = answered.Version });

        Assert.Equal(0, await SweepAsync());

        // Past the response time the deadline worker (its timer runs on the same fake clock) flags it;
        // sweeping again, by the worker or by hand, raises nothing more.
        _clock.Advance(TimeSpan.FromDays(8));
        await WaitUntilAsync(async () => (await OverdueEventsAsync()).Count > 0);
        Assert.Equal((0, 0), (await SweepAsync(), await SweepAsync()));
        _clock.Advance(TimeSpan.FromMinutes(5));
        var overdue = await OverdueEventsAsync();
        Assert.Equal(Guid.Parse(ignored.ReferralId), Assert.Single(overdue).ReferralId);
        var seen = await _caseManager.GetReferralAsync(new GetReferralRequest { ReferralId = ignored.ReferralId });
        Assert.True(seen.Overdue);

        // Thirty days past due, still unanswered, it lapses: closed as expired, and no longer answerable.
        _clock.Advance(TimeSpan.FromDays(30));
        await SweepAsync();
        var lapsed = await _caseManager.GetReferralAsync(new GetReferralRequest { ReferralId = ignored.ReferralId });
        var lateAnswer = await Assert.ThrowsAsync<RpcException>(() => _housingSystem.AcceptReferralAsync(
            new AcceptReferralRequest { ReferralId = ignored.ReferralId, ExpectedVersion = lapsed.Version }).ResponseAsync);
        Assert.Equal((ReferralStatus.Expired, false), (lapsed.Status, lapsed.Overdue));
        Assert.NotNull(lapsed.ClosedAt);
        Assert.Equal(StatusCode.FailedPrecondition, lateAnswer.StatusCode);
        Assert.Single(await OverdueEventsAsync());
    }

    [Fact]
    public async Task TheWrongSideOrAnExpiredProtocol_IsRefusedAndChangesNothing()
    {
        var made = await _caseManager.MakeReferralAsync(NewReferral());

        var referrerAccepts = await Assert.ThrowsAsync<RpcException>(() => _caseManager.AcceptReferralAsync(
            new AcceptReferralRequest { ReferralId = made.ReferralId, ExpectedVersion = made.Version }).ResponseAsync);
        var receiverCancels = await Assert.ThrowsAsync<RpcException>(() => _housingSystem.CancelReferralAsync(
            new CancelReferralRequest { ReferralId = made.ReferralId, ExpectedVersion = made.Version, Reason = "x" }).ResponseAsync);
        var protocols = new ProtocolService.ProtocolServiceClient(_host.Invoker(_host.Token(null, Roles.SystemAdmin)));
        await protocols.ExpireProtocolAsync(new ExpireProtocolRequest { ProtocolId = _protocol.ProtocolId, ExpectedVersion = _protocol.Version });
        var underExpired = await Assert.ThrowsAsync<RpcException>(() => _caseManager.MakeReferralAsync(NewReferral()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, referrerAccepts.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, receiverCancels.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, underExpired.StatusCode);
        Assert.Equal(ReferralStatus.Requested, (await _caseManager.GetReferralAsync(new GetReferralRequest { ReferralId = made.ReferralId })).Status);
        Assert.Single((await _caseManager.ListReferralsAsync(new ListReferralsRequest { Direction = ReferralDirection.Outgoing })).Referrals);
    }

    [Fact]
    public async Task SharingACategoryTheReceiverMayNotSee_IsRefusedAndTheDenialIsAudited()
    {
        var request = NewReferral();
        request.SharedDataCategories.Add(DataCategories.HealthInformation);

        var ex = await Assert.ThrowsAsync<RpcException>(() => _caseManager.MakeReferralAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("health-information", ex.Status.Detail, StringComparison.Ordinal);
        var refusal = Assert.Single(await _host.AuditAsync(), r => r.Operation == "Protocols.MakeReferralCommand" && r.Outcome == AuditOutcome.Failed);
        Assert.Equal(_person, refusal.ServiceUserId);
        Assert.StartsWith("deny: no active sharing rule", refusal.Basis, StringComparison.Ordinal);
        Assert.Empty((await _caseManager.ListReferralsAsync(new ListReferralsRequest { Direction = ReferralDirection.Outgoing })).Referrals);
    }

    [Fact]
    public async Task AReferralUnderAChildProtectionOverride_SharesWithoutConsent_AndTheReasonIsAudited()
    {
        var isp = new InformationSharingService.InformationSharingServiceClient(_host.Invoker(_host.Token(null, Roles.SystemAdmin)));
        var draft = await isp.CreateSharingProtocolAsync(new CreateSharingProtocolRequest
        {
            Name = "Child protection sharing",
            Rules = { new SharingRule { DataCategory = DataCategories.AssessmentFamilyAndChildren, RecipientAgencyType = AgencyType.HousingAndHomelessness, Purpose = SharingPurpose.Safeguarding, Basis = SharingBasis.LegalOverride, LegalBasisCode = "child-protection" } },
        });
        draft = await isp.SignSharingProtocolAsync(new SignSharingProtocolRequest { SharingProtocolId = draft.SharingProtocolId, ExpectedVersion = draft.Version, AgencyId = _addiction.AgencyId });
        draft = await isp.SignSharingProtocolAsync(new SignSharingProtocolRequest { SharingProtocolId = draft.SharingProtocolId, ExpectedVersion = draft.Version, AgencyId = _housing.AgencyId });
        await isp.ActivateSharingProtocolAsync(new ActivateSharingProtocolRequest { SharingProtocolId = draft.SharingProtocolId, ExpectedVersion = draft.Version });
        var request = NewReferral();
        request.SharedDataCategories.Add(DataCategories.AssessmentFamilyAndChildren);

        var withoutOverride = await Assert.ThrowsAsync<RpcException>(() => _caseManager.MakeReferralAsync(request).ResponseAsync);
        request.OverrideBasis = "child-protection";
        request.OverrideReason = "Duty to share: children in the household";
        var made = await _caseManager.MakeReferralAsync(request);

        Assert.Equal(StatusCode.FailedPrecondition, withoutOverride.StatusCode);
        Assert.Equal([DataCategories.AssessmentFamilyAndChildren], made.SharedDataCategories);
        Assert.Contains(await _host.AuditAsync(), r => r.Operation == "Protocols.MaySeeQuery" && r.ServiceUserId == _person
            && r.Basis!.Contains("legal basis child-protection: Duty to share: children in the household", StringComparison.Ordinal));
    }

    private MakeReferralRequest NewReferral() => new()
    {
        ProtocolId = _protocol.ProtocolId,
        ServiceUserId = _person,
        ToAgencyId = _housing.AgencyId,
        Reason = "Homeless on discharge from residential rehabilitation; needs temporary accommodation.",
    };

    private async Task<int> SweepAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("test-deadlines"));
        try
        {
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RaiseOverdueReferralsCommand(TimeSpan.FromDays(30)));
        }
        catch (IntegratedCare.BuildingBlocks.Domain.ConcurrencyConflictException)
        {
            // The host's own worker swept the same referral at the same moment (on PostgreSQL both read it
            // before either committed): the loser is refused whole, as any sweeper is, and sweeps again.
            await using var again = _host.Services.CreateAsyncScope();
            again.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("test-deadlines"));
            return await again.ServiceProvider.GetRequiredService<IMediator>().Send(new RaiseOverdueReferralsCommand(TimeSpan.FromDays(30)));
        }
    }

    private async Task<List<ReferralOverdueIntegrationEvent>> OverdueEventsAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var messages = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Type.StartsWith(typeof(ReferralOverdueIntegrationEvent).FullName!)).ToListAsync();
        return messages.Select(m => System.Text.Json.JsonSerializer.Deserialize<ReferralOverdueIntegrationEvent>(m.Payload)!).ToList();
    }
}
