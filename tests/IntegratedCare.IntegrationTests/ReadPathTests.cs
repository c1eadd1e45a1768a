using Grpc.Core;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.Protocols.V1;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// Reads run without the write lock, and their audit records are group-committed before the answer
/// (ADR 0005): every answered read is in the audit trail, and a read whose record cannot be written
/// answers nothing.
/// </summary>
public sealed class ReadPathTests : IAsyncLifetime
{
    private readonly DataFolder _folder = new();
    private TestHost _host = null!;
    private AgencyScenario _scenario = null!;
    private Agency _agency = null!;

    public async Task InitializeAsync()
    {
        _host = new TestHost(_folder);
        _scenario = new AgencyScenario(_host);
        var area = await _scenario.CreateAreaAsync();
        _agency = await _scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task ManyConcurrentReads_AreEachAnswered_AndEachAuditedBeforeItsAnswer()
    {
        var clients = Enumerable.Range(0, 8).Select(_ => _scenario.Client(_agency.AgencyId, IntegratedCare.BuildingBlocks.Application.Security.Roles.AgencyAdmin)).ToList();

        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            clients[i % clients.Count].GetAgencyAsync(new GetAgencyRequest { AgencyId = _agency.AgencyId }).ResponseAsync));

        Assert.All(answers, a => Assert.Equal(_agency.AgencyId, a.AgencyId));
        var reads = (await _host.AuditAsync()).Where(r => r.Operation == "Protocols.GetAgencyQuery").ToList();
        Assert.Equal(200, reads.Count);
        Assert.All(reads, r => Assert.Equal((AuditOutcome.Success, _agency.AgencyId), (r.Outcome, r.ResourceId)));
    }

    [SqliteFact]
    public async Task AReadWhoseAuditRecordCannotBeWritten_DisclosesNothing_AndFailsNoOtherRead()
    {
        // The database refuses this read's audit records, as a full disk or a broken file would.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_folder.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TRIGGER test_refuse_agency_reads BEFORE INSERT ON platform_audit_events " +
                "WHEN NEW.Operation = 'Protocols.GetAgencyQuery' BEGIN SELECT RAISE(ABORT, 'audit store unavailable'); END;";
            await command.ExecuteNonQueryAsync();
        }

        // Reads whose records can be written, at the same moment. The write lock is held meanwhile, so their
        // records and the refused one queue up and reach the writer together, in one batch.
        await using var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_folder.DatabasePath}");
        await holder.OpenAsync();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        var others = Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _scenario.Admin.ListAgenciesAsync(new ListAgenciesRequest()).ResponseAsync));
        var refusedCall = _scenario.Admin.GetAgencyAsync(new GetAgencyRequest { AgencyId = _agency.AgencyId }).ResponseAsync;
        await Task.Delay(TimeSpan.FromSeconds(1));
        await using (var commit = holder.CreateCommand())
        {
            commit.CommandText = "COMMIT";
            await commit.ExecuteNonQueryAsync();
        }

        var refused = await Assert.ThrowsAsync<RpcException>(() => refusedCall);
        var listed = (await others)[0];

        Assert.Equal(StatusCode.Internal, refused.StatusCode);
        Assert.DoesNotContain(_agency.Name, refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(_agency.AgencyId, Assert.Single(listed.Agencies).AgencyId);
    }
}
