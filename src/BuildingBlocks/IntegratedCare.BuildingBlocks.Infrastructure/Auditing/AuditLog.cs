using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using Microsoft.EntityFrameworkCore;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Auditing;

/// <summary>The audit trail read back, newest first, through the indexes on person and time.</summary>
internal sealed class AuditLog(PlatformDbContext platform) : IAuditLog
{
    public async Task<(IReadOnlyList<AuditRecord> Records, int Total)> ReadAsync(AuditLogFilter filter, int offset, int take, CancellationToken cancellationToken)
    {
        var query = platform.AuditEvents.AsNoTracking().Where(e => e.OccurredAt <= filter.AsOf);
        if (filter.ServiceUserId is { } person)
        {
            query = query.Where(e => e.ServiceUserId == person);
        }

        if (filter.Operation is { } operation)
        {
            query = query.Where(e => e.Operation == operation);
        }

        if (filter.AgencyId is { } agency)
        {
            query = query.Where(e => e.AgencyId == agency);
        }

        if (filter.Outcome is { } outcome)
        {
            query = query.Where(e => e.Outcome == outcome);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(e => e.OccurredAt).ThenBy(e => e.Id).Skip(offset).Take(take).ToListAsync(cancellationToken);
        return (rows.Select(r => r.ToRecord()).ToList(), total);
    }
}
