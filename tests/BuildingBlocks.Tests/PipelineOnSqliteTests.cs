using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.BuildingBlocks.Infrastructure;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace BuildingBlocks.Tests;

public sealed record SomethingHappened(Guid EventId, DateTimeOffset OccurredAt) : IntegrationEvent(EventId, OccurredAt);

[Authorize]
[Audit(AuditAction.Execute, "thing")]
public sealed record PublishThenMaybeFail(bool Fail) : IRequest<Guid>;

internal sealed class PublishThenMaybeFailHandler(IOutbox outbox, TimeProvider clock) : IRequestHandler<PublishThenMaybeFail, Guid>
{
    public Task<Guid> Handle(PublishThenMaybeFail request, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        outbox.Add(new SomethingHappened(id, clock.GetUtcNow()));
        if (request.Fail)
        {
            throw new BusinessRuleViolationException(new Refusal());
        }

        return Task.FromResult(id);
    }

    private sealed class Refusal : IBusinessRule
    {
        public bool IsBroken() => true;

        public string Message => "Refused after writing.";
    }
}

[Authorize]
[Audit(AuditAction.Read, "thing")]
public sealed record FailingLookup : IRequest<int>;

internal sealed class FailingLookupHandler : IRequestHandler<FailingLookup, int>
{
    public Task<int> Handle(FailingLookup request, CancellationToken cancellationToken) =>
        throw new IntegratedCare.BuildingBlocks.Application.Errors.NotFoundException("Thing", "42");
}

/// <summary>A handler that asks another module something, is told "not found", and carries on.</summary>
[Authorize]
[Audit(AuditAction.Execute, "thing")]
public sealed record AskThenCarryOn : IRequest<bool>;

internal sealed class AskThenCarryOnHandler(IMediator mediator) : IRequestHandler<AskThenCarryOn, bool>
{
    public async Task<bool> Handle(AskThenCarryOn request, CancellationToken cancellationToken)
    {
        try
        {
            await mediator.Send(new FailingLookup(), cancellationToken);
            return false;
        }
        catch (IntegratedCare.BuildingBlocks.Application.Errors.NotFoundException)
        {
            return true;
        }
    }
}

/// <summary>The real pipeline on a real SQLite file: the change, its outbox message and its audit record are one transaction.</summary>
public sealed class PipelineOnSqliteTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "integratedcare-bb-tests", Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Path"] = Path.Combine(_folder, "test.db"),
            ["Authentication:SigningKeyPath"] = Path.Combine(_folder, "key.pem"),
            ["Database:BusyTimeoutSeconds"] = "2",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = _folder, EnvironmentName = "Testing" });
        services.AddBuildingBlocks(configuration);
        // The ports a module fills (Protocols keeps agencies, Identity credentials): none is asked here,
        // the requests act for no agency and carry no credential.
        services.AddSingleton(NSubstitute.Substitute.For<IActingAgencies>());
        services.AddSingleton(NSubstitute.Substitute.For<IRevokedCredentials>());
        services.AddModuleAssemblies(configuration, typeof(PipelineOnSqliteTests).Assembly);
        _services = services.BuildServiceProvider();
        await _services.MigrateDatabasesAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ACommandThatSucceeds_CommitsItsOutboxMessageWithItsAuditRecord()
    {
        var id = await SendAsync(new PublishThenMaybeFail(false));

        var (outbox, audit) = await ReadAsync();
        Assert.Equal(id, Assert.Single(outbox).Id);
        Assert.Equal(AuditOutcome.Success, Assert.Single(audit).Outcome);
    }

    [Fact]
    public async Task ACommandThatFailsAfterWriting_LeavesNoOutboxMessageButAFailureRecord()
    {
        await Assert.ThrowsAsync<BusinessRuleViolationException>(() => SendAsync(new PublishThenMaybeFail(true)));

        var (outbox, audit) = await ReadAsync();
        Assert.Empty(outbox);
        var record = Assert.Single(audit);
        Assert.Equal((AuditOutcome.Failed, "failed-precondition: Refusal"), (record.Outcome, record.OutcomeDetail));
    }

    [Fact]
    public async Task ANestedRequestThatFails_IsAuditedInsideItsCallersTransaction()
    {
        Assert.True(await SendAsync(new AskThenCarryOn()));

        var (_, audit) = await ReadAsync();
        Assert.Equal(
            [("AskThenCarryOn", AuditOutcome.Success), ("FailingLookup", AuditOutcome.Failed)],
            audit.Select(r => (r.Operation, r.Outcome)).Order());
    }

    private async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request)
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(new Actor("tester", ActorKind.Staff, null, new HashSet<string>()));
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private Task<Guid> SendAsync(PublishThenMaybeFail request) => SendAsync<Guid>(request);

    private async Task<(List<OutboxMessage> Outbox, List<AuditEventRow> Audit)> ReadAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return (await platform.OutboxMessages.AsNoTracking().ToListAsync(), await platform.AuditEvents.AsNoTracking().ToListAsync());
    }
}
