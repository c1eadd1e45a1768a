using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Infrastructure.Security;
using IntegratedCare.Testing;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegratedCare.AgencySimulator;

/// <summary>
/// Two host processes on one PostgreSQL database, as behind a load balancer: each caller is pinned to one of
/// them in turn, and a call that finds its host dead is sent again, unchanged, to the other, as a partner's
/// load balancer would (a create carries a request id, set here when the caller left it empty, so the second
/// send cannot create twice). Both follow one simulated clock (<see cref="SharedClock"/>); <see cref="Kill"/>
/// ends one with SIGKILL. The hosts run only the code the shipped host runs, but for the clock.
/// </summary>
public sealed class TwoHostSystem : ISystemUnderTest
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "integratedcare-two-hosts", Guid.NewGuid().ToString("N"));
    private readonly List<Host> _hosts = [];
    private readonly SharedClock _clock;
    private readonly LocalTokenIssuer _issuer;
    private readonly Action<string> _tell;
    private int _callers;
    private int _sentAgain;

    private TwoHostSystem(string database, Action<string> tell)
    {
        Database = database;
        _tell = tell;
        Directory.CreateDirectory(_folder);
        _clock = SharedClock.Create(Path.Combine(_folder, "clock"), DateTimeOffset.UtcNow);

        // The signing key both hosts share, made before either starts (a fleet shares one, or an external authority).
        var auth = Options.Create(new AuthOptions { SigningKeyPath = Path.Combine(_folder, "signing-key.pem") });
        _issuer = new LocalTokenIssuer(new LocalSigningKey(auth, new Environment()), auth, new ClockView(_clock));
    }

    /// <summary>The database both hosts share (a connection string).</summary>
    public string Database { get; }

    public IReadOnlyList<Host> Hosts => _hosts;

    /// <summary>Run just before the kill: the test's writers start a burst of calls to the host about to die.</summary>
    public Action? BeforeKill { get; set; }

    /// <summary>How many calls were under way on the host when it was killed.</summary>
    public int KilledWithCallsInFlight { get; private set; }

    /// <summary>Calls whose host died under them, sent again to the survivor.</summary>
    public int SentAgain => Volatile.Read(ref _sentAgain);

    public string Description => "two host processes on one PostgreSQL database, on a shared simulated clock";

    public bool MovesTime => true;

    public DateTimeOffset Now => _clock.Now;

    /// <summary>Before <see cref="PassAsync"/> lets time pass beyond this many days, host 2 is killed with SIGKILL (null: never).</summary>
    public int? KillSecondHostAfterDays { get; init; }

    public static async Task<TwoHostSystem> StartAsync(string database, Action<string> tell, int? killSecondHostAfterDays)
    {
        var system = new TwoHostSystem(database, tell) { KillSecondHostAfterDays = killSecondHostAfterDays };
        try
        {
            // One after the other: the first applies the migrations; the second finds them applied.
            for (var number = 1; number <= 2; number++)
            {
                system._hosts.Add(await system.StartHostAsync(number));
            }

            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    private async Task<Host> StartHostAsync(int number)
    {
        var port = HostCommand.FreePort();
        string[] settings =
        [
            $"Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{port}",
            $"Kestrel:Endpoints:Web:Url=http://127.0.0.1:{HostCommand.FreePort()}",
            "Database:Provider=PostgreSql",
            $"Database:ConnectionString={Database}",
            $"Database:Path={Path.Combine(_folder, $"host{number}.db")}",
            $"Authentication:SigningKeyPath={Path.Combine(_folder, "signing-key.pem")}",
            "Outbox:PollInterval=00:00:00.100",
            // A claim outlives its host for this long in simulated time: a day passes before the survivor looks again.
            "Outbox:ClaimLease=00:00:30",
            "Protocols:DeadlineSweepInterval=1.00:00:00",
            "CarePlan:DeadlineSweepInterval=1.00:00:00",
            "GapsAndBlocks:DeadlineSweepInterval=1.00:00:00",
            "Logging:LogLevel:Default=Warning",
        ];
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IntegratedCare.AgencySimulator.dll"));
        info.ArgumentList.Add(ServedHost.Command);
        info.ArgumentList.Add(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.ArgumentList.Add(Path.Combine(_folder, "clock"));
        foreach (var setting in settings)
        {
            info.ArgumentList.Add(setting);
        }

        var process = Process.Start(info)!;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Line(string? line)
        {
            if (line is null)
            {
                return;
            }

            if (line.Contains(ServedHost.Ready, StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
            else if (output.Count < 200)
            {
                output.Enqueue(line);
            }
        }

        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new Host(number, process, GrpcChannel.ForAddress($"http://127.0.0.1:{port}"), output);
        var waited = await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(120)));
        if (waited != ready.Task)
        {
            host.Kill();
            throw new InvalidOperationException($"Host {number} did not start:\n{string.Join("\n", output)}");
        }

        // Serving means the health check answers on its gRPC port.
        var health = new Health.HealthClient(host.Channel);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if ((await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5))).Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    break;
                }
            }
            catch (RpcException) when (attempt < 100)
            {
            }

            await Task.Delay(100);
        }

        _tell($"host {number} serves on port {port} (process {process.Id})");
        return host;
    }

    /// <summary>Ends host <paramref name="number"/> at once, as a power cut or the kernel's OOM killer would: no shutdown, no flush.</summary>
    public void Kill(int number)
    {
        var host = _hosts[number - 1];
        var inFlight = host.InFlight;
        host.Kill();
        _tell($"host {number} killed with SIGKILL (process {host.Process.Id}) with {inFlight} calls under way");
        KilledWithCallsInFlight = inFlight;
    }

    public CallInvoker Invoker(string token) => new FailoverInvoker(this, Interlocked.Increment(ref _callers) % _hosts.Count, token);

    /// <summary>The two-host run drives gRPC only (its failover is per call); FHIR is covered in process.</summary>
    public HttpClient? Fhir(string token) => null;

    public string Mint(string subject, ActorKind kind, string? agencyId, params string[] roles) =>
        _issuer.Mint(subject, kind, agencyId, roles, TimeSpan.FromDays(800));

    public async Task PassAsync(TimeSpan span)
    {
        for (var passed = TimeSpan.Zero; passed < span; passed += TimeSpan.FromDays(1))
        {
            if (KillSecondHostAfterDays is { } days && (Now - StartedAt).TotalDays >= days && _hosts[1].Alive)
            {
                // Mid-call: whoever watches the kill may start a burst of calls to that host first, and the kill
                // waits (a little) for them to be under way, so some are cut off before their answer.
                BeforeKill?.Invoke();
                var waiting = Stopwatch.StartNew();
                while (_hosts[1].InFlight < 4 && waiting.Elapsed < TimeSpan.FromSeconds(5))
                {
                    await Task.Yield();
                }

                Kill(2);
            }

            _clock.Now += span - passed < TimeSpan.FromDays(1) ? span - passed : TimeSpan.FromDays(1);
            await CaughtUpAsync();
            // Let the day's sweeps and the outbox run, as in process.
            await Task.Delay(30);
        }
    }

    /// <summary>When the run began in simulated time.</summary>
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>Moves simulated time by <paramref name="step"/> without the day's pause: for a wait on the outbox's polls and leases.</summary>
    public async Task NudgeAsync(TimeSpan step)
    {
        _clock.Now += step;
        await CaughtUpAsync();
    }

    private async Task CaughtUpAsync()
    {
        var target = _clock.Now;
        var waited = Stopwatch.StartNew();
        while (_hosts.Any(h => h.Alive && _clock.ObservedBy(h.Number) < target))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"a host did not follow the clock to {target:O} within 60 s");
            }

            await Task.Delay(2);
        }
    }

    public async Task<IReadOnlyList<AuditEntry>?> AuditAsync()
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "ActorId", "Operation", "ServiceUserId", "Outcome", "OccurredAt" FROM platform.platform_audit_events""";
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync())
        {
            entries.Add(new AuditEntry(
                reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
                new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero)));
        }

        return entries;
    }

    /// <summary>One scalar from the shared database, for the run's closing checks.</summary>
    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            host.Kill();
            host.Channel.Dispose();
        }

        _clock.Dispose();
        await Task.CompletedTask;
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>One host process and the channel to it.</summary>
    public sealed class Host(int number, Process process, GrpcChannel channel, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        public int Number { get; } = number;

        public Process Process { get; } = process;

        public GrpcChannel Channel { get; } = channel;

        /// <summary>What the host printed (warnings and errors), for a failure's message.</summary>
        public IEnumerable<string> Output => output;

        public bool Alive { get; private set; } = true;

        private int _inFlight;

        /// <summary>Calls sent to this host and not yet answered.</summary>
        public int InFlight => Volatile.Read(ref _inFlight);

        public async Task<TResponse> CallAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
            where TRequest : class
            where TResponse : class
        {
            Interlocked.Increment(ref _inFlight);
            try
            {
                return await Channel.CreateCallInvoker().AsyncUnaryCall(method, host, options, request);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        public void Kill()
        {
            if (!Alive)
            {
                return;
            }

            Alive = false;
            try
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit();
            }
            catch (InvalidOperationException)
            {
            }
        }
    }

    /// <summary>
    /// A caller's connection: to its own host while that lives, else to the other. A call that fails UNAVAILABLE
    /// because its host died is sent again to the survivor; any other answer is the caller's.
    /// </summary>
    private sealed class FailoverInvoker(TwoHostSystem system, int home, string token) : CallInvoker
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        {
            var sent = WithRequestId(request);
            var metadata = new Metadata { { "authorization", $"Bearer {token}" } };
            if (options.Headers is { } headers)
            {
                foreach (var entry in headers)
                {
                    metadata.Add(entry);
                }
            }

            var response = SendAsync(method, host, options.WithHeaders(metadata), sent);
            return new AsyncUnaryCall<TResponse>(response, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        }

        private async Task<TResponse> SendAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
            where TRequest : class
            where TResponse : class
        {
            for (var attempt = 0; ; attempt++)
            {
                var target = Target();
                try
                {
                    return await target.CallAsync(method, host, options, request);
                }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable && !target.Alive && attempt == 0)
                {
                    // Its host died under it: the same request, once, to the survivor.
                    Interlocked.Increment(ref system._sentAgain);
                }
            }
        }

        private Host Target()
        {
            var own = system._hosts[home];
            return own.Alive ? own : system._hosts.First(h => h.Alive);
        }

        /// <summary>A copy carrying a request id when the message has one and the caller left it empty: the copy is what is sent, and sent again.</summary>
        private static TRequest WithRequestId<TRequest>(TRequest request)
        {
            if (request is not IMessage message || message.Descriptor.FindFieldByName("request_id") is not { FieldType: FieldType.String } field
                || field.Accessor.GetValue(message) is not "")
            {
                return request;
            }

            var copy = message.Descriptor.Parser.ParseFrom(message.ToByteString());
            field.Accessor.SetValue(copy, Guid.NewGuid().ToString());
            return (TRequest)copy;
        }

        public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
            AsyncUnaryCall(method, host, options, request).ResponseAsync.GetAwaiter().GetResult();

        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
            Target().Channel.CreateCallInvoker().AsyncServerStreamingCall(method, host, options.WithHeaders(new Metadata { { "authorization", $"Bearer {token}" } }), request);

        public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
            Target().Channel.CreateCallInvoker().AsyncClientStreamingCall(method, host, options.WithHeaders(new Metadata { { "authorization", $"Bearer {token}" } }));

        public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
            Target().Channel.CreateCallInvoker().AsyncDuplexStreamingCall(method, host, options.WithHeaders(new Metadata { { "authorization", $"Bearer {token}" } }));
    }

    /// <summary>Tokens minted on the simulated clock, so they are valid at the hosts' simulated now.</summary>
    private sealed class ClockView(SharedClock clock) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => clock.Now;
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "IntegratedCare.AgencySimulator";

        public string ContentRootPath { get; set; } = Directory.GetCurrentDirectory();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
