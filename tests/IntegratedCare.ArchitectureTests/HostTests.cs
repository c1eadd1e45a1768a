using FluentValidation;
using IntegratedCare.BuildingBlocks.Domain;
using MediatR;
using NetArchTest.Rules;

namespace IntegratedCare.ArchitectureTests;

public sealed class HostTests
{
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

        var result = Types.InAssembly(Solution.Host).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, ModuleBoundaryTests.Names(result));
    }
}
