using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Domain;
using MediatR;

namespace IntegratedCare.BuildingBlocks.Application.Behaviours;

/// <summary>
/// Opens the request's audit entry. A success is recorded by the unit of work inside its transaction;
/// a refusal or failure rolls that transaction back, so it is recorded here in a transaction of its own.
/// A nested request that fails while its caller's transaction is still open is recorded in that
/// transaction instead: a second writer would wait for the lock the caller holds.
/// </summary>
public sealed class AuditBehavior<TRequest, TResponse>(AuditScope scope, IAuditTrail trail, IUnitOfWork unitOfWork)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var metadata = RequestMetadata.For(typeof(TRequest));
        var declaration = metadata.Audit
            ?? throw new InvalidOperationException($"{metadata.Operation} declares no [Audit]; every request must.");
        var purpose = request is IHasPurpose withPurpose ? withPurpose.Purpose : null;
        var entry = scope.Begin(declaration, metadata.Operation, purpose);
        try
        {
            return await next();
        }
        catch (Exception ex)
        {
            var (outcome, detail) = Classify(ex);
            var record = scope.ToRecord(entry, outcome, detail);
            if (unitOfWork.IsActive)
            {
                trail.Append(record);
            }
            else
            {
                await trail.WriteIsolatedAsync(record, CancellationToken.None);
            }

            throw;
        }
        finally
        {
            scope.End(entry);
        }
    }

    /// <summary>Codes and field names only: exception messages can echo what the caller sent.</summary>
    private static (AuditOutcome Outcome, string Detail) Classify(Exception ex) => ex switch
    {
        UnauthenticatedException => (AuditOutcome.Denied, "unauthenticated"),
        ForbiddenException => (AuditOutcome.Denied, "permission-denied"),
        RequestValidationException v => (AuditOutcome.Failed, "invalid-argument: " + string.Join(",", v.Errors.Select(e => e.Field).Distinct())),
        NotFoundException { Hidden: true } n => (AuditOutcome.Denied, "not-found (hidden, no care relationship): " + n.ResourceType),
        NotFoundException n => (AuditOutcome.Failed, "not-found: " + n.ResourceType),
        AlreadyExistsException => (AuditOutcome.Failed, "already-exists"),
        BusinessRuleViolationException { IsUniqueness: true } b => (AuditOutcome.Failed, "already-exists: " + b.Rule),
        BusinessRuleViolationException b => (AuditOutcome.Failed, "failed-precondition: " + b.Rule),
        ConcurrencyConflictException => (AuditOutcome.Failed, "aborted: stale-version"),
        OperationCanceledException => (AuditOutcome.Failed, "cancelled"),
        _ => (AuditOutcome.Failed, "internal: " + ex.GetType().Name),
    };
}

/// <summary>A request that states why the caller wants the data (purpose of use), recorded in the audit trail.</summary>
public interface IHasPurpose
{
    string? Purpose { get; }
}
