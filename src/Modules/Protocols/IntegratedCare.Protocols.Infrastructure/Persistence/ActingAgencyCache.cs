using System.Collections.Concurrent;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Infrastructure.Security;
using IntegratedCare.Protocols.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegratedCare.Protocols.Infrastructure.Persistence;

/// <summary>
/// The acting agencies' status, read from the agency register in a scope of its own, so the check never
/// joins a caller's transaction, and kept for a short time.
/// </summary>
internal sealed class ActingAgencyCache(IServiceScopeFactory scopes, IOptions<AuthOptions> options, TimeProvider clock) : IActingAgencies
{
    private const int MostEntries = 10_000;
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    public async Task<ActingAgency?> FindAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(agencyId, out var entry) && entry.Until > now)
        {
            return entry.Agency;
        }

        // Stamped with the generation read before loading: a Forget that lands meanwhile wins.
        var generation = entry?.Generation ?? 0;
        await using var scope = scopes.CreateAsyncScope();
        var agency = await ReadAsync(scope.ServiceProvider.GetRequiredService<ProtocolsDbContext>(), agencyId, cancellationToken);
        // An agency nobody registered is not kept: a signed token naming random ids must not grow memory
        // (each such call costs one primary-key read). Nor is the table let grow past a bound.
        if (agency is not null)
        {
            if (_entries.Count >= MostEntries)
            {
                _entries.Clear();
            }

            var fresh = new Entry(agency, now + options.Value.ActingAgencyCacheTtl, generation);
            _entries.AddOrUpdate(agencyId, fresh, (_, current) => current.Generation == generation ? fresh : current);
        }

        return agency;
    }

    private static async Task<ActingAgency?> ReadAsync(ProtocolsDbContext db, Guid agencyId, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == new AgencyId(agencyId), cancellationToken);
        return agency is null
            ? null
            : new(agency.Id.Value, agency.Name, agency.Type.ToString(), agency.Status == AgencyStatus.Active, agency.AreaIds.Select(a => a.Value).ToList());
    }

    public void Forget(Guid agencyId) =>
        _entries.AddOrUpdate(agencyId, _ => new Entry(null, DateTimeOffset.MinValue, 1), (_, current) => new Entry(null, DateTimeOffset.MinValue, current.Generation + 1));

    /// <summary>Another host changed an agency: every entry is read afresh (its generation moves, so a load under way loses).</summary>
    public void ForgetAll()
    {
        foreach (var id in _entries.Keys)
        {
            Forget(id);
        }
    }

    private sealed record Entry(ActingAgency? Agency, DateTimeOffset Until, long Generation);
}
