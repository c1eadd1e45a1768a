using Google.Rpc;
using Grpc.Core;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.V1;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// An impatient client retries a create whose answer it did not see (a timeout, a dropped connection):
/// with the same request_id it gets the first result, and nothing is created twice.
/// </summary>
public sealed class IdempotencyTests : IAsyncLifetime
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
    public async Task ARetriedCreate_WithTheSameRequestId_ReturnsTheFirstResult_AndCreatesNothingMore()
    {
        var area = await _scenario.CreateAreaAsync();
        var request = AgencyScenario.NewAgency(area.AreaId, "Retry Housing");
        request.RequestId = Guid.NewGuid().ToString();
        var before = await _host.RowsAsync("protocols_agencies");

        var first = await _scenario.Admin.RegisterAgencyAsync(request);
        var retried = await _scenario.Admin.RegisterAgencyAsync(request);
        var fresh = await _scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId, "Retry Housing Two"));

        Assert.Equal(first, retried);
        Assert.NotEqual(first.AgencyId, fresh.AgencyId);
        Assert.Equal(before + 2, await _host.RowsAsync("protocols_agencies"));
        var audit = await _host.AuditAsync();
        Assert.Contains(audit, r => r.Operation.EndsWith("RegisterAgencyCommand", StringComparison.Ordinal) && r.ResourceId == first.AgencyId && (r.Basis ?? "").StartsWith("replay of request_id", StringComparison.Ordinal));
    }

    /// <summary>
    /// A key kept before the use cases moved to folders of their own (scoped by the request's old full
    /// name) still answers a retry after the upgrade: the migration rewrites it to the request's name.
    /// </summary>
    [SqliteFact]
    public async Task AKeyKeptBeforeTheUpgrade_StillAnswersTheRetryAfterIt()
    {
        var area = await _scenario.CreateAreaAsync();
        var request = AgencyScenario.NewAgency(area.AreaId, "Upgrade Housing");
        request.RequestId = Guid.NewGuid().ToString();
        AgencyService.AgencyServiceClient Admin() => new(_host.Invoker(_host.Token("admin-upgrade", ActorKind.Staff, null, Roles.SystemAdmin)));
        var first = await Admin().RegisterAgencyAsync(request);
        await _host.DisposeAsync();

        // The database as the release before wrote it: the scope names the old namespace, and the
        // migration that rewrites it has not run.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_folder.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText =
                """
                UPDATE platform_idempotency_keys SET Scope = 'IntegratedCare.Protocols.Application.Agencies.RegisterAgency.' || Scope WHERE Scope LIKE 'RegisterAgencyCommand|%';
                DELETE FROM __platform_migrations WHERE MigrationId = '20261202070000_IdempotencyScopeByRequestName';
                """;
            Assert.Equal(2, await command.ExecuteNonQueryAsync());
        }

        _host = new TestHost(_folder);
        _scenario = new AgencyScenario(_host);
        var before = await _host.RowsAsync("protocols_agencies");
        var retried = await Admin().RegisterAgencyAsync(request);

        Assert.Equal(first, retried);
        Assert.Equal(before, await _host.RowsAsync("protocols_agencies"));
    }

    [Fact]
    public async Task ConcurrentRetries_OfAReferral_MakeOneReferral_AndAllGetIt()
    {
        var area = await _scenario.CreateAreaAsync();
        var (addiction, housing, _) = await _scenario.RegisterPartnersAsync(area.AreaId);
        var person = await _scenario.RegisterPersonAsync(addiction.AgencyId);
        var protocol = await _scenario.ActiveHousingProtocolAsync(3, ResponseTimeUnit.WorkingDays, "2030-11-01");
        var referrals = new ReferralService.ReferralServiceClient(_host.Invoker(_host.Token("cm-1", ActorKind.Staff, addiction.AgencyId, Roles.CaseManager)));
        var request = new MakeReferralRequest
        {
            ProtocolId = protocol.ProtocolId, ServiceUserId = person, ToAgencyId = housing.AgencyId,
            Reason = "Homeless on discharge; needs temporary accommodation.", RequestId = "referral-" + Guid.NewGuid(),
        };

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => referrals.MakeReferralAsync(request).ResponseAsync));

        Assert.Single(answers.Select(a => a.ReferralId).Distinct());
        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.Equal(1, await _host.RowsAsync("protocols_referrals"));
    }

    [Fact]
    public async Task TheSameRequestId_ForADifferentRequest_IsRefused_AndAnotherCallersKeyIsTheirOwn()
    {
        var area = await _scenario.CreateAreaAsync();
        const string Key = "shared-key-1";
        var mine = AgencyScenario.NewAgency(area.AreaId, "Keyed Agency");
        mine.RequestId = Key;
        var different = AgencyScenario.NewAgency(area.AreaId, "Another Name Entirely");
        different.RequestId = Key;
        var otherAdmin = new AgencyService.AgencyServiceClient(_host.Invoker(_host.Token("other-admin", ActorKind.Staff, null, Roles.SystemAdmin)));
        var badKey = AgencyScenario.NewAgency(area.AreaId, "Bad Key Agency");
        badKey.RequestId = "has spaces and ✓";

        var first = await _scenario.Admin.RegisterAgencyAsync(mine);
        var reused = await Assert.ThrowsAsync<RpcException>(() => _scenario.Admin.RegisterAgencyAsync(different).ResponseAsync);
        var theirs = await otherAdmin.RegisterAgencyAsync(different);
        var invalid = await Assert.ThrowsAsync<RpcException>(() => _scenario.Admin.RegisterAgencyAsync(badKey).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "request_id"), (reused.StatusCode, Assert.Single(reused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field));
        Assert.NotEqual(first.AgencyId, theirs.AgencyId);
        Assert.Equal((StatusCode.InvalidArgument, "request_id"), (invalid.StatusCode, Assert.Single(invalid.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field));
        Assert.Equal(0, await _host.RowsAsync("protocols_agencies", "Name = 'Bad Key Agency'"));
    }
}
