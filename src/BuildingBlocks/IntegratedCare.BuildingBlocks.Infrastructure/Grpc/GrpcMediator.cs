using AutoMapper;
using Grpc.Core;
using MediatR;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Grpc;

/// <summary>
/// The whole of a gRPC adapter method: proto message → request (AutoMapper) → mediator → proto reply.
/// The call's cancellation token (which fires at its deadline) goes down to the database.
/// </summary>
public sealed class GrpcMediator(IMediator mediator, IMapper mapper)
{
    public async Task<TReply> SendAsync<TRequest, TResult, TReply>(object message, ServerCallContext context)
        where TRequest : IRequest<TResult> =>
        mapper.Map<TReply>(await mediator.Send(mapper.Map<TRequest>(message), context.CancellationToken));
}
