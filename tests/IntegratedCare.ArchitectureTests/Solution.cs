using System.Reflection;

namespace IntegratedCare.ArchitectureTests;

/// <summary>The assemblies of the solution, found by the naming rule of docs/architecture.md (IntegratedCare.&lt;Module&gt;.&lt;Layer&gt;).</summary>
internal static class Solution
{
    public static readonly string[] Modules = ["Assessment", "CarePlan", "GapsAndBlocks", "Identity", "Notifications", "Protocols"];

    public static readonly string[] Layers = ["Domain", "Application", "Infrastructure", "Contracts"];

    public static Assembly Host => typeof(Program).Assembly;

    public static Assembly Load(string module, string layer) => Assembly.Load($"IntegratedCare.{module}.{layer}");

    public static IEnumerable<Assembly> Layer(string layer) => Modules.Select(m => Load(m, layer));

    public static IEnumerable<Assembly> ModuleAssemblies => Modules.SelectMany(m => Layers.Select(l => Load(m, l)));

    public static IEnumerable<Type> RequestTypes => Layer("Application").Concat(Layer("Contracts")).SelectMany(a => a.GetTypes())
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(MediatR.IRequest<>)));

    public static TheoryData<string, string> ModulePairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var module in Modules)
        {
            foreach (var other in Modules.Where(o => o != module))
            {
                data.Add(module, other);
            }
        }

        return data;
    }
}
