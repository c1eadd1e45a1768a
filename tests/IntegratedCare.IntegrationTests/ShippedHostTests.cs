using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using IntegratedCare.Protocols.V1;

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

    [Fact]
    public async Task TheShippedHost_ServesHealthAndTheApiWithATokenFromItsOwnCommand()
    {
        var port = FreePort();
        string[] settings =
        [
            $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{port}",
            $"--Kestrel:Endpoints:Web:Url=http://127.0.0.1:{FreePort()}",
            $"--Database:Path={_folder.DatabasePath}",
            $"--Authentication:SigningKeyPath={Path.Combine(_folder.Path, "signing-key.pem")}",
        ];
        var (exitCode, token) = await RunAsync(["token", "--role", "system-admin", .. settings]);
        Assert.Equal(0, exitCode);

        using var host = Process.Start(HostStartInfo(settings))!;

        // Drained, so a chatty start-up never blocks on a full pipe.
        host.OutputDataReceived += (_, _) => { };
        host.ErrorDataReceived += (_, _) => { };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        try
        {
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
            var health = await WaitForHealthAsync(new Health.HealthClient(channel), host);
            var agencies = new AgencyService.AgencyServiceClient(channel);
            var anonymous = await Assert.ThrowsAsync<RpcException>(() => agencies.ListAgenciesAsync(new ListAgenciesRequest()).ResponseAsync);
            var listed = await agencies.ListAgenciesAsync(new ListAgenciesRequest(), new Metadata { { "authorization", $"Bearer {token.Trim()}" } });

            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
            Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
            Assert.Equal(0, listed.TotalSize);
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

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

    private static ProcessStartInfo HostStartInfo(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IntegratedCare.Host.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments)
    {
        using var process = Process.Start(HostStartInfo(arguments))!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
