using IntegratedCare.CarePlan.Contracts;
using IntegratedCare.GapsAndBlocks.Domain.Variances;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Variances;

/// <summary>
/// A case manager handed a plan's variance to gaps and blocks: it waits in their agency's list of variances
/// to raise a form about. Delivered at least once; the inbox makes it once, and a variance already kept stays.
/// </summary>
internal sealed class VarianceHandedOverHandler(IHandedVarianceRepository variances) : INotificationHandler<VarianceHandedToGapsAndBlocksIntegrationEvent>
{
    public async Task Handle(VarianceHandedToGapsAndBlocksIntegrationEvent notification, CancellationToken cancellationToken)
    {
        if (await variances.FindAsync(notification.VarianceId, cancellationToken) is null)
        {
            variances.Add(HandedVariance.HandedOver(
                notification.VarianceId, notification.LeadAgencyId, notification.ActionAgencyId, notification.Kind, notification.Reason, notification.OccurredAt));
        }
    }
}
