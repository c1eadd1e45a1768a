using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Infrastructure.Persistence;
using IntegratedCare.Protocols.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Agency = IntegratedCare.Protocols.Domain.Agencies.Agency;
using AgencyType = IntegratedCare.Protocols.Domain.Agencies.AgencyType;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// The stored version is a concurrency token too: a writer whose read went stale between its check and
/// its save is refused, not silently last-one-wins (the case a multi-process PostgreSQL host would meet).
/// </summary>
public sealed class ConcurrencyTests : IDisposable
{
    private readonly DataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TwoWritersFromTheSameRead_TheSecondIsRefusedAtSave()
    {
        await using var host = new TestHost(_folder);
        var scenario = new AgencyScenario(host);
        var area = await scenario.CreateAreaAsync();
        var agencyId = new AgencyId(Guid.Parse((await scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId))).AgencyId));
        await using var first = host.Services.CreateAsyncScope();
        await using var second = host.Services.CreateAsyncScope();
        var firstAgency = await first.ServiceProvider.GetRequiredService<ProtocolsDbContext>().Agencies.SingleAsync(a => a.Id == agencyId);
        var secondAgency = await second.ServiceProvider.GetRequiredService<ProtocolsDbContext>().Agencies.SingleAsync(a => a.Id == agencyId);

        await RenameAndCommitAsync(first, firstAgency, "First Writer");
        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => RenameAndCommitAsync(second, secondAgency, "Second Writer"));

        Assert.Equal(nameof(Agency), ex.Aggregate);
        var stored = await scenario.Admin.GetAgencyAsync(new GetAgencyRequest { AgencyId = agencyId.ToString() });
        Assert.Equal(("First Writer", 1L), (stored.Name, stored.Version));
    }

    private static async Task RenameAndCommitAsync(AsyncServiceScope scope, Agency agency, string name)
    {
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        await unitOfWork.BeginAsync(CancellationToken.None);
        try
        {
            agency.Update(agency.Version, new AgencyDetails(name, AgencyType.HousingAndHomelessness, agency.AreaIds, agency.Contact, agency.OrganisationCode), false, DateTimeOffset.UtcNow);
            await unitOfWork.CommitAsync(CancellationToken.None);
        }
        catch
        {
            await unitOfWork.RollbackAsync();
            throw;
        }
    }
}
