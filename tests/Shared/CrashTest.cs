using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using IntegratedCare.Protocols.V1;
using Microsoft.Data.Sqlite;

namespace IntegratedCare.Testing;

/// <summary>
/// Writers against the real host, killed with SIGKILL at random moments and restarted, cycle after cycle.
/// After each kill: SQLite's integrity check is ok and every write the host acknowledged is read back.
/// At the end: every integration event was handled exactly once by every handler that takes it.
/// Run by the benchmark project (<c>crash CYCLES</c>) and, for five cycles, by the integration tests.
/// </summary>
internal sealed class CrashTest(string dataFolder, Action<string> tell)
{
    private const int Writers = 8;

    /// <summary>
    /// Each cycle is killed only after this many new acknowledged writes (and after its random delay), so the
    /// run proves durability of real writes however slow the machine is: a kill on a random clock alone could
    /// land before a loaded machine acknowledged anything.
    /// </summary>
    private const int AcknowledgedBeforeKill = 6;

    private static readonly TimeSpan ProgressTimeout = TimeSpan.FromSeconds(60);

    public sealed record Result(int Cycles, int Acknowledged, int Unacknowledged, IReadOnlyList<string> Problems);

    public async Task<Result> RunAsync(int cycles, int seed)
    {
        var random = new Random(seed);
        var database = Path.Combine(dataFolder, "crash.db");
        var acknowledged = new ConcurrentDictionary<string, string>();
        var problems = new List<string>();
        var unacknowledged = 0;
        string? areaId = null;
        string? token = null;
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            var port = HostCommand.FreePort();
            var settings = Settings(database, port);
            // One token for the whole run: it is signed with the run's key and names no port.
            token ??= await HostCommand.MintAsync(["--role", "system-admin", "--lifetime", "02:00:00", .. settings]);
            var headers = new Metadata { { "authorization", $"Bearer {token}" } };
            using var host = HostCommand.Start(settings);
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
            await WaitForHealthAsync(channel, host);
            var agencies = new AgencyService.AgencyServiceClient(channel);

            // What earlier cycles acknowledged is all there.
            foreach (var (id, name) in acknowledged)
            {
                try
                {
                    var read = await agencies.GetAgencyAsync(new GetAgencyRequest { AgencyId = id }, headers);
                    if (read.Name != name)
                    {
                        problems.Add($"cycle {cycle}: agency {id} reads back as '{read.Name}', not '{name}'");
                    }
                }
                catch (RpcException ex)
                {
                    problems.Add($"cycle {cycle}: acknowledged agency {id} is lost ({ex.StatusCode})");
                }
            }

            areaId ??= (await agencies.CreateAreaAsync(new CreateAreaRequest
            {
                Name = "Crash Area", Kind = AreaKind.CouncilArea, Jurisdiction = Jurisdiction.Scotland,
                RehabilitationCoordinator = new RehabilitationCoordinator { StaffId = "rc", Name = "Co-ordinator", Email = "rc@example.org" },
            }, headers)).AreaId;

            using var stop = new CancellationTokenSource();
            var lost = 0;
            var acknowledgedThisCycle = 0;
            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var name = $"Crash {cycle}-{w}-{n}";
                    try
                    {
                        var made = await agencies.RegisterAgencyAsync(new RegisterAgencyRequest
                        {
                            Name = name, Type = AgencyType.VoluntarySector, AreaIds = { areaId }, Contact = new AgencyContact { Email = "crash@example.org" },
                            RequestId = Guid.NewGuid().ToString(),
                        }, headers, cancellationToken: stop.Token);
                        acknowledged[made.AgencyId] = name;
                        Interlocked.Increment(ref acknowledgedThisCycle);
                    }
                    catch (RpcException)
                    {
                        Interlocked.Increment(ref lost);
                        return;
                    }
                }
            })).ToList();

            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 2500)));
            var waiting = Stopwatch.StartNew();
            while (Volatile.Read(ref acknowledgedThisCycle) < AcknowledgedBeforeKill && waiting.Elapsed < ProgressTimeout && writers.Any(w => !w.IsCompleted))
            {
                await Task.Delay(20);
            }

            if (Volatile.Read(ref acknowledgedThisCycle) < AcknowledgedBeforeKill)
            {
                problems.Add($"cycle {cycle}: only {acknowledgedThisCycle} writes were acknowledged in {waiting.Elapsed.TotalSeconds:0}s after the random delay (writers stopped: {writers.Count(w => w.IsCompleted)})");
            }

            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            stop.Cancel();
            await Task.WhenAll(writers);
            unacknowledged += lost;
            SqliteConnection.ClearAllPools();
            var integrity = Scalar(database, "PRAGMA integrity_check;");
            if (integrity != "ok")
            {
                problems.Add($"cycle {cycle}: integrity_check says {integrity}");
            }

            tell($"cycle {cycle}: killed after {acknowledgedThisCycle} acknowledged writes this cycle, {acknowledged.Count} in all; integrity {integrity}");
        }

        problems.AddRange(await FinalCheckAsync(database, acknowledged));
        return new Result(cycles, acknowledged.Count, unacknowledged, problems);
    }

    /// <summary>A last start: every acknowledged write is there, and the outbox drains with each event handled once per handler.</summary>
    private async Task<IReadOnlyList<string>> FinalCheckAsync(string database, ConcurrentDictionary<string, string> acknowledged)
    {
        var problems = new List<string>();
        var port = HostCommand.FreePort();
        var settings = Settings(database, port);
        using var host = HostCommand.Start(settings);
        try
        {
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
            await WaitForHealthAsync(channel, host);
            var stored = Scalar(database, "SELECT COUNT(*) FROM protocols_agencies WHERE Name LIKE 'Crash %';");
            var missing = acknowledged.Keys.Where(id => Scalar(database, $"SELECT COUNT(*) FROM protocols_agencies WHERE lower(Id) = lower('{id}');") != "1").ToList();
            problems.AddRange(missing.Select(id => $"acknowledged agency {id} is not stored"));

            var deadline = Stopwatch.StartNew();
            while (Scalar(database, "SELECT COUNT(*) FROM platform_outbox_messages WHERE ProcessedAt IS NULL;") != "0" && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(200);
            }

            var pending = Scalar(database, "SELECT COUNT(*) FROM platform_outbox_messages WHERE ProcessedAt IS NULL;");
            if (pending != "0")
            {
                problems.Add($"{pending} integration events were never handled");
            }

            // Each handler records each message it handled once (the inbox's key is message and handler); every
            // message of a type must have been taken by the same set of handlers.
            var uneven = Scalar(database, """
                SELECT COUNT(*) FROM (
                  SELECT o.Type, o.Id, COUNT(i.Handler) AS handled FROM platform_outbox_messages o
                  LEFT JOIN platform_inbox_messages i ON i.MessageId = o.Id GROUP BY o.Type, o.Id) per
                JOIN (SELECT o.Type, MAX(c) AS most FROM (
                  SELECT o.Type, o.Id, COUNT(i.Handler) AS c FROM platform_outbox_messages o
                  LEFT JOIN platform_inbox_messages i ON i.MessageId = o.Id GROUP BY o.Type, o.Id) o GROUP BY o.Type) t ON t.Type = per.Type
                WHERE per.handled <> t.most;
                """);
            if (uneven != "0")
            {
                problems.Add($"{uneven} integration events were handled by fewer handlers than others of their type");
            }

            tell($"final start: {stored} agencies stored for {acknowledged.Count} acknowledged; {pending} events pending; {uneven} handled unevenly");
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }

        return problems;
    }

    /// <summary>The host on a free port, on the run's database and signing key, with a quick outbox.</summary>
    private string[] Settings(string database, int port) =>
    [
        $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{port}",
        $"--Kestrel:Endpoints:Web:Url=http://127.0.0.1:{HostCommand.FreePort()}",
        $"--Database:Path={database}",
        $"--Authentication:SigningKeyPath={Path.Combine(dataFolder, "signing-key.pem")}",
        "--Logging:LogLevel:Default=Warning",
        "--Outbox:PollInterval=00:00:00.200",
    ];

    private static string Scalar(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False;Default Timeout=10");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }

    private static async Task WaitForHealthAsync(GrpcChannel channel, Process host)
    {
        var health = new Health.HealthClient(channel);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (host.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {host.ExitCode} before it served.");
            }

            try
            {
                if ((await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2))).Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (RpcException) when (DateTime.UtcNow < deadline)
            {
            }

            await Task.Delay(200);
        }
    }
}
