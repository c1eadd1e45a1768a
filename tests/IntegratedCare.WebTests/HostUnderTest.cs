using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

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

    private HostUnderTest(string data, int grpcPort, int webPort)
    {
        _data = data;
        WebAddress = $"http://127.0.0.1:{webPort}";
        GrpcAddress = $"http://127.0.0.1:{grpcPort}";
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IntegratedCare.Host.dll"));
        _settings =
        [
            $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{grpcPort}",
            $"--Kestrel:Endpoints:Web:Url={WebAddress}",
            $"--Database:Path={Path.Combine(data, "integratedcare.db")}",
            $"--Authentication:SigningKeyPath={Path.Combine(data, "signing-key.pem")}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
        ];
        foreach (var setting in _settings)
        {
            info.ArgumentList.Add(setting);
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Read(e.Data);
        _process.ErrorDataReceived += (_, e) => Read(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string WebAddress { get; }

    /// <summary>Where partner systems call: the tests use it to seed data a page then shows.</summary>
    public string GrpcAddress { get; }

    /// <summary>A bearer token from the host's own <c>token</c> command, as the README mints one.</summary>
    public async Task<string> MintAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IntegratedCare.Host.dll"));
        info.ArgumentList.Add("token");
        foreach (var argument in arguments.Concat(_settings.Where(s => s.StartsWith("--Authentication:", StringComparison.Ordinal))))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var token = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? token.Trim() : throw new InvalidOperationException("The token command failed.");
    }

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

    public static async Task<HostUnderTest> StartAsync()
    {
        var data = Path.Combine(Path.GetTempPath(), "integratedcare-web", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var host = new HostUnderTest(data, FreePort(), FreePort());
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("set-up code ([0-9A-F]+)")]
    private static partial Regex SetupCode();
}
