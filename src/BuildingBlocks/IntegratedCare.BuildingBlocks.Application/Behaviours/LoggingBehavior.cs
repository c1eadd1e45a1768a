using System.Diagnostics;
using IntegratedCare.BuildingBlocks.Application.Security;
using MediatR;
using Microsoft.Extensions.Logging;

namespace IntegratedCare.BuildingBlocks.Application.Behaviours;

/// <summary>
/// Outermost: one line per request with the operation, actor id, duration and outcome. Never the
/// request's content, which may hold personal data.
/// </summary>
public sealed class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger, ICurrentActor currentActor)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var operation = RequestMetadata.For(typeof(TRequest)).Operation;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            logger.LogInformation(
                "{Operation} by {ActorId} succeeded in {ElapsedMs:F1} ms (correlation {CorrelationId})",
                operation, currentActor.Actor?.Id, Stopwatch.GetElapsedTime(started).TotalMilliseconds, currentActor.CorrelationId);
            return response;
        }
        catch (Exception ex)
        {
            logger.LogInformation(
                "{Operation} by {ActorId} ended with {Outcome} in {ElapsedMs:F1} ms (correlation {CorrelationId})",
                operation, currentActor.Actor?.Id, ex.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, currentActor.CorrelationId);
            throw;
        }
    }
}
