using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Auditing;

internal sealed class AuditTrail(PlatformDbContext platform, UnitOfWork unitOfWork, AuditWriter writer, IServiceScopeFactory scopes) : IAuditTrail
{
    private readonly List<AuditEventRow> _pending = [];

    public void Append(AuditRecord record)
    {
        if (unitOfWork.IsReadOnly)
        {
            _pending.Add(AuditEventRow.From(record));
        }
        else
        {
            platform.AuditEvents.Add(AuditEventRow.From(record));
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var rows = _pending.ToList();
        _pending.Clear();

        // Not the caller's token: once asked, the write finishes, and the caller waits for it or goes.
        await writer.WriteAsync(rows).WaitAsync(cancellationToken);
    }

    public async Task WriteIsolatedAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var isolated = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var context = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await isolated.BeginAsync(cancellationToken);
        context.AuditEvents.Add(AuditEventRow.From(record));
        await isolated.CommitAsync(cancellationToken);
    }
}
