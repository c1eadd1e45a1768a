using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Auditing;

internal sealed class AuditTrail(PlatformDbContext platform, IServiceScopeFactory scopes) : IAuditTrail
{
    public void Append(AuditRecord record) => platform.AuditEvents.Add(AuditEventRow.From(record));

    public async Task WriteIsolatedAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var context = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await unitOfWork.BeginAsync(cancellationToken);
        context.AuditEvents.Add(AuditEventRow.From(record));
        await unitOfWork.CommitAsync(cancellationToken);
    }
}
