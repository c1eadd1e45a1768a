using IntegratedCare.Assessment.Contracts;
using MediatR;
using IntegratedCare.CarePlan.Application.Plans.ProposeCarePlan;

namespace IntegratedCare.CarePlan.Application.Plans;

// An event subscription, not a use case: it sends the use case's command. It stays in Plans because the outbox's
// inbox records which messages a handler has handled under the handler's full name (OutboxDispatcher).
/// <summary>
/// A completed assessment proposes a plan: a draft, led by the assessing agency and worker, with one
/// proposed goal per domain at moderate or high need, at the recommended tier. If the person already
/// has an open plan, the reassessment's new needs are proposed as goals in it instead.
/// </summary>
internal sealed class AssessmentCompletedHandler(IMediator mediator) : INotificationHandler<AssessmentCompletedIntegrationEvent>
{
    public Task Handle(AssessmentCompletedIntegrationEvent notification, CancellationToken cancellationToken) =>
        mediator.Send(new ProposeCarePlanCommand(notification), cancellationToken);
}
