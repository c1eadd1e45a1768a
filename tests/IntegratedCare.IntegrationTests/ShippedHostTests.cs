using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using IntegratedCare.Protocols.V1;
using IntegratedCare.Testing;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// The host as the README runs it: its own process, its shipped appsettings.json, real Kestrel over
/// HTTP/2, a token from its own token command. The in-process test server ignores Kestrel settings;
/// this does not.
/// </summary>
public sealed class ShippedHostTests : IDisposable
{
    private readonly DataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SqliteFact]
    public async Task TheShippedHost_ServesHealthAndTheApiWithATokenFromItsOwnCommand()
    {
        var port = HostCommand.FreePort();
        var settings = Settings(port);
        var (exitCode, token) = await HostCommand.RunAsync(["token", "--role", "system-admin", .. settings]);
        Assert.Equal(0, exitCode);

        using var host = HostCommand.Start(settings);
        try
        {
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
            var health = await WaitForHealthAsync(new Health.HealthClient(channel), host);
            var agencies = new AgencyService.AgencyServiceClient(channel);
            var anonymous = await Assert.ThrowsAsync<RpcException>(() => agencies.ListAgenciesAsync(new ListAgenciesRequest()).ResponseAsync);
            var listed = await agencies.ListAgenciesAsync(new ListAgenciesRequest(), new Metadata { { "authorization", $"Bearer {token.Trim()}" } });

            // Over-long tokens, as a hostile client sends them, through the real Kestrel: a gRPC status, not an
            // HTTP 431 or a stream reset (the transport's own limit is 128 KiB of headers).
            var overlong = new List<StatusCode>();
            foreach (var length in new[] { 33 * 1024, 100 * 1024 })
            {
                var ex = await Assert.ThrowsAsync<RpcException>(() => agencies.ListAgenciesAsync(
                    new ListAgenciesRequest(), new Metadata { { "authorization", "Bearer " + new string('a', length) } }).ResponseAsync);
                overlong.Add(ex.StatusCode);
            }

            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
            Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
            Assert.Equal([StatusCode.Unauthenticated, StatusCode.Unauthenticated], overlong);
            Assert.Equal(0, listed.TotalSize);
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    [SqliteFact]
    public async Task KilledMidReads_EveryAnsweredRead_IsInTheAuditTrail()
    {
        var port = HostCommand.FreePort();
        string[] settings = [.. Settings(port), "--Logging:LogLevel:Default=Warning"];
        var (_, token) = await HostCommand.RunAsync(["token", "--role", "system-admin", .. settings]);
        var headers = new Metadata { { "authorization", $"Bearer {token.Trim()}" } };
        var answered = new System.Collections.Concurrent.ConcurrentBag<string>();
        using (var host = HostCommand.Start(settings))
        {
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
            await WaitForHealthAsync(new Health.HealthClient(channel), host);
            var agencies = new AgencyService.AgencyServiceClient(channel);
            var area = await agencies.CreateAreaAsync(new CreateAreaRequest
            {
                Name = "Kill Area", Kind = AreaKind.CouncilArea, TimeZone = "Europe/London", Jurisdiction = Jurisdiction.Scotland,
                RehabilitationCoordinator = new RehabilitationCoordinator { StaffId = "rc", Name = "Co-ordinator", Email = "rc@example.org" },
            }, headers);
            var ids = new List<string>();
            for (var i = 0; i < 40; i++)
            {
                ids.Add((await agencies.RegisterAgencyAsync(new RegisterAgencyRequest
                {
                    Name = $"Agency {i:D3}", Type = AgencyType.VoluntarySector, AreaIds = { area.AreaId }, Contact = new AgencyContact { Email = "a@example.org" },
                }, headers)).AgencyId);
            }

            // Reads from 16 callers; the host is killed (SIGKILL) while they are in flight.
            using var stop = new CancellationTokenSource();
            var readers = Enumerable.Range(0, 16).Select(r => Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var id = ids[(r + n) % ids.Count];
                    try
                    {
                        var seen = await agencies.GetAgencyAsync(new GetAgencyRequest { AgencyId = id }, headers, cancellationToken: stop.Token);
                        answered.Add($"{seen.AgencyId}|{r}|{n}");
                    }
                    catch (RpcException)
                    {
                        return;
                    }
                }
            })).ToList();
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            stop.Cancel();
            await Task.WhenAll(readers);
        }

        // Every answered read left its record: as many records per agency as answers naming it, or more.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_folder.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ResourceId, COUNT(*) FROM platform_audit_events WHERE Operation = 'Protocols.GetAgencyQuery' AND Outcome = 'Success' GROUP BY ResourceId";
        var recorded = new Dictionary<string, long>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                recorded[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        Assert.True(answered.Count > 50, $"only {answered.Count} reads were answered before the kill");
        foreach (var (agency, answers) in answered.GroupBy(a => a.Split('|')[0]).Select(g => (g.Key, g.LongCount())))
        {
            Assert.True(recorded.GetValueOrDefault(agency) >= answers, $"agency {agency}: {answers} answered reads, {recorded.GetValueOrDefault(agency)} audit records");
        }
    }

    /// <summary>The host on a free gRPC port and web port, with this test's database and signing key.</summary>
    private string[] Settings(int grpcPort) =>
    [
        $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{grpcPort}",
        $"--Kestrel:Endpoints:Web:Url=http://127.0.0.1:{HostCommand.FreePort()}",
        $"--Database:Path={_folder.DatabasePath}",
        $"--Authentication:SigningKeyPath={Path.Combine(_folder.Path, "signing-key.pem")}",
    ];

    private static async Task<HealthCheckResponse> WaitForHealthAsync(Health.HealthClient health, Process host)
    {
        // Generous: CI runs the test projects side by side on two cores.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            Assert.False(host.HasExited, $"The host exited with code {(host.HasExited ? host.ExitCode : 0)} before it served.");
            try
            {
                return await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
            }
            catch (RpcException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
