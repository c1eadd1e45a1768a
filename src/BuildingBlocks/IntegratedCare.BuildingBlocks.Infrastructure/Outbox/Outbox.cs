using System.Text.Json;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Outbox;

internal sealed class Outbox(PlatformDbContext platform, UnitOfWork unitOfWork, OutboxSignal signal) : IOutbox
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private bool _signalOnCommit;

    public void Add(IIntegrationEvent integrationEvent)
    {
        if (!_signalOnCommit)
        {
            unitOfWork.Committed += signal.Pulse;
            _signalOnCommit = true;
        }

        var type = integrationEvent.GetType();
        platform.OutboxMessages.Add(new OutboxMessage
        {
            Id = integrationEvent.EventId,
            OccurredAt = integrationEvent.OccurredAt,
            Type = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Payload = JsonSerializer.Serialize(integrationEvent, type, Json),
        });
    }
}
