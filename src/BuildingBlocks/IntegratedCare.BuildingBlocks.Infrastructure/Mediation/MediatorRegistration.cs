using System.Reflection;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application;
using IntegratedCare.BuildingBlocks.Application.Behaviours;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Mediation;

/// <summary>
/// MediatR 5.1.0 has no DI package on this source, so it is wired here: once for the pipeline, then
/// once per module for its handlers and validators (found by scanning, internal types included).
/// </summary>
public static class MediatorRegistration
{
    /// <summary>The pipeline, in order, outermost first. Registered once, so it runs once per request.</summary>
    public static readonly IReadOnlyList<Type> Pipeline =
    [
        typeof(LoggingBehavior<,>),
        typeof(AuditBehavior<,>),
        typeof(AuthorizationBehavior<,>),
        typeof(ValidationBehavior<,>),
        typeof(UnitOfWorkBehavior<,>),
        typeof(Application.Idempotency.IdempotencyBehavior<,>),
    ];

    private static readonly Type[] HandlerInterfaces =
    [
        typeof(IRequestHandler<,>),
        typeof(INotificationHandler<>),
        typeof(IValidator<>),
    ];

    public static IServiceCollection AddMediatorPipeline(this IServiceCollection services)
    {
        services.TryAddScoped<ServiceFactory>(sp => sp.GetService!);
        services.TryAddScoped<IMediator, Mediator>();
        if (services.Any(d => d.ServiceType == typeof(IPipelineBehavior<,>)))
        {
            return services;
        }

        // MediatR 5 runs behaviours in registration order, the first registered outermost.
        foreach (var behaviour in Pipeline)
        {
            services.AddScoped(typeof(IPipelineBehavior<,>), behaviour);
        }

        ValidatorOptions.Global.DisplayNameResolver = (_, member, expression) =>
            member is null ? null : FieldNames.ToWireName(member.Name);
        return services;
    }

    /// <summary>Registers every request handler, notification handler and validator in the assembly.</summary>
    public static IServiceCollection AddMediatorHandlers(this IServiceCollection services, Assembly assembly)
    {
        var types = assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false });
        foreach (var type in types)
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition())))
            {
                var descriptor = ServiceDescriptor.Scoped(contract, type);
                if (!services.Contains(descriptor, DescriptorComparer.Instance))
                {
                    services.Add(descriptor);
                }
            }
        }

        return services;
    }

    private sealed class DescriptorComparer : IEqualityComparer<ServiceDescriptor>
    {
        public static readonly DescriptorComparer Instance = new();

        public bool Equals(ServiceDescriptor? x, ServiceDescriptor? y) =>
            x?.ServiceType == y?.ServiceType && x?.ImplementationType == y?.ImplementationType;

        public int GetHashCode(ServiceDescriptor obj) => HashCode.Combine(obj.ServiceType, obj.ImplementationType);
    }
}
