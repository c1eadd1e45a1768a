using System.Collections.Concurrent;
using Grpc.Core;
using IntegratedCare.AgencySimulator.Scenarios;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.V1;
using IntegratedCare.Tests.Shared;
using Xunit.Abstractions;

namespace IntegratedCare.AgencySimulator;

/// <summary>
/// Two host processes on one PostgreSQL database, the busy area's agencies spread over both, and writers
/// creating agencies through both the whole time. Half way through the simulated year the second host is
/// killed with SIGKILL; the run finishes on the first. Nothing may be lost: every acknowledged write reads
/// back once, every integration event is handled by every handler that takes it, once, and every
/// deadline is flagged once, whichever host swept it.
/// </summary>
public sealed class TwoHostTests(ITestOutputHelper output)
{
    private const int KillAfterDays = 26 * 7;

    [PostgreSqlFact]
    public async Task ABusyArea_OnTwoHosts_OneKilledHalfway_FinishesOnTheOther_LosingNothing()
    {
        var database = TestPostgres.CreateDatabase();
        var story = TextWriter.Synchronized(new StringWriter());
        try
        {
            await using var system = await TwoHostSystem.StartAsync(database, line => story.WriteLine($"[two hosts] {line}"), KillAfterDays);
            var writers = new Writers(system);
            await writers.SetUpAsync();
            using var stop = new CancellationTokenSource();
            var load = writers.RunAsync(stop.Token);
            system.BeforeKill = writers.Burst;

            var report = new StringWriter();
            var failure = await Simulator.RunAsync(system, new BusyArea(people: 30), story, report);
            await stop.CancelAsync();
            await load;
            output.WriteLine(report.ToString());
            Assert.True(failure is null, $"{report}\n{Tail(story)}\nhost 1 said:\n{string.Join("\n", system.Hosts[0].Output.Take(40))}");
            Assert.False(system.Hosts[1].Alive, "the second host was never killed: the run did not reach half way");
            Assert.True(writers.AcknowledgedBeforeKill > 0 && writers.AcknowledgedAfterKill > 0,
                $"the writers must be acknowledged on both sides of the kill (before {writers.AcknowledgedBeforeKill}, after {writers.AcknowledgedAfterKill})");
            Assert.Empty(writers.Problems);
            Assert.True(system.KilledWithCallsInFlight > 0 && system.SentAgain > 0,
                $"the kill must cut calls off ({system.KilledWithCallsInFlight} under way, {system.SentAgain} sent again)");

            // Every acknowledged write reads back through the survivor, and was stored once, retried or not.
            await writers.ReadBackAsync();
            Assert.Empty(writers.Problems);
            Assert.Equal(0, await system.CountAsync("""
                SELECT COUNT(*) FROM (SELECT "Name" FROM protocols.protocols_agencies WHERE "Name" COLLATE "C" LIKE 'Two-host writer %' GROUP BY "Name" HAVING COUNT(*) > 1) twice
                """));
            Assert.Equal(writers.Acknowledged.Count, await system.CountAsync("""SELECT COUNT(*) FROM protocols.protocols_agencies WHERE "Name" COLLATE "C" LIKE 'Two-host writer %'"""));

            // The outbox drains on the survivor, the dead host's claims expired and taken over.
            const string Pending = """SELECT COUNT(*) FROM platform.platform_outbox_messages WHERE "ProcessedAt" IS NULL""";
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (await system.CountAsync(Pending) > 0 && waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                await system.NudgeAsync(TimeSpan.FromMinutes(1));
                await Task.Delay(100);
            }

            Assert.Equal(0, await system.CountAsync(Pending));

            // Exactly once: the inbox keys each (message, handler) pair, so none ran twice; every message of a type
            // was taken by as many handlers as the most-handled message of that type, so none was skipped.
            Assert.Equal(0, await system.CountAsync("""
                WITH per AS (
                  SELECT o."Type", o."Id", COUNT(i."Handler") AS handled FROM platform.platform_outbox_messages o
                  LEFT JOIN platform.platform_inbox_messages i ON i."MessageId" = o."Id" GROUP BY o."Type", o."Id")
                SELECT COUNT(*) FROM per JOIN (SELECT "Type", MAX(handled) AS most FROM per GROUP BY "Type") t ON t."Type" = per."Type"
                WHERE per.handled <> t.most
                """));

            // Every deadline flagged once, before and after the kill, whichever host's sweep found it.
            var flags = new (string Event, string Key)[]
            {
                ("ReferralOverdueIntegrationEvent", """("Payload"::jsonb->>'ReferralId')"""),
                ("ActionOverdueIntegrationEvent", """("Payload"::jsonb->>'ActionId')"""),
                ("ConsentExpiredIntegrationEvent", """("Payload"::jsonb->>'ConsentId')"""),
                ("FormStageOverdueIntegrationEvent", """("Payload"::jsonb->>'FormId') || ("Payload"::jsonb->>'Stage')"""),
            };
            var killedAt = system.StartedAt.AddDays(KillAfterDays).UtcTicks;
            long flagged = 0, flaggedAfterKill = 0;
            foreach (var (name, key) in flags)
            {
                var type = $"""
                    "Type" LIKE '%.{name},%'
                    """.Trim();
                Assert.True(0 == await system.CountAsync($"""SELECT COUNT(*) FROM (SELECT {key} FROM platform.platform_outbox_messages WHERE {type} GROUP BY 1 HAVING COUNT(*) > 1) twice"""),
                    $"an item was flagged twice ({name})");
                flagged += await system.CountAsync($"""SELECT COUNT(*) FROM platform.platform_outbox_messages WHERE {type}""");
                flaggedAfterKill += await system.CountAsync($"""SELECT COUNT(*) FROM platform.platform_outbox_messages WHERE {type} AND "OccurredAt" > {killedAt}""");
            }

            output.WriteLine($"{writers.Acknowledged.Count} writes acknowledged ({writers.AcknowledgedBeforeKill} before the kill, {writers.AcknowledgedAfterKill} after, {system.SentAgain} calls sent again to the survivor); {flagged} deadlines flagged, {flaggedAfterKill} after the kill");
            Assert.True(flaggedAfterKill > 0, $"no deadline was flagged after the kill ({flagged} in all): the survivor's sweeps did not run");
            output.WriteLine(Tail(story));
        }
        finally
        {
            TestPostgres.DropDatabase(database);
        }
    }

    private static string Tail(TextWriter story) => string.Join("\n", story.ToString()!.Split('\n').TakeLast(60));

    /// <summary>
    /// Agency registrations through both hosts, each with its own request id, the whole run long: an
    /// impatient partner that, when its host dies under a call, sends the same request to the other.
    /// </summary>
    private sealed class Writers(TwoHostSystem system)
    {
        private const int Count = 4;
        private readonly List<AgencyService.AgencyServiceClient> _clients = [];
        private string _areaId = string.Empty;
        private int _before;
        private int _after;

        public ConcurrentDictionary<string, string> Acknowledged { get; } = new();

        public ConcurrentQueue<string> Problems { get; } = new();

        public int AcknowledgedBeforeKill => _before;

        public int AcknowledgedAfterKill => _after;

        public async Task SetUpAsync()
        {
            var token = system.Mint("two-host-writer", ActorKind.Staff, null, Roles.SystemAdmin);
            for (var i = 0; i < Count; i++)
            {
                _clients.Add(new AgencyService.AgencyServiceClient(system.Invoker(token)));
            }

            _areaId = (await _clients[0].CreateAreaAsync(new CreateAreaRequest
            {
                Name = "Two-host writers' area", Kind = AreaKind.CouncilArea, Jurisdiction = Jurisdiction.Scotland,
                RehabilitationCoordinator = new RehabilitationCoordinator { StaffId = "rc-writers", Name = "Co-ordinator", Email = "rc@example.org" },
            })).AreaId;
        }

        private readonly ConcurrentBag<Task> _burst = [];

        public async Task RunAsync(CancellationToken stop)
        {
            await Task.WhenAll(_clients.Select((client, w) => Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    await WriteAsync(client, $"Two-host writer {w}-{n}");

                    // Room for the scenario's own calls on two cores.
                    await Task.Delay(25, CancellationToken.None);
                }
            })));
            await Task.WhenAll(_burst);
        }

        /// <summary>Sixteen writes at once to the host about to be killed (the first client is the first caller, whose home is host 2), not awaited here.</summary>
        public void Burst()
        {
            for (var i = 0; i < 16; i++)
            {
                _burst.Add(WriteAsync(_clients[0], $"Two-host writer burst-{i}"));
            }
        }

        private async Task WriteAsync(AgencyService.AgencyServiceClient client, string name)
        {
            try
            {
                var made = await client.RegisterAgencyAsync(new RegisterAgencyRequest
                {
                    Name = name, Type = AgencyType.VoluntarySector, AreaIds = { _areaId }, Contact = new AgencyContact { Email = "writer@example.org" },
                    RequestId = Guid.NewGuid().ToString(),
                });
                Acknowledged[made.AgencyId] = name;
                if (system.Hosts[1].Alive)
                {
                    Interlocked.Increment(ref _before);
                }
                else
                {
                    Interlocked.Increment(ref _after);
                }
            }
            catch (RpcException ex)
            {
                Problems.Enqueue($"{name}: {ex.StatusCode} {ex.Status.Detail}");
            }
        }

        public async Task ReadBackAsync()
        {
            foreach (var (id, name) in Acknowledged)
            {
                try
                {
                    var read = await _clients[0].GetAgencyAsync(new GetAgencyRequest { AgencyId = id });
                    if (read.Name != name)
                    {
                        Problems.Enqueue($"agency {id} reads back as '{read.Name}', not '{name}'");
                    }
                }
                catch (RpcException ex)
                {
                    Problems.Enqueue($"acknowledged agency {id} ({name}) is lost: {ex.StatusCode}");
                }
            }
        }
    }
}
