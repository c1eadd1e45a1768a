using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.GapsAndBlocks.Contracts;
using IntegratedCare.GapsAndBlocks.Domain.Forms;

namespace IntegratedCare.GapsAndBlocks.Application;

/// <summary>Which GapsAndBlocks domain events other modules hear of: overdue alerts.</summary>
internal sealed class GapsAndBlocksEventTranslator : IDomainEventTranslator
{
    public IEnumerable<IIntegrationEvent> Translate(IDomainEvent domainEvent)
    {
        if (domainEvent is FormStageOverdue e)
        {
            yield return new FormStageOverdueIntegrationEvent(Guid.NewGuid(), e.OccurredAt, e.FormId.Value, e.AreaId, e.Stage.ToString(), e.Holder.ToString(), e.DueAt);
        }
    }
}
