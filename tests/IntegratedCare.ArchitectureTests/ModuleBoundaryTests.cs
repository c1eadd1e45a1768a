using NetArchTest.Rules;

namespace IntegratedCare.ArchitectureTests;

public sealed class ModuleBoundaryTests
{
    public static TheoryData<string, string> Pairs => Solution.ModulePairs();

    [Theory]
    [MemberData(nameof(Pairs))]
    public void AModule_ReachesAnotherOnlyThroughItsContracts(string module, string other)
    {
        foreach (var layer in Solution.Layers)
        {
            var result = Types.InAssembly(Solution.Load(module, layer)).ShouldNot().HaveDependencyOnAny(
                $"IntegratedCare.{other}.Domain", $"IntegratedCare.{other}.Application", $"IntegratedCare.{other}.Infrastructure").GetResult();

            Assert.True(result.IsSuccessful, $"{module}.{layer} reaches into {other}: {Names(result)}");
        }
    }

    [Fact]
    public void Contracts_HoldNoModuleInternalsAndNoFrameworks()
    {
        foreach (var contracts in Solution.Layer("Contracts"))
        {
            var forbidden = Solution.Modules.SelectMany(m => new[] { $"IntegratedCare.{m}.Domain", $"IntegratedCare.{m}.Application", $"IntegratedCare.{m}.Infrastructure" })
                .Concat(["Microsoft.EntityFrameworkCore", "Grpc", "Microsoft.AspNetCore"]).ToArray();
            var result = Types.InAssembly(contracts).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

            Assert.True(result.IsSuccessful, $"{contracts.GetName().Name}: {Names(result)}");
        }
    }

    [Fact]
    public void ModuleAssemblies_ReferenceNoOtherModuleInternalsAtAll()
    {
        foreach (var module in Solution.Modules)
        {
            foreach (var layer in Solution.Layers)
            {
                var references = Solution.Load(module, layer).GetReferencedAssemblies().Select(r => r.Name!).ToList();
                var foreign = references.Where(r => r.StartsWith("IntegratedCare.", StringComparison.Ordinal)
                    && !r.StartsWith($"IntegratedCare.{module}.", StringComparison.Ordinal)
                    && !r.StartsWith("IntegratedCare.BuildingBlocks.", StringComparison.Ordinal)
                    && !r.EndsWith(".Contracts", StringComparison.Ordinal)).ToList();

                Assert.True(foreign.Count == 0, $"{module}.{layer} references {string.Join(", ", foreign)}");
            }
        }
    }

    /// <summary>
    /// BuildingBlocks keeps what every module shares: no module's tables, aggregates or use cases. Staff
    /// accounts and partner credentials are the Identity module's; the shared token check only asks
    /// whether a credential is revoked (<c>IRevokedCredentials</c>).
    /// </summary>
    [Fact]
    public void BuildingBlocks_HoldNoStaffAccountOrCredentialCode()
    {
        var buildingBlocks = new[] { "Domain", "Application", "Infrastructure", "Contracts" }
            .Select(l => System.Reflection.Assembly.Load($"IntegratedCare.BuildingBlocks.{l}"));
        var identity = buildingBlocks.SelectMany(a => a.GetTypes())
            .Where(t => t.Namespace?.Contains(".Identity", StringComparison.Ordinal) == true
                || t.Name.Contains("StaffAccount", StringComparison.Ordinal)
                || t.Name.Contains("SignIn", StringComparison.Ordinal)
                || (t.Name.Contains("Credential", StringComparison.Ordinal) && t.Name != "IRevokedCredentials"))
            .Where(t => !t.Name.StartsWith('<') && t.Namespace?.EndsWith(".Migrations", StringComparison.Ordinal) != true)
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(identity);
    }

    internal static string Names(TestResult result) => string.Join(", ", result.FailingTypeNames ?? []);
}
