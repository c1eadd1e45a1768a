using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Areas;
using IntegratedCare.Protocols.Domain.Consents;
using IntegratedCare.Protocols.Domain.Referrals;

namespace IntegratedCare.Protocols.Application;

/// <summary>Which Protocols domain events other modules hear of.</summary>
internal sealed class ProtocolsEventTranslator : IDomainEventTranslator
{
    public IEnumerable<IIntegrationEvent> Translate(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case AgencyRegistered e:
                yield return new AgencyRegisteredIntegrationEvent(Guid.NewGuid(), e.OccurredAt, e.AgencyId.Value, e.Type.ToString(), e.AreaIds.Select(a => a.Value).ToList());
                break;
            case AgencyUpdated e:
                yield return new AgencyUpdatedIntegrationEvent(Guid.NewGuid(), e.OccurredAt, e.AgencyId.Value, e.Type.ToString(), e.AreaIds.Select(a => a.Value).ToList());
                break;
            case AgencyDeactivated e:
                yield return new AgencyDeactivatedIntegrationEvent(Guid.NewGuid(), e.OccurredAt, e.AgencyId.Value);
                break;
            case ConsentWithdrawn e:
                yield return new ConsentWithdrawnIntegrationEvent(
                    Guid.NewGuid(), e.OccurredAt, e.ConsentId.Value, e.ServiceUserId, e.Agencies.Select(a => a.Value).ToList(), e.AgencyTypes.Select(t => t.ToString()).ToList());
                break;
            case ConsentExpired e:
                yield return new ConsentExpiredIntegrationEvent(
                    Guid.NewGuid(), e.OccurredAt, e.ConsentId.Value, e.ServiceUserId, e.Agencies.Select(a => a.Value).ToList(), e.AgencyTypes.Select(t => t.ToString()).ToList());
                break;
            case ReferralMade e:
                yield return new ReferralMadeIntegrationEvent(Guid.NewGuid(), e.OccurredAt, e.ReferralId.Value, e.From.Value, e.To.Value, e.DueAt);
                break;
            case ReferralOverdue e:
                yield return new ReferralOverdueIntegrationEvent(
                    Guid.NewGuid(), e.OccurredAt, e.ReferralId.Value, e.ProtocolId.Value, e.ServiceUserId, e.From.Value, e.To.Value, e.DueAt);
                break;
            case AreaUpdated e:
                yield return new AreaUpdatedIntegrationEvent(Guid.NewGuid(), e.OccurredAt, e.AreaId.Value, e.TimeZone, e.CoordinatorStaffId);
                break;
            case AreaCreated e:
                yield return new AreaCreatedIntegrationEvent(Guid.NewGuid(), e.OccurredAt, e.AreaId.Value, e.TimeZone, e.CoordinatorStaffId);
                break;
        }
    }
}
