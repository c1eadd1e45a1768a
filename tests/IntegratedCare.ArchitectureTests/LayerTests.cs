using System.Reflection;
using IntegratedCare.BuildingBlocks.Domain;
using NetArchTest.Rules;

namespace IntegratedCare.ArchitectureTests;

public sealed class LayerTests
{
    private static readonly string[] Frameworks =
        ["Microsoft.EntityFrameworkCore", "Grpc", "Google.Protobuf", "Microsoft.AspNetCore", "MediatR", "AutoMapper", "FluentValidation"];

    [Fact]
    public void Domain_DependsOnNoFramework()
    {
        foreach (var domain in Solution.Layer("Domain").Append(typeof(IBusinessRule).Assembly))
        {
            var result = Types.InAssembly(domain).ShouldNot().HaveDependencyOnAny(Frameworks).GetResult();

            Assert.True(result.IsSuccessful, $"{domain.GetName().Name}: {ModuleBoundaryTests.Names(result)}");
        }
    }

    [Fact]
    public void Application_DependsOnNoPersistenceOrTransport()
    {
        foreach (var application in Solution.Layer("Application"))
        {
            var result = Types.InAssembly(application).ShouldNot()
                .HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Grpc", "Google.Protobuf", "Microsoft.AspNetCore", "AutoMapper")
                .GetResult();

            Assert.True(result.IsSuccessful, $"{application.GetName().Name}: {ModuleBoundaryTests.Names(result)}");
        }
    }

    [Fact]
    public void Aggregates_HaveNoPublicSetters()
    {
        var aggregates = Solution.Layer("Domain").SelectMany(a => a.GetTypes()).Where(t => typeof(IAggregateRoot).IsAssignableFrom(t));
        var leaks = aggregates.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod?.IsPublic == true)
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToList();

        Assert.Empty(leaks);
    }

    [Fact]
    public void GrpcServices_LiveInTheirModulesInfrastructureGrpcFolder()
    {
        var services = Solution.ModuleAssemblies.Append(Solution.Host).SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.BaseType?.GetCustomAttributes().Any(a => a.GetType().Name == "BindServiceMethodAttribute") == true)
            .ToList();

        Assert.NotEmpty(services);
        Assert.All(services, s => Assert.Matches(@"^IntegratedCare\.\w+\.Infrastructure\.Grpc$", s.Namespace));
    }
}
