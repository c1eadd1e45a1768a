using IntegratedCare.BuildingBlocks.Application.Caching;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.Protocols.Domain.Sharing;

namespace IntegratedCare.Protocols.Application.Sharing;

/// <summary>What every change to a sharing protocol does around the change itself.</summary>
internal sealed class SharingProtocolChange(ISharingProtocolRepository protocols, SharingRulesCache cache, IUnitOfWork unitOfWork, IAuditScope audit, ISharedCaches caches)
{
    public async Task<SharingProtocolDto> ApplyAsync(string protocolId, Action<SharingProtocol> change, CancellationToken cancellationToken)
    {
        var id = new SharingProtocolId(Guid.Parse(protocolId));
        audit.Resource(id.ToString());
        var protocol = await protocols.FindAsync(id, cancellationToken) ?? throw new NotFoundException("Sharing protocol", id.ToString());
        change(protocol);
        unitOfWork.AfterCommit(cache.Invalidate);
        await caches.ChangedAsync(SharingRulesCache.Name, cancellationToken);
        return SharingProtocolDto.From(protocol);
    }
}
