using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.BuildingBlocks.Application.Caching;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
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

    /// <summary>
    /// On a new database no cache has a version row yet: two hosts' first changes of one cache at once (two
    /// agency registrations) each found no row to raise and both inserted one, and the second was refused
    /// as a conflict. The raise is one upsert now, of one of the cache's rows: a writer that meets a row
    /// another holds waits for it and counts on top of it. Each writer makes many changes, so they meet on
    /// rows (each change picks one of the cache's few at random).
    /// </summary>
    [Fact]
    public async Task TwoWritersFirstChangesOfACache_AtOnce_BothCommit_AndEveryChangeCounts()
    {
        const int Changes = 40;
        await using var host = new TestHost(_folder);
        await using var first = host.Services.CreateAsyncScope();
        var firstWork = first.ServiceProvider.GetRequiredService<UnitOfWork>();
        await firstWork.BeginAsync(CancellationToken.None);
        for (var i = 0; i < Changes; i++)
        {
            await first.ServiceProvider.GetRequiredService<ISharedCaches>().ChangedAsync("first-change-race", CancellationToken.None);
        }

        // The second writer runs while the first holds its uncommitted rows; on SQLite it waits at BEGIN, on
        // PostgreSQL at the first row they share.
        var second = Task.Run(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var work = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
            await work.BeginAsync(CancellationToken.None);
            for (var i = 0; i < Changes; i++)
            {
                await scope.ServiceProvider.GetRequiredService<ISharedCaches>().ChangedAsync("first-change-race", CancellationToken.None);
            }

            await work.CommitAsync(CancellationToken.None);
        });
        await Task.Delay(300);
        await firstWork.CommitAsync(CancellationToken.None);
        await second;

        await using var read = host.Services.CreateAsyncScope();
        var versions = await read.ServiceProvider.GetRequiredService<PlatformDbContext>().CacheVersions
            .Where(v => v.Name.StartsWith("first-change-race#")).Select(v => v.Version).ToListAsync();
        Assert.Equal(2 * Changes, versions.Sum());
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
