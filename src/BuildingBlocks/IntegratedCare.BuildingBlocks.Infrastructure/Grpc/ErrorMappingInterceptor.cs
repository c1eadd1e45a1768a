using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Grpc;

/// <summary>
/// The one place exceptions become gRPC statuses (README: the error table). A caller's mistake gets a precise code
/// and a safe message; anything unexpected gets INTERNAL with a correlation id, its detail only logged.
/// </summary>
public sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public const string CorrelationHeader = "x-correlation-id";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        RefuseIfPastDeadline(context);
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        RefuseIfPastDeadline(context);
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        RefuseIfPastDeadline(context);
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        RefuseIfPastDeadline(context);
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    /// <summary>
    /// A call whose deadline has passed before its work starts (e.g. <c>grpc-timeout: 1n</c>) is refused, so
    /// nothing is done for a caller who has stopped waiting. Deadlines are wall-clock time, as on the wire.
    /// </summary>
    private static void RefuseIfPastDeadline(ServerCallContext context)
    {
        // Grpc.AspNetCore sets no deadline for a timeout shorter than one tick (100 ns), such as "1n": that
        // deadline has passed on arrival.
        if (context.Deadline <= DateTime.UtcNow || IsBelowOneTick(context.GetHttpContext().Request.Headers["grpc-timeout"].ToString()))
        {
            throw new RpcException(new global::Grpc.Core.Status(StatusCode.DeadlineExceeded, "The call's deadline had passed before its work began; nothing was done."));
        }
    }

    private static bool IsBelowOneTick(string? timeout) =>
        timeout is { Length: >= 2 } t
        && long.TryParse(t.AsSpan(0, t.Length - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var amount)
        && t[^1] switch
        {
            'n' => amount < 100,
            'u' => amount == 0,
            'm' or 'S' or 'M' or 'H' => amount == 0,
            _ => false,
        };

    private RpcException Map(Exception ex, ServerCallContext context)
    {
        var correlationId = context.GetHttpContext().RequestServices.GetService<ICurrentActor>()?.CorrelationId
            ?? context.GetHttpContext().TraceIdentifier;
        var trailers = new Metadata { { CorrelationHeader, correlationId } };
        var status = ToStatus(ex, context, correlationId);
        if (status.Code == (int)Code.ResourceExhausted && Persistence.StorageHealth.IsFull(ex))
        {
            context.GetHttpContext().RequestServices.GetService<Persistence.StorageHealth>()?.RecordFull();
            logger.LogCritical(ex, "Storage is full: {Method} was refused (correlation {CorrelationId}). Free disk space or raise Database:MaxSizeMegabytes.", context.Method, correlationId);
        }
        else if (status.Code == (int)Code.Unavailable)
        {
            logger.LogCritical(ex, "The disk failed under the database in {Method} (correlation {CorrelationId})", context.Method, correlationId);
        }
        else if (status.Code == (int)Code.Internal)
        {
            logger.LogError(ex, "Unexpected failure in {Method} (correlation {CorrelationId})", context.Method, correlationId);
        }

        var rpc = status.ToRpcException();
        foreach (var trailer in trailers)
        {
            rpc.Trailers.Add(trailer);
        }

        return rpc;
    }

    internal static Google.Rpc.Status ToStatus(Exception ex, ServerCallContext? context, string correlationId)
    {
        switch (ex)
        {
            case RequestValidationException validation:
                var badRequest = new BadRequest();
                badRequest.FieldViolations.AddRange(validation.Errors.Select(e =>
                    new BadRequest.Types.FieldViolation { Field = e.Field, Description = e.Reason }));
                return new Google.Rpc.Status
                {
                    Code = (int)Code.InvalidArgument,
                    Message = validation.Message,
                    Details = { Any.Pack(badRequest) },
                };
            case UnauthenticatedException:
                return new Google.Rpc.Status { Code = (int)Code.Unauthenticated, Message = ex.Message };
            case ForbiddenException:
                return new Google.Rpc.Status { Code = (int)Code.PermissionDenied, Message = ex.Message };
            case NotFoundException:
                return new Google.Rpc.Status { Code = (int)Code.NotFound, Message = ex.Message };
            case AlreadyExistsException:
            case BusinessRuleViolationException { IsUniqueness: true }:
                return new Google.Rpc.Status { Code = (int)Code.AlreadyExists, Message = ex.Message };
            case BusinessRuleViolationException rule:
                return new Google.Rpc.Status
                {
                    Code = (int)Code.FailedPrecondition,
                    Message = ex.Message,
                    Details = { Any.Pack(new ErrorInfo { Reason = rule.Rule, Domain = "integratedcare", Metadata = { rule.Details.ToDictionary() } }) },
                };
            case var full when Persistence.StorageHealth.IsFull(full):
                return new Google.Rpc.Status
                {
                    Code = (int)Code.ResourceExhausted,
                    Message = $"Storage is full: nothing was done or disclosed. Try again later; quote correlation id {correlationId} to support.",
                };
            case var failing when Persistence.StorageHealth.IsUnavailable(failing):
                return new Google.Rpc.Status
                {
                    Code = (int)Code.Unavailable,
                    Message = $"Storage is failing: nothing was done or disclosed. Try again later; quote correlation id {correlationId} to support.",
                };
            case ConcurrencyConflictException:
                return new Google.Rpc.Status { Code = (int)Code.Aborted, Message = ex.Message };
            case OperationCanceledException when context?.CancellationToken.IsCancellationRequested ?? false:
                return context.Deadline <= DateTime.UtcNow
                    ? new Google.Rpc.Status { Code = (int)Code.DeadlineExceeded, Message = "The call's deadline passed." }
                    : new Google.Rpc.Status { Code = (int)Code.Cancelled, Message = "The call was cancelled." };
            default:
                return new Google.Rpc.Status
                {
                    Code = (int)Code.Internal,
                    Message = $"An internal error occurred. Quote correlation id {correlationId} to support.",
                };
        }
    }
}
