using FluentValidation;
using IntegratedCare.BuildingBlocks.Domain;
using MediatR;
using NetArchTest.Rules;

namespace IntegratedCare.ArchitectureTests;

public sealed class HostTests
{
    private const string WebUi = "IntegratedCare.Host.Web";

    /// <summary>The FHIR R4 face: an adapter like the staff UI, held to the same rule.</summary>
    private const string Fhir = "IntegratedCare.Host.Fhir";

    private static readonly Type[] RuleBearers =
        [typeof(IRequestHandler<,>), typeof(INotificationHandler<>), typeof(IValidator<>), typeof(IBusinessRule), typeof(IAggregateRoot)];

    [Fact]
    public void Host_HoldsNoHandlersValidatorsRulesOrAggregates()
    {
        var offenders = Solution.Host.GetTypes().Where(t => t.GetInterfaces().Any(i =>
            RuleBearers.Contains(i.IsGenericType ? i.GetGenericTypeDefinition() : i))).Select(t => t.FullName).ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Host_KnowsModulesOnlyByTheirRegistrationEntryPoints()
    {
        var forbidden = Solution.Modules.SelectMany(m => new[] { $"IntegratedCare.{m}.Domain", $"IntegratedCare.{m}.Application", $"IntegratedCare.{m}.Infrastructure.Grpc", $"IntegratedCare.{m}.Infrastructure.Persistence" }).ToArray();

        var result = Types.InAssembly(Solution.Host).That().DoNotResideInNamespace(WebUi).And().DoNotResideInNamespace(Fhir).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, ModuleBoundaryTests.Names(result));
    }

    /// <summary>
    /// The staff web UI (and the FHIR face) is an adapter like the gRPC services: it sends the modules' own requests through the
    /// mediator and shows their DTOs and vocabularies (ADR 0004). It never reaches a module's
    /// infrastructure, a DbContext or an aggregate.
    /// </summary>
    [Fact]
    public void WebUi_ReachesModulesOnlyThroughTheirRequests()
    {
        var aggregates = Solution.Layer("Domain").SelectMany(a => a.GetTypes())
            .Where(t => t.GetInterfaces().Contains(typeof(IAggregateRoot)))
            .Select(t => t.FullName!).ToList();
        var forbidden = Solution.Modules.Select(m => $"IntegratedCare.{m}.Infrastructure")
            .Append("Microsoft.EntityFrameworkCore")
            .Concat(aggregates).ToArray();

        var result = Types.InAssembly(Solution.Host).That().ResideInNamespace(WebUi).Or().ResideInNamespace(Fhir).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.NotEmpty(aggregates);
        Assert.True(result.IsSuccessful, ModuleBoundaryTests.Names(result));
    }
}
