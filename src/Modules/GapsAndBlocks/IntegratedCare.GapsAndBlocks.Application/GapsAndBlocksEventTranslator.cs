using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.GapsAndBlocks.Contracts;
using IntegratedCare.GapsAndBlocks.Domain.Forms;

namespace IntegratedCare.GapsAndBlocks.Application;

/// <summary>Which GapsAndBlocks domain events other modules hear of: overdue alerts and each step of the ladder.</summary>
internal sealed class GapsAndBlocksEventTranslator : IDomainEventTranslator
{
    public IEnumerable<IIntegrationEvent> Translate(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case FormStageOverdue e:
                yield return new FormStageOverdueIntegrationEvent(
                    Guid.NewGuid(), e.OccurredAt, e.FormId.Value, e.AreaId, e.Stage.ToString(), e.Holder.ToString(), e.DueAt, e.AgencyId, e.CaseManagerId);
                break;
            case FormEnteredStage e:
                yield return new FormEnteredStageIntegrationEvent(
                    Guid.NewGuid(), e.OccurredAt, e.FormId.Value, e.AreaId, e.AgencyId, e.CaseManagerId, e.Stage.ToString(), e.Holder.ToString(), e.DueAt);
                break;
        }
    }
}
