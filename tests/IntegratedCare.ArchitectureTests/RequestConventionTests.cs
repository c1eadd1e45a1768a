using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Security;
using MediatR;
using System.Reflection;

namespace IntegratedCare.ArchitectureTests;

public sealed class RequestConventionTests
{
    [Fact]
    public void EveryRequest_DeclaresWhoMaySendItAndHowItIsAudited()
    {
        var requests = Solution.RequestTypes.ToList();
        var undeclared = requests.Where(t => t.GetCustomAttribute<AuthorizeAttribute>() is null || t.GetCustomAttribute<AuditAttribute>() is null)
            .Select(t => t.FullName).ToList();

        Assert.NotEmpty(requests);
        Assert.Empty(undeclared);
    }

    [Fact]
    public void Handlers_AreInternalAndSealed()
    {
        var handlers = Solution.ModuleAssemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType &&
                (i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) || i.GetGenericTypeDefinition() == typeof(INotificationHandler<>))))
            .ToList();
        var exposed = handlers.Where(t => t.IsPublic || t.IsNestedPublic || !t.IsSealed).Select(t => t.FullName).ToList();

        Assert.NotEmpty(handlers);
        Assert.Empty(exposed);
    }

    [Fact]
    public void DeclaredRoles_AreKnownRoles()
    {
        var unknown = Solution.RequestTypes
            .SelectMany(t => t.GetCustomAttribute<AuthorizeAttribute>()?.Roles ?? [])
            .Where(r => !Roles.All.Contains(r)).ToList();

        Assert.Empty(unknown);
    }
}
