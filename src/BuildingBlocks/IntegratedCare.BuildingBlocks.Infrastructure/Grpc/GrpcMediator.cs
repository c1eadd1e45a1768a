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
public sealed class GrpcMediator(IMediator mediator, IMapper mapper, IServiceScopeFactory scopes, CurrentActor currentActor)
{
    public async Task<TReply> SendAsync<TRequest, TResult, TReply>(object message, ServerCallContext context)
        where TRequest : IRequest<TResult> =>
        mapper.Map<TReply>(await mediator.Send(mapper.Map<TRequest>(message), context.CancellationToken));

    /// <summary>
    /// One round of a long-lived call (a server stream) in a scope of its own, as the same caller: nothing
    /// read in an earlier round — a consent, a rule, an entity the database context still tracks — is
    /// reused, so every round is decided afresh.
    /// </summary>
    public async Task<TResult> SendFreshAsync<TResult>(IRequest<TResult> request, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<CurrentActor>();
        actor.CorrelationId = currentActor.CorrelationId;
        actor.Set(currentActor.Actor ?? throw new Application.Errors.UnauthenticatedException());
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }
}
