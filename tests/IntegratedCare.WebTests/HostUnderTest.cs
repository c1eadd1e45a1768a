using System.Diagnostics;
using System.Text.RegularExpressions;
using IntegratedCare.Testing;

namespace IntegratedCare.WebTests;

/// <summary>
/// The real host, started from this project's output folder on free loopback ports with a fresh SQLite
/// database, as a newcomer would start it. It reads the first-run set-up code from what the host prints.
/// </summary>
public sealed partial class HostUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _data;
    private readonly TaskCompletionSource<string> _setupCode = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private readonly string[] _settings;

    private HostUnderTest(string data, int grpcPort, int webPort, IEnumerable<string> extra, IReadOnlyDictionary<string, string>? environment)
    {
        _data = data;
        WebAddress = $"http://127.0.0.1:{webPort}";
        GrpcAddress = $"http://127.0.0.1:{grpcPort}";
        _settings =
        [
            $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{grpcPort}",
            $"--Kestrel:Endpoints:Web:Url={WebAddress}",
            $"--Database:Path={Path.Combine(data, "integratedcare.db")}",
            $"--Authentication:SigningKeyPath={Path.Combine(data, "signing-key.pem")}",
            // The deadline sweeps run every two seconds, so a test sees several of them in a few seconds.
            "--CarePlan:DeadlineSweepInterval=00:00:02",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
            $"--Notifications:UiBaseUrl={WebAddress}",
            .. extra,
        ];
        _process = HostCommand.Start(_settings, Read, environment);
    }

    public string WebAddress { get; }

    /// <summary>Where partner systems call: the tests use it to seed data a page then shows.</summary>
    public string GrpcAddress { get; }

    /// <summary>A bearer token from the host's own <c>token</c> command, as the README mints one.</summary>
    public Task<string> MintAsync(params string[] arguments) =>
        HostCommand.MintAsync([.. arguments, .. _settings.Where(s => s.StartsWith("--Authentication:", StringComparison.Ordinal))]);

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    /// <summary>Starts the host with its test settings, and <paramref name="settings"/> (e.g. the test SMTP server's) on top.</summary>
    public static async Task<HostUnderTest> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var data = Path.Combine(Path.GetTempPath(), "integratedcare-web", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var host = new HostUnderTest(data, HostCommand.FreePort(), HostCommand.FreePort(), (settings ?? new Dictionary<string, string?>()).Select(s => $"--{s.Key}={s.Value}"), environment);
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync($"{host.WebAddress}/signin");
                if (response.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !host._process.HasExited)
            {
            }

            if (DateTime.UtcNow >= deadline || host._process.HasExited)
            {
                throw new InvalidOperationException("The host did not start. It printed:\n" + host.Output);
            }

            await Task.Delay(250);
        }
    }

    /// <summary>The one-time code the host printed for the first-run page.</summary>
    public Task<string> SetupCodeAsync() => _setupCode.Task.WaitAsync(TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (SetupCode().Match(line) is { Success: true } match)
        {
            _setupCode.TrySetResult(match.Groups[1].Value);
        }
    }

    [GeneratedRegex("set-up code ([0-9A-F]+)")]
    private static partial Regex SetupCode();
}
