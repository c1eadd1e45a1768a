using IntegratedCare.Protocols.Contracts;
using MediatR;
using IntegratedCare.CarePlan.Application.Plans.RecordReferralVariance;

namespace IntegratedCare.CarePlan.Application.Plans;

// An event subscription, not a use case: it sends the use case's command. It stays in Plans because the outbox's
// inbox records which messages a handler has handled under the handler's full name (OutboxDispatcher).
/// <summary>An unanswered referral is a variance on the person's open plan (the pathway left its path at a hand-over).</summary>
internal sealed class ReferralOverdueHandler(IMediator mediator) : INotificationHandler<ReferralOverdueIntegrationEvent>
{
    public Task Handle(ReferralOverdueIntegrationEvent notification, CancellationToken cancellationToken) =>
        mediator.Send(new RecordReferralVarianceCommand(notification), cancellationToken);
}
