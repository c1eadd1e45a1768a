using IntegratedCare.Protocols.Application.Agencies.ListAgencies;
using IntegratedCare.Protocols.Application.Areas.ListAreas;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Areas;
using Microsoft.EntityFrameworkCore;

namespace IntegratedCare.Protocols.Infrastructure.Persistence;

internal sealed class AgencyRepository(ProtocolsDbContext db) : IAgencyRepository, IAgencyReadStore
{
    public Task<Agency?> FindAsync(AgencyId id, CancellationToken cancellationToken) =>
        db.Agencies.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    public Task<bool> ActiveNameIsTakenAsync(string name, AgencyId? except, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        return db.Agencies.AnyAsync(a => a.Status == AgencyStatus.Active && a.Name == trimmed && (except == null || a.Id != except), cancellationToken);
    }

    public void Add(Agency agency) => db.Agencies.Add(agency);

    public async Task<(IReadOnlyList<Agency> Items, int Total)> ListAsync(AgencyFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        var query = db.Agencies.AsNoTracking();
        if (!filter.IncludeInactive)
        {
            query = query.Where(a => a.Status == AgencyStatus.Active);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(a => a.Type == type);
        }

        if (filter.AreaId is { } areaId)
        {
            query = query.Where(a => EF.Property<List<Guid>>(a, "_areaIds").Contains(areaId.Value));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(a => a.Name).ThenBy(a => a.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return (items, total);
    }
}

internal sealed class AreaRepository(ProtocolsDbContext db) : IAreaRepository, IAreaReadStore
{
    public Task<Area?> FindAsync(AreaId id, CancellationToken cancellationToken) =>
        db.Areas.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    public Task<bool> NameIsTakenAsync(string name, CancellationToken cancellationToken) =>
        db.Areas.AnyAsync(a => a.Name == name, cancellationToken);

    public async Task<IReadOnlyList<AreaId>> MissingAsync(IReadOnlyCollection<AreaId> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToList();
        var found = await db.Areas.Where(a => wanted.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        return wanted.Except(found).ToList();
    }

    public void Add(Area area) => db.Areas.Add(area);

    public async Task<(IReadOnlyList<Area> Items, int Total)> ListAsync(int offset, int limit, CancellationToken cancellationToken)
    {
        var total = await db.Areas.CountAsync(cancellationToken);
        var items = await db.Areas.AsNoTracking().OrderBy(a => a.Name).ThenBy(a => a.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return (items, total);
    }
}
