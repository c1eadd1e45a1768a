using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Domain.Consents;
using MediatR;

namespace IntegratedCare.Protocols.Application.Consents.RaiseExpiredConsents;

/// <summary>Marks consents past their expiry inactive and notifies their recipients, once each; run by the deadline worker.</summary>
[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Execute, "consent")]
public sealed record RaiseExpiredConsentsCommand : ICommand<int>
{
    /// <summary>Consents expired per transaction.</summary>
    public const int Batch = 200;
}

internal sealed class RaiseExpiredConsentsHandler(IConsentRepository consents, TimeProvider clock) : IRequestHandler<RaiseExpiredConsentsCommand, int>
{
    private const int Batch = RaiseExpiredConsentsCommand.Batch;

    public async Task<int> Handle(RaiseExpiredConsentsCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return (await consents.NewlyExpiredAsync(now, Batch, cancellationToken)).Count(c => c.MarkExpired(now));
    }
}
