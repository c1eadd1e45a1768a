using System.Diagnostics;
using Grpc.Core;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.V1;
using IntegratedCare.Tests.Shared;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// Two hosts in this process on one PostgreSQL database: what one host caches must follow a change committed
/// on the other within the bound the README states (<c>Database:CacheRefreshInterval</c>, 1 second).
/// </summary>
public sealed class SeveralHostsTests : IDisposable
{
    private readonly DataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [PostgreSqlFact]
    public async Task AnAgencyDeactivatedOnOneHost_IsRefusedOnTheOther_WithinTheRefreshBound()
    {
        await using var first = new TestHost(_folder);
        await using var second = new TestHost(_folder);
        var scenario = new AgencyScenario(first);
        var area = await scenario.CreateAreaAsync();
        var agency = await scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId));

        // The agency's own system, calling the second host: served, and the second host now caches the agency as active.
        var own = new AgencyService.AgencyServiceClient(second.Invoker(second.Token("housing-system", ActorKind.AgencySystem, agency.AgencyId, Roles.AgencySystem)));
        await own.GetAgencyAsync(new GetAgencyRequest { AgencyId = agency.AgencyId });

        await scenario.Admin.DeactivateAgencyAsync(new DeactivateAgencyRequest { AgencyId = agency.AgencyId, ExpectedVersion = agency.Version, Reason = "Service closed" });
        var waited = Stopwatch.StartNew();
        StatusCode? refused = null;
        while (refused is null && waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            try
            {
                await own.GetAgencyAsync(new GetAgencyRequest { AgencyId = agency.AgencyId });
                await Task.Delay(50);
            }
            catch (RpcException ex)
            {
                refused = ex.StatusCode;
            }
        }

        Assert.Equal(StatusCode.PermissionDenied, refused);

        // The bound is a second's refresh; the slack is for a loaded machine, not for a missed change.
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(5), $"the second host served a deactivated agency for {waited.Elapsed.TotalSeconds:0.0} s");
    }
}
