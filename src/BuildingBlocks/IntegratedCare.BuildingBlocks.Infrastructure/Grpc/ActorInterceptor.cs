using Grpc.Core;
using Grpc.Core.Interceptors;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Grpc;

/// <summary>Turns the authenticated principal of a gRPC call into the scope's <see cref="Actor"/>.</summary>
public sealed class ActorInterceptor(IOptions<AuthOptions> options) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Identify(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Identify(context);
        return continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Identify(context);
        return continuation(requestStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Identify(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Identify(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        var current = http.RequestServices.GetRequiredService<CurrentActor>();
        current.CorrelationId = http.TraceIdentifier;
        if (ClaimsActor.From(http.User, options.Value) is { } actor)
        {
            current.Set(actor);
        }
        else if (http.User.Identity?.IsAuthenticated ?? false)
        {
            // Authenticated, but the token does not say who or for which agency: treat as no identity.
            throw new UnauthenticatedException();
        }
    }
}
