using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using MediatR;

namespace IntegratedCare.BuildingBlocks.Application.Behaviours;

/// <summary>
/// One transaction per request: the handler's changes, the outbox and the success audit record commit
/// together or not at all. A nested request (a Contracts query sent by a handler) joins the outer one.
/// A query reads in a deferred transaction, without the write lock; its audit records are written by
/// the group-commit audit writer, and the answer waits until they are durable (ADR 0005).
/// </summary>
public sealed class UnitOfWorkBehavior<TRequest, TResponse>(IUnitOfWork unitOfWork, AuditScope auditScope, IAuditTrail auditTrail)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (unitOfWork.IsActive)
        {
            var nested = await next();
            AppendSuccess();
            return nested;
        }

        if (IsRead)
        {
            await unitOfWork.BeginReadAsync(cancellationToken);
            try
            {
                var read = await next();
                AppendSuccess();
                await unitOfWork.EndReadAsync();
                await auditTrail.FlushAsync(cancellationToken);
                return read;
            }
            catch
            {
                await unitOfWork.RollbackAsync();
                throw;
            }
        }

        await unitOfWork.BeginAsync(cancellationToken);
        try
        {
            var response = await next();
            AppendSuccess();
            await unitOfWork.CommitAsync(cancellationToken);
            return response;
        }
        catch
        {
            await unitOfWork.RollbackAsync();
            throw;
        }
    }

    private static readonly bool IsRead = typeof(TRequest).GetInterfaces()
        .Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(Messaging.IQuery<>) || i.GetGenericTypeDefinition() == typeof(IntegratedCare.BuildingBlocks.Contracts.IContractQuery<>)));

    private void AppendSuccess()
    {
        var entry = auditScope.Current
            ?? throw new InvalidOperationException("The audit behaviour must run outside the unit of work.");
        foreach (var record in auditScope.ToSuccessRecords(entry))
        {
            auditTrail.Append(record);
        }
    }
}
