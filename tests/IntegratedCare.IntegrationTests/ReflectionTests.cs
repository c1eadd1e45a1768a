using Grpc.Core;
using Grpc.Reflection.V1Alpha;
using IntegratedCare.BuildingBlocks.Application.Security;

namespace IntegratedCare.IntegrationTests;

/// <summary>Server reflection lets grpcurl and similar tools discover the API, for authenticated callers.</summary>
public sealed class ReflectionTests : IDisposable
{
    private readonly DataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Reflection_ListsTheAgencyServiceToAnAuthenticatedCaller_AndRefusesAnonymousOnes()
    {
        await using var host = new TestHost(_folder);

        var services = await ListServicesAsync(new ServerReflection.ServerReflectionClient(host.Invoker(host.Token("nhs-system", ActorKind.AgencySystem, "gp-practice-1", Roles.AgencySystem))));
        var anonymous = await Assert.ThrowsAsync<RpcException>(() =>
            ListServicesAsync(new ServerReflection.ServerReflectionClient(host.Invoker(null))));

        Assert.Contains("integratedcare.protocols.v1.AgencyService", services);
        Assert.Contains("grpc.health.v1.Health", services);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }

    private static async Task<List<string>> ListServicesAsync(ServerReflection.ServerReflectionClient client)
    {
        using var call = client.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        var names = new List<string>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            names.AddRange(response.ListServicesResponse.Service.Select(s => s.Name));
        }

        return names;
    }
}
