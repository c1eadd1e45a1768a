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

    [Fact]
    public async Task TheShippedHost_ServesHealthAndTheApiWithATokenFromItsOwnCommand()
    {
        var port = HostCommand.FreePort();
        string[] settings =
        [
            $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{port}",
            $"--Kestrel:Endpoints:Web:Url=http://127.0.0.1:{HostCommand.FreePort()}",
            $"--Database:Path={_folder.DatabasePath}",
            $"--Authentication:SigningKeyPath={Path.Combine(_folder.Path, "signing-key.pem")}",
        ];
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
}
