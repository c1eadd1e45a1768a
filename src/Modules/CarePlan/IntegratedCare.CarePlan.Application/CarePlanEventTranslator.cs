using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.CarePlan.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;

namespace IntegratedCare.CarePlan.Application;

/// <summary>Which CarePlan domain events other modules hear of.</summary>
internal sealed class CarePlanEventTranslator : IDomainEventTranslator
{
    public IEnumerable<IIntegrationEvent> Translate(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case VarianceHandedToGapsAndBlocks e:
                yield return new VarianceHandedToGapsAndBlocksIntegrationEvent(
                    Guid.NewGuid(), e.OccurredAt, e.CarePlanId.Value, e.Variance.VarianceId, e.LeadAgencyId, e.Variance.AgencyId,
                    e.Variance.Kind.ToString(), e.Variance.Reason?.ToString() ?? string.Empty);
                break;
            case ActionAssigned e:
                yield return new ActionAssignedIntegrationEvent(Guid.NewGuid(), e.OccurredAt, e.CarePlanId.Value, e.ActionId, e.AgencyId, e.LeadAgencyId, e.DueDate);
                break;
            case ActionOverdue e:
                yield return new ActionOverdueIntegrationEvent(
                    Guid.NewGuid(), e.OccurredAt, e.CarePlanId.Value, e.ActionId, e.AgencyId, e.LeadAgencyId, e.LeadCaseManager, e.DueDate);
                break;
        }
    }
}
