using Grpc.Core;
using IntegratedCare.Protocols.V1;
using Microsoft.Data.Sqlite;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// Storage fills up under the host (here: the database's quota, Database:MaxSizeMegabytes, which SQLite
/// enforces exactly as a full disk). Callers get RESOURCE_EXHAUSTED saying so, not INTERNAL; nothing is
/// half-written; health reports NOT_SERVING; and once space is freed, writes work again.
/// </summary>
public sealed class StorageFullTests : IAsyncLifetime
{
    private const int QuotaMegabytes = 8;
    private readonly DataFolder _folder = new();
    private TestHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new TestHost(_folder, new Dictionary<string, string?> { ["Database:MaxSizeMegabytes"] = QuotaMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [SqliteFact]
    public async Task AFullStore_IsResourceExhausted_NotInternal_StoresNothingHalfWay_AndHealthSaysNotServing()
    {
        var scenario = new AgencyScenario(_host);
        var area = await scenario.CreateAreaAsync();
        await scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId, "Before The Disk Filled"));
        Fill(leavePages: 2);

        RpcException? refused = null;
        var stored = await _host.RowsAsync("protocols_agencies");
        for (var i = 0; i < 50 && refused is null; i++)
        {
            stored = await _host.RowsAsync("protocols_agencies");
            try
            {
                await scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId, $"Filling {i} {new string('x', 150)}"));
            }
            catch (RpcException ex)
            {
                refused = ex;
            }
        }

        var health = new Grpc.Health.V1.Health.HealthClient(_host.Invoker(null));
        var status = await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest());

        Assert.NotNull(refused);
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.StartsWith("Storage is full", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(stored, await _host.RowsAsync("protocols_agencies"));
        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.NotServing, status.Status);

        Free();
        var after = await scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId, "After Space Was Freed"));
        Assert.Equal("After Space Was Freed", after.Name);
    }

    /// <summary>Grows the file, through a connection of its own with no quota, to within a few pages of the host's quota.</summary>
    private void Fill(int leavePages)
    {
        using var connection = new SqliteConnection($"Data Source={_folder.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=10000; CREATE TABLE IF NOT EXISTS test_filler (b BLOB);";
        command.ExecuteNonQuery();
        for (var round = 0; round < 20; round++)
        {
            command.CommandText = "PRAGMA page_count;";
            var room = (QuotaMegabytes * 256L) - (long)command.ExecuteScalar()! - leavePages;
            if (room <= 0)
            {
                return;
            }

            command.CommandText = $"INSERT INTO test_filler VALUES (zeroblob({Math.Max(1, room - 2) * 4000}));";
            command.ExecuteNonQuery();
        }
    }

    private void Free()
    {
        using var connection = new SqliteConnection($"Data Source={_folder.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=10000; DELETE FROM test_filler;";
        command.ExecuteNonQuery();
    }
}
