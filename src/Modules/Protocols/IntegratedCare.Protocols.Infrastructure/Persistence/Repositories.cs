using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.Protocols.Application.Agencies.ListAgencies;
using IntegratedCare.Protocols.Application.Areas.ListAreas;
using IntegratedCare.Protocols.Application.InterAgency.ListProtocols;
using IntegratedCare.Protocols.Application.Referrals.ListReferrals;
using IntegratedCare.Protocols.Application.Sharing.ListSharingProtocols;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Allocations;
using IntegratedCare.Protocols.Domain.Areas;
using IntegratedCare.Protocols.Domain.Consents;
using IntegratedCare.Protocols.Domain.InterAgency;
using IntegratedCare.Protocols.Domain.Referrals;
using IntegratedCare.Protocols.Domain.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    public async Task<IReadOnlyList<AgencyId>> MissingAsync(IReadOnlyCollection<AgencyId> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var found = await db.Agencies.Where(a => wanted.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        return wanted.Except(found).ToList();
    }

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

    public Task<bool> NameIsTakenAsync(string name, AreaId? except, CancellationToken cancellationToken) =>
        db.Areas.AnyAsync(a => a.Name == name && (except == null || a.Id != except), cancellationToken);

    public async Task<IReadOnlyList<AreaId>> MissingAsync(IReadOnlyCollection<AreaId> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToList();
        var found = await db.Areas.Where(a => wanted.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        return wanted.Except(found).ToList();
    }

    public void Add(Area area) => db.Areas.Add(area);

    public async Task<IReadOnlyList<Area>> CoordinatedByAsync(string staffId, CancellationToken cancellationToken) =>
        await db.Areas.AsNoTracking().Where(a => a.Coordinator.StaffId == staffId).OrderBy(a => a.Name).ToListAsync(cancellationToken);

    public async Task<(IReadOnlyList<Area> Items, int Total)> ListAsync(int offset, int limit, CancellationToken cancellationToken)
    {
        var total = await db.Areas.CountAsync(cancellationToken);
        var items = await db.Areas.AsNoTracking().OrderBy(a => a.Name).ThenBy(a => a.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return (items, total);
    }
}

internal sealed class SharingProtocolRepository(ProtocolsDbContext db, IServiceScopeFactory scopes)
    : ISharingProtocolRepository, ISharingProtocolReadStore
{
    public Task<SharingProtocol?> FindAsync(SharingProtocolId id, CancellationToken cancellationToken) =>
        db.SharingProtocols.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>
    /// Untracked: the snapshot is shared by concurrent decisions and never changed. Read on a connection
    /// of its own, as committed now: a read request's transaction sees the database as it was when the
    /// request began, and a list loaded from that view after a protocol changed would be cached as current.
    /// </summary>
    public async Task<IReadOnlyList<SharingProtocol>> ActiveAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var committed = scope.ServiceProvider.GetRequiredService<ProtocolsDbContext>();
        return await committed.SharingProtocols.AsNoTracking().Where(p => p.Status == SharingProtocolStatus.Active).ToListAsync(cancellationToken);
    }

    public void Add(SharingProtocol protocol) => db.SharingProtocols.Add(protocol);

    public async Task<(IReadOnlyList<SharingProtocol> Items, int Total)> ListAsync(int offset, int limit, CancellationToken cancellationToken)
    {
        var total = await db.SharingProtocols.CountAsync(cancellationToken);
        var items = await db.SharingProtocols.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return (items, total);
    }
}

internal sealed class ConsentRepository(ProtocolsDbContext db, IUnitOfWork unitOfWork) : IConsentRepository
{
    // Within a read (one snapshot, no writes) a person's consents are loaded once, however many
    // questions (the care relationship, the sharing decision) the request asks of them.
    private readonly Dictionary<Guid, IReadOnlyList<Consent>> _read = [];

    public Task<Consent?> FindAsync(ConsentId id, CancellationToken cancellationToken) =>
        db.Consents.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Consent>> ForServiceUserAsync(Guid serviceUserId, CancellationToken cancellationToken)
    {
        if (unitOfWork.IsReadOnly && _read.TryGetValue(serviceUserId, out var held))
        {
            return held;
        }

        var consents = await db.Consents.Where(c => c.ServiceUserId == serviceUserId).OrderByDescending(c => c.RecordedAt).ToListAsync(cancellationToken);
        if (unitOfWork.IsReadOnly)
        {
            _read[serviceUserId] = consents;
        }

        return consents;
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Consent>>> ForServiceUsersAsync(IReadOnlyCollection<Guid> serviceUserIds, CancellationToken cancellationToken)
    {
        var ids = serviceUserIds.ToList();
        var all = await db.Consents.Where(c => ids.Contains(c.ServiceUserId)).OrderByDescending(c => c.RecordedAt).ToListAsync(cancellationToken);
        var byPerson = ids.Distinct().ToDictionary(id => id, id => (IReadOnlyList<Consent>)all.Where(c => c.ServiceUserId == id).ToList());
        if (unitOfWork.IsReadOnly)
        {
            foreach (var (person, consents) in byPerson)
            {
                _read[person] = consents;
            }
        }

        return byPerson;
    }

    public async Task<IReadOnlyList<Consent>> NewlyExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        await NewlyExpired(db, now, limit).ToListAsync(cancellationToken);

    /// <summary>The expiry sweep's seek: active consents past expiry not yet notified, earliest first (partial index IX_protocols_consents_expiry_due).</summary>
    internal static IQueryable<Consent> NewlyExpired(ProtocolsDbContext db, DateTimeOffset now, int limit) =>
        db.Consents
            .Where(c => c.Status == ConsentStatus.Active && c.ExpiresAt != null && c.ExpiryNotifiedAt == null && c.ExpiresAt <= now)
            .OrderBy(c => c.ExpiresAt)
            .Take(limit);

    public void Add(Consent consent) => db.Consents.Add(consent);
}

internal sealed class InterAgencyProtocolRepository(ProtocolsDbContext db) : IInterAgencyProtocolRepository, IInterAgencyProtocolReadStore
{
    public Task<InterAgencyProtocol?> FindAsync(InterAgencyProtocolId id, CancellationToken cancellationToken) =>
        db.InterAgencyProtocols.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public void Add(InterAgencyProtocol protocol) => db.InterAgencyProtocols.Add(protocol);

    public async Task<(IReadOnlyList<InterAgencyProtocol> Items, int Total)> ListAsync(int offset, int limit, CancellationToken cancellationToken)
    {
        var total = await db.InterAgencyProtocols.CountAsync(cancellationToken);
        var items = await db.InterAgencyProtocols.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return (items, total);
    }
}

internal sealed class ReferralRepository(ProtocolsDbContext db) : IReferralRepository, IReferralReadStore
{
    public Task<Referral?> FindAsync(ReferralId id, CancellationToken cancellationToken) =>
        db.Referrals.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Referral>> NewlyOverdueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        await NewlyOverdue(db, now, limit).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Referral>> ReceivedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        await db.Referrals.AsNoTracking()
            .Where(r => r.RequestedAt >= from && r.RequestedAt < to)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Referral>> LapsedAsync(DateTimeOffset dueBefore, int limit, CancellationToken cancellationToken) =>
        await Lapsed(db, dueBefore, limit).ToListAsync(cancellationToken);

    /// <summary>The overdue sweep's seek: unanswered referrals past due not yet flagged, earliest first (IX_protocols_referrals_overdue_due).</summary>
    internal static IQueryable<Referral> NewlyOverdue(ProtocolsDbContext db, DateTimeOffset now, int limit) =>
        db.Referrals
            .Where(r => (r.Status == ReferralStatus.Requested || r.Status == ReferralStatus.Received) && r.OverdueAt == null && r.DueAt < now)
            .OrderBy(r => r.DueAt)
            .Take(limit);

    /// <summary>
    /// The expiry sweep's seek: unanswered referrals flagged overdue and long past due, earliest first
    /// (IX_protocols_referrals_lapsing_due). The overdue sweep runs first in each round, so every referral
    /// this old is flagged by then.
    /// </summary>
    internal static IQueryable<Referral> Lapsed(ProtocolsDbContext db, DateTimeOffset dueBefore, int limit) =>
        db.Referrals
            .Where(r => (r.Status == ReferralStatus.Requested || r.Status == ReferralStatus.Received) && r.OverdueAt != null && r.DueAt < dueBefore)
            .OrderBy(r => r.DueAt)
            .Take(limit);

    public void Add(Referral referral) => db.Referrals.Add(referral);

    public Task<bool> IsPartyToAcceptedReferralAsync(Guid serviceUserId, AgencyId agencyId, CancellationToken cancellationToken) =>
        db.Referrals.AsNoTracking().AnyAsync(
            r => r.ServiceUserId == serviceUserId && (r.ToAgencyId == agencyId || r.FromAgencyId == agencyId)
                && (r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.Completed),
            cancellationToken);

    public async Task<(IReadOnlyList<Referral> Items, int Total)> ListAsync(ReferralFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        var query = filter.Direction == ReferralDirection.Incoming
            ? db.Referrals.AsNoTracking().Where(r => r.ToAgencyId == filter.Agency)
            : db.Referrals.AsNoTracking().Where(r => r.FromAgencyId == filter.Agency);
        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(r => r.RequestedAt).ThenBy(r => r.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return (items, total);
    }
}

internal sealed class AllocationRepository(ProtocolsDbContext db) : IAllocationRepository
{
    public Task<AllocationItem?> FindItemAsync(AllocationItemId id, CancellationToken cancellationToken) =>
        db.AllocationItems.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    public Task<bool> IsQueuedAsync(ReferralId referral, CancellationToken cancellationToken) =>
        db.AllocationItems.AnyAsync(i => i.ReferralId == referral, cancellationToken);

    public async Task<(IReadOnlyList<AllocationItem> Items, int Total)> QueueAsync(AreaId area, bool includeAllocated, int offset, int limit, CancellationToken cancellationToken)
    {
        var queue = db.AllocationItems.AsNoTracking().Where(i => i.AreaId == area && (includeAllocated || i.Status == AllocationStatus.Waiting));
        var total = await queue.CountAsync(cancellationToken);
        var items = await queue.OrderBy(i => i.QueuedAt).ThenBy(i => i.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return (items, total);
    }

    public void Add(AllocationItem item) => db.AllocationItems.Add(item);

    public void Add(AllocationMeeting meeting) => db.AllocationMeetings.Add(meeting);
}

