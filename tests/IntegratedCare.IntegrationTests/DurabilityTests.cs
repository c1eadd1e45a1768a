using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Health.V1;
using IntegratedCare.BuildingBlocks.Infrastructure.Outbox;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.V1;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static IntegratedCare.IntegrationTests.Eventually;

namespace IntegratedCare.IntegrationTests;

/// <summary>What survives a restart: stored data, and integration events not yet delivered.</summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly DataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Restart_KeepsEveryAgency()
    {
        string agencyId;
        await using (var first = new TestHost(_folder))
        {
            var scenario = new AgencyScenario(first);
            var area = await scenario.CreateAreaAsync();
            agencyId = (await scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId))).AgencyId;
        }

        await using var second = new TestHost(_folder);
        var agency = await new AgencyScenario(second).Admin.GetAgencyAsync(new GetAgencyRequest { AgencyId = agencyId });

        Assert.Equal("Dumbarton Housing Options", agency.Name);
    }

    [Fact]
    public async Task Outbox_EventPublishedJustBeforeARestart_IsDeliveredExactlyOnce()
    {
        var log = new DeliveryLog();
        string agencyId;
        await using (var beforeRestart = new TestHost(_folder, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" }, log.Register))
        {
            var scenario = new AgencyScenario(beforeRestart);
            var area = await scenario.CreateAreaAsync();
            agencyId = (await scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId))).AgencyId;
            Assert.Empty(log.For(agencyId));
        }

        await using (var afterRestart = new TestHost(_folder, services: log.Register))
        {
            _ = afterRestart.Server;
            await WaitUntilAsync(() => log.For(agencyId).Count > 0);

            // Another pass finds nothing more to do for this event (the worker may still hold its claim on the
            // batch: then this pass takes nothing, and the worker records it processed).
            await afterRestart.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
            await WaitUntilAsync(async () => (await OutboxAsync(afterRestart)).All(m => m.ProcessedAt is not null));
            Assert.Single(log.For(agencyId));
        }

        await using (var thirdStart = new TestHost(_folder, services: log.Register))
        {
            await thirdStart.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
        }

        Assert.Single(log.For(agencyId));
    }

    [Fact]
    public async Task Outbox_MessageRedeliveredAfterACrash_IsSkippedByTheHandlerThatHandledIt()
    {
        var log = new DeliveryLog();
        await using var host = new TestHost(_folder, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" }, log.Register);
        var scenario = new AgencyScenario(host);
        var area = await scenario.CreateAreaAsync();
        var agencyId = (await scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId))).AgencyId;
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.DispatchPendingAsync(CancellationToken.None);

        // The crash: the handler's transaction committed, the message was never marked processed.
        await using (var connection = _folder.OpenReadOnly(writable: true))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE {_folder.Table("platform_outbox_messages")} SET \"ProcessedAt\" = NULL;";
            await command.ExecuteNonQueryAsync();
        }

        await dispatcher.DispatchPendingAsync(CancellationToken.None);

        Assert.Single(log.For(agencyId));
        Assert.All(await OutboxAsync(host), m => Assert.NotNull(m.ProcessedAt));
    }

    [Fact]
    public async Task Outbox_TwoHostsDispatchingAtOnce_HandleEveryMessageOnce()
    {
        // Two hosts on one database, their workers off so the test drives both dispatchers at once: each claim
        // must take messages the other host has not, or a message is handled twice (the in-memory log sees both).
        // On PostgreSQL both hosts' handler transactions can run at once, so this rests on the claim (with a claim
        // that leased nothing, 4 of the 40 were handled twice); on SQLite the write lock runs them one after the
        // other and each handler's inbox row alone already skips a message handled before.
        var log = new DeliveryLog();
        var settings = new Dictionary<string, string?> { ["Outbox:Enabled"] = "false", ["Outbox:BatchSize"] = "3" };
        await using var first = new TestHost(_folder, settings, log.Register);
        await using var second = new TestHost(_folder, settings, log.Register);
        var scenario = new AgencyScenario(first);
        var area = await scenario.CreateAreaAsync();
        var agencies = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            agencies.Add((await scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId, $"Project {i:D2}", AgencyType.VoluntarySector))).AgencyId);
        }

        _ = second.Server;
        var handled = await Task.WhenAll(new[] { first, second }.Select(host => Task.Run(async () =>
        {
            var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
            var total = 0;
            for (int done; (done = await dispatcher.DispatchPendingAsync(CancellationToken.None)) > 0;)
            {
                total += done;
            }

            return total;
        })));

        Assert.All(agencies, id => Assert.Single(log.For(id)));
        Assert.All(await OutboxAsync(first), m => Assert.NotNull(m.ProcessedAt));
        Assert.True(handled.Sum() >= agencies.Count, $"the hosts handled {handled[0]} and {handled[1]} of {agencies.Count}");
    }

    [SqliteFact]
    public async Task Database_IsInWriteAheadLogMode()
    {
        await using var host = new TestHost(_folder);
        await new AgencyScenario(host).CreateAreaAsync();

        await using var connection = new SqliteConnection($"Data Source={_folder.DatabasePath}");
        await connection.OpenAsync();
        await using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await mode.ExecuteScalarAsync());
    }

    [Fact]
    public async Task TheAuditTrail_IsAppendOnly_EvenToAConnectionBesideTheHost()
    {
        await using var host = new TestHost(_folder);
        await new AgencyScenario(host).CreateAreaAsync();

        await using var connection = _folder.OpenReadOnly(writable: true);
        var table = _folder.Table("platform_audit_events");
        await using var tamper = connection.CreateCommand();
        tamper.CommandText = $"UPDATE {table} SET \"ActorId\" = 'someone-else';";
        var ex = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => tamper.ExecuteNonQueryAsync());
        Assert.Contains("append-only", ex.Message, StringComparison.Ordinal);
        tamper.CommandText = $"DELETE FROM {table};";
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => tamper.ExecuteNonQueryAsync());
        if (_folder.PostgreSqlConnectionString is not null)
        {
            tamper.CommandText = $"TRUNCATE {table};";
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => tamper.ExecuteNonQueryAsync());
        }

        Assert.NotEmpty(await host.AuditAsync());
    }

    [Fact]
    public async Task TheOutboxLag_IsInTheHealthReport_AndDegradesItPastTheWarning()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = new TestHost(_folder, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" }, s => s.AddSingleton<TimeProvider>(clock));
        var scenario = new AgencyScenario(host);
        var area = await scenario.CreateAreaAsync();
        await scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId));
        var health = host.Services.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>();
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, (await health.CheckHealthAsync()).Entries["outbox"].Status);

        // Nothing dispatches (the outbox is off): six minutes on, the oldest waiting event is past the warning.
        clock.Advance(TimeSpan.FromMinutes(6));
        var late = (await health.CheckHealthAsync()).Entries["outbox"];
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, late.Status);
        Assert.True((double)late.Data["lag_seconds"] >= 360, $"lag {late.Data["lag_seconds"]}");
    }

    [Fact]
    public async Task Health_AnswersServingWithoutAToken()
    {
        await using var host = new TestHost(_folder);
        var health = new Health.HealthClient(host.Invoker(null));

        var reply = await health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Call_WhoseDeadlineHasPassed_IsNotServed()
    {
        await using var host = new TestHost(_folder);
        var scenario = new AgencyScenario(host);

        var ex = await Assert.ThrowsAsync<RpcException>(() => scenario.Admin.ListAgenciesAsync(
            new ListAgenciesRequest(), deadline: DateTime.UtcNow.AddMilliseconds(-1)).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
    }

    private static async Task<List<OutboxMessage>> OutboxAsync(TestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().OutboxMessages.AsNoTracking().ToListAsync();
    }

    /// <summary>A handler in "another module": records each delivery it receives.</summary>
    private sealed class DeliveryLog
    {
        private readonly ConcurrentQueue<AgencyRegisteredIntegrationEvent> _deliveries = new();

        public void Register(IServiceCollection services) =>
            services.AddScoped<INotificationHandler<AgencyRegisteredIntegrationEvent>>(_ => new RecordingHandler(_deliveries));

        public List<AgencyRegisteredIntegrationEvent> For(string agencyId) =>
            _deliveries.Where(e => e.AgencyId == Guid.Parse(agencyId)).ToList();

        private sealed class RecordingHandler(ConcurrentQueue<AgencyRegisteredIntegrationEvent> deliveries)
            : INotificationHandler<AgencyRegisteredIntegrationEvent>
        {
            public Task Handle(AgencyRegisteredIntegrationEvent notification, CancellationToken cancellationToken)
            {
                deliveries.Enqueue(notification);
                return Task.CompletedTask;
            }
        }
    }
}
