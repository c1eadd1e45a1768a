using AutoMapper;
using Grpc.Core;
using IntegratedCare.BuildingBlocks.Application.Security;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Grpc;

/// <summary>
/// The whole of a gRPC adapter method: proto message → request (AutoMapper) → mediator → proto reply.
/// The call's cancellation token (which fires at its deadline) goes down to the database.
/// </summary>
public sealed class GrpcMediator(
    IMediator mediator, IMapper mapper, IServiceScopeFactory scopes, CurrentActor currentActor, Application.Security.IRevokedCredentials revocations, TimeProvider clock)
{
    public async Task<TReply> SendAsync<TRequest, TResult, TReply>(object message, ServerCallContext context)
        where TRequest : IRequest<TResult> =>
        mapper.Map<TReply>(await mediator.Send(MapRequest<TRequest>(message), context.CancellationToken));

    /// <summary>
    /// Proto message → request. A value the mapping cannot take (a timestamp out of range) is the caller's
    /// mistake: INVALID_ARGUMENT naming the field, as validation would.
    /// </summary>
    public TRequest MapRequest<TRequest>(object message)
    {
        try
        {
            return mapper.Map<TRequest>(message);
        }
        catch (AutoMapperMappingException ex) when (Innermost(ex) is Mapping.InvalidTimestampException invalid)
        {
            throw new Application.Errors.RequestValidationException(FieldPath(ex), invalid.Message);
        }
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is { } inner)
        {
            ex = inner;
        }

        return ex;
    }

    /// <summary>The proto field path of the member that failed, e.g. <c>expires_at</c> or <c>window.from</c>.</summary>
    private static string FieldPath(AutoMapperMappingException ex)
    {
        var names = new List<string>();
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is AutoMapperMappingException { MemberMap: { } member })
            {
                names.Add(Application.FieldNames.ToWireName(member.SourceMember?.Name ?? member.DestinationName));
            }
        }

        return names.Count == 0 ? "request" : string.Join('.', names);
    }

    /// <summary>
    /// One round of a long-lived call (a server stream) in a scope of its own, as the same caller: nothing
    /// read in an earlier round — a consent, a rule, an entity the database context still tracks — is
    /// reused, so every round is decided afresh.
    /// </summary>
    /// <remarks>
    /// The caller's token is checked again each round, as it was when the call opened: a token past its
    /// expiry, or a partner credential revoked since, ends the stream with UNAUTHENTICATED.
    /// </remarks>
    public async Task<TResult> SendFreshAsync<TResult>(IRequest<TResult> request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        await EnsureTokenStillHoldsAsync(context);
        await using var scope = scopes.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<CurrentActor>();
        actor.CorrelationId = currentActor.CorrelationId;
        actor.Set(currentActor.Actor ?? throw new Application.Errors.UnauthenticatedException());
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }

    private async Task EnsureTokenStillHoldsAsync(ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        var now = clock.GetUtcNow();
        var expires = user.FindFirst("exp")?.Value;
        // Against the wall clock, as the token validator checks it when a call opens.
        var expired = long.TryParse(expires, out var seconds) && DateTimeOffset.FromUnixTimeSeconds(seconds) <= DateTimeOffset.UtcNow;
        var credential = user.FindFirst(Application.Security.IRevokedCredentials.ClaimType)?.Value;
        if (expired || (credential is not null && await revocations.IsRevokedAsync(credential, now)))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, expired ? "The token has expired." : "The credential has been revoked."));
        }
    }
}
