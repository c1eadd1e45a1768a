using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using IntegratedCare.BuildingBlocks.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IntegratedCare.AgencySimulator;

/// <summary>An audit record as the invariants read it.</summary>
public sealed record AuditEntry(string ActorId, string Operation, string? ServiceUserId, string Outcome, DateTimeOffset At);

/// <summary>The system the agencies call: the host in process on a fake clock, or a running host at a URL.</summary>
public interface ISystemUnderTest : IAsyncDisposable
{
    string Description { get; }

    /// <summary>Whether simulated time can be moved (in process); against a running host time is real.</summary>
    bool MovesTime { get; }

    DateTimeOffset Now { get; }

    CallInvoker Invoker(string token);

    /// <summary>An HTTP client at the system's FHIR R4 base carrying the token; null where the harness reaches only gRPC.</summary>
    HttpClient? Fhir(string token);

    string Mint(string subject, ActorKind kind, string? agencyId, params string[] roles);

    /// <summary>Lets simulated time pass a day at a time, so each day's deadline sweep runs once.</summary>
    Task PassAsync(TimeSpan span);

    /// <summary>The audit trail, where the run can read it (in process); null against a running host.</summary>
    Task<IReadOnlyList<AuditEntry>?> AuditAsync();
}

/// <summary>
/// The real host in this process, on a fake clock and a fresh SQLite file, or a fresh PostgreSQL database
/// when the run is given a server (<see cref="IntegratedCare.Tests.Shared.TestPostgres"/>).
/// </summary>
public sealed class InProcessSystem : WebApplicationFactory<global::Program>, ISystemUnderTest
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "integratedcare-simulator", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly List<GrpcChannel> _channels = [];
    private readonly string? _postgres = IntegratedCare.Tests.Shared.TestPostgres.Server is null ? null : IntegratedCare.Tests.Shared.TestPostgres.CreateDatabase();

    public string Description => _postgres is null
        ? "the host in process, on a fake clock and a fresh SQLite file"
        : "the host in process, on a fake clock and a fresh PostgreSQL database";

    public bool MovesTime => true;

    public DateTimeOffset Now => _clock.GetUtcNow();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Path", Path.Combine(_folder, "simulator.db"));
        if (_postgres is not null)
        {
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("Database:ConnectionString", _postgres);
        }

        builder.UseSetting("Authentication:SigningKeyPath", Path.Combine(_folder, "signing-key.pem"));
        builder.UseSetting("Outbox:PollInterval", "00:00:00.100");
        builder.UseSetting("Protocols:DeadlineSweepInterval", "1.00:00:00");
        builder.UseSetting("CarePlan:DeadlineSweepInterval", "1.00:00:00");
        builder.UseSetting("GapsAndBlocks:DeadlineSweepInterval", "1.00:00:00");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock));
    }

    public CallInvoker Invoker(string token)
    {
        var channel = GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });
        _channels.Add(channel);
        return channel.Intercept(metadata =>
        {
            metadata.Add("authorization", $"Bearer {token}");
            return metadata;
        });
    }

    public HttpClient? Fhir(string token) => FhirPartner.Client(CreateClient(), token);

    public string Mint(string subject, ActorKind kind, string? agencyId, params string[] roles) =>
        Services.GetRequiredService<LocalTokenIssuer>().Mint(subject, kind, agencyId, roles, TimeSpan.FromDays(800));

    public async Task PassAsync(TimeSpan span)
    {
        for (var passed = TimeSpan.Zero; passed < span; passed += TimeSpan.FromDays(1))
        {
            _clock.Advance(span - passed < TimeSpan.FromDays(1) ? span - passed : TimeSpan.FromDays(1));
            // Let the day's sweeps and the outbox run on the real scheduler.
            await Task.Delay(30);
        }
    }

    public async Task<IReadOnlyList<AuditEntry>?> AuditAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return (await db.AuditEvents.AsNoTracking().ToListAsync())
            .Select(a => new AuditEntry(a.ActorId, a.Operation, a.ServiceUserId, a.Outcome.ToString(), a.OccurredAt)).ToList();
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        await base.DisposeAsync();
        if (_postgres is not null)
        {
            IntegratedCare.Tests.Shared.TestPostgres.DropDatabase(_postgres);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A running host at a URL. Tokens are minted with the host's own signing key, which the harness must be given.</summary>
public sealed class RemoteSystem : ISystemUnderTest
{
    private readonly GrpcChannel _channel;
    private readonly LocalTokenIssuer _issuer;

    public RemoteSystem(string target, string signingKeyPath)
    {
        if (!File.Exists(signingKeyPath))
        {
            throw new ArgumentException($"No signing key at {signingKeyPath}. Pass --signing-key <the host's data/signing-key.pem> so the simulated agencies can hold tokens the host accepts.");
        }

        Description = $"the host at {target}";
        _channel = GrpcChannel.ForAddress(target);
        var options = Options.Create(new AuthOptions { SigningKeyPath = Path.GetFullPath(signingKeyPath) });
        _issuer = new LocalTokenIssuer(new LocalSigningKey(options, new Environment()), options, TimeProvider.System);
    }

    public string Description { get; }

    public bool MovesTime => false;

    public DateTimeOffset Now => DateTimeOffset.UtcNow;

    public CallInvoker Invoker(string token) => _channel.Intercept(metadata =>
    {
        metadata.Add("authorization", $"Bearer {token}");
        return metadata;
    });

    /// <summary>The target is the host's gRPC endpoint; its FHIR face is on the web port, which this harness is not given.</summary>
    public HttpClient? Fhir(string token) => null;

    public string Mint(string subject, ActorKind kind, string? agencyId, params string[] roles) =>
        _issuer.Mint(subject, kind, agencyId, roles, TimeSpan.FromHours(8));

    public Task PassAsync(TimeSpan span) => Task.CompletedTask;

    public Task<IReadOnlyList<AuditEntry>?> AuditAsync() => Task.FromResult<IReadOnlyList<AuditEntry>?>(null);

    public ValueTask DisposeAsync()
    {
        _channel.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "IntegratedCare.AgencySimulator";

        public string ContentRootPath { get; set; } = Directory.GetCurrentDirectory();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
