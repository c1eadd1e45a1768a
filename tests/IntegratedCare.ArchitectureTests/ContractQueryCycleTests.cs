using MediatR;
using NetArchTest.Rules;

namespace IntegratedCare.ArchitectureTests;

/// <summary>
/// Modules ask each other Contracts queries one way only. A cycle (Protocols asking Assessment while
/// Assessment asks Protocols) hides a runtime loop, makes neither module understandable alone, and
/// turns any change of one into a change of both (ADR 0008).
/// </summary>
public sealed class ContractQueryCycleTests
{
    [Fact]
    public void ContractQueriesBetweenModules_FormNoCycle()
    {
        var graph = QueryGraph();

        var cycle = FindCycle(graph);

        Assert.True(cycle is null, $"Contracts queries run in a cycle: {string.Join(" → ", cycle ?? [])}. Edges: {Describe(graph)}");
    }

    [Fact]
    public void TheGraph_SeesTheQueriesModulesAsk()
    {
        // Guards the test above against finding nothing: these edges exist and must be seen.
        var graph = QueryGraph();

        Assert.Contains("Protocols", graph["Assessment"]);
        Assert.Contains("Protocols", graph["CarePlan"]);
        Assert.Contains("Protocols", graph["Identity"]);
    }

    /// <summary>Module → the modules whose Contracts queries its Application or Infrastructure code uses.</summary>
    internal static Dictionary<string, HashSet<string>> QueryGraph()
    {
        var graph = Solution.Modules.ToDictionary(m => m, _ => new HashSet<string>());
        foreach (var owner in Solution.Modules)
        {
            var queries = Solution.Load(owner, "Contracts").GetTypes()
                .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))
                .Select(t => t.FullName!)
                .ToArray();
            if (queries.Length == 0)
            {
                continue;
            }

            foreach (var asker in Solution.Modules.Where(m => m != owner))
            {
                var asks = new[] { "Application", "Infrastructure" }
                    .Any(layer => Types.InAssembly(Solution.Load(asker, layer)).That().HaveDependencyOnAny(queries).GetTypes().Any());
                if (asks)
                {
                    graph[asker].Add(owner);
                }
            }
        }

        return graph;
    }

    internal static IReadOnlyList<string>? FindCycle(IReadOnlyDictionary<string, HashSet<string>> graph)
    {
        var state = graph.Keys.ToDictionary(k => k, _ => 0); // 0 unseen, 1 on the path, 2 done
        var path = new Stack<string>();

        IReadOnlyList<string>? Visit(string node)
        {
            state[node] = 1;
            path.Push(node);
            foreach (var next in graph[node].Order(StringComparer.Ordinal))
            {
                if (state[next] == 1)
                {
                    return path.Reverse().SkipWhile(n => n != next).Append(next).ToList();
                }

                if (state[next] == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.Pop();
            state[node] = 2;
            return null;
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (state[node] == 0 && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    [Fact]
    public void FindCycle_FindsOne_WhenTwoModulesAskEachOther()
    {
        var graph = new Dictionary<string, HashSet<string>> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = ["A"] };

        Assert.Equal(["A", "B", "C", "A"], FindCycle(graph));
        Assert.Null(FindCycle(new Dictionary<string, HashSet<string>> { ["A"] = ["B"], ["B"] = [], ["C"] = ["A", "B"] }));
    }

    private static string Describe(Dictionary<string, HashSet<string>> graph) =>
        string.Join("; ", graph.Where(kv => kv.Value.Count > 0).Select(kv => $"{kv.Key} → {string.Join(", ", kv.Value.Order(StringComparer.Ordinal))}"));
}
