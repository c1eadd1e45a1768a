using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Grpc;

/// <summary>
/// Binds every gRPC service as Grpc.AspNetCore's own binder does, through the generated
/// <c>BindService</c>, but with each request marshaller guarded: a request that is not a valid message of
/// its type (random bytes, a bad wire type, a length past the end, an over-long varint, nesting past the
/// parser's limit, invalid UTF-8 in a string) is answered INVALID_ARGUMENT, with no detail of the parser,
/// instead of UNKNOWN "Exception was thrown by handler". Messages are parsed before any interceptor
/// runs, so no interceptor could map these.
/// </summary>
public sealed class GuardedServiceMethodProvider<TService> : IServiceMethodProvider<TService>
    where TService : class
{
    public const string InvalidMessage = "The request is not a valid protobuf message of its type.";

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        var (bindMethod, serviceBase) = FindBindMethod(typeof(TService));
        if (bindMethod is null)
        {
            return;
        }

        bindMethod.Invoke(null, [new Binder(context), null]);
        _ = serviceBase;
    }

    /// <summary>Replaces Grpc.AspNetCore's binder, so each method is bound once, guarded.</summary>
    public static void Register(IServiceCollection services)
    {
        services.RemoveAll(typeof(IServiceMethodProvider<>));
        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(GuardedServiceMethodProvider<>)));
    }

    private static (MethodInfo? Method, Type? ServiceBase) FindBindMethod(Type serviceType)
    {
        for (var type = serviceType; type is not null; type = type.BaseType)
        {
            var attribute = type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false);
            if (attribute is null)
            {
                continue;
            }

            var method = attribute.BindType.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .FirstOrDefault(m => m.Name == attribute.BindMethodName
                    && m.GetParameters() is [{ } binder, { } service]
                    && binder.ParameterType == typeof(ServiceBinderBase)
                    && service.ParameterType.IsAssignableFrom(serviceType));
            return (method, type);
        }

        return (null, null);
    }

    internal static Marshaller<T> Guard<T>(Marshaller<T> marshaller) =>
        new(marshaller.ContextualSerializer, context =>
        {
            try
            {
                return marshaller.ContextualDeserializer(context);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not RpcException)
            {
                // InvalidProtocolBufferException, and the decoder's exception for invalid UTF-8.
                throw new RpcException(new Status(StatusCode.InvalidArgument, InvalidMessage));
            }
        });

    private sealed class Binder(ServiceMethodProviderContext<TService> context) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            var target = Target(method, typeof(TRequest), typeof(ServerCallContext));
            var call = target.CreateDelegate<Func<TService, TRequest, ServerCallContext, Task<TResponse>>>();
            context.AddUnaryMethod(Guarded(method), Metadata(target), (service, request, callContext) => call(service, request, callContext));
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var target = Target(method, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            var call = target.CreateDelegate<Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task>>();
            context.AddServerStreamingMethod(Guarded(method), Metadata(target), (service, request, stream, callContext) => call(service, request, stream, callContext));
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var target = Target(method, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
            var call = target.CreateDelegate<Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>>>();
            context.AddClientStreamingMethod(Guarded(method), Metadata(target), (service, stream, callContext) => call(service, stream, callContext));
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var target = Target(method, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            var call = target.CreateDelegate<Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task>>();
            context.AddDuplexStreamingMethod(Guarded(method), Metadata(target), (service, requests, responses, callContext) => call(service, requests, responses, callContext));
        }

        private static Method<TRequest, TResponse> Guarded<TRequest, TResponse>(Method<TRequest, TResponse> method)
            where TRequest : class
            where TResponse : class =>
            new(method.Type, method.ServiceName, method.Name, Guard(method.RequestMarshaller), method.ResponseMarshaller);

        /// <summary>The service's own method for the RPC (an override of the generated base's), found as Grpc.AspNetCore finds it.</summary>
        private static MethodInfo Target(IMethod method, params Type[] parameters) =>
            typeof(TService).GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance, parameters)
            ?? throw new InvalidOperationException($"{typeof(TService).Name} has no method {method.Name}.");

        /// <summary>The service's and the method's attributes, as endpoint metadata (authorisation, CORS).</summary>
        private static List<object> Metadata(MethodInfo target)
        {
            var metadata = new List<object>();
            metadata.AddRange(typeof(TService).GetCustomAttributes(inherit: true));
            metadata.AddRange(target.GetCustomAttributes(inherit: true));
            return metadata;
        }
    }
}
