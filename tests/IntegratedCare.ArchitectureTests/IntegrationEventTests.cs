using IntegratedCare.BuildingBlocks.Contracts;
using MediatR;
using Xunit.Abstractions;

namespace IntegratedCare.ArchitectureTests;

/// <summary>
/// Every integration event a module publishes is heard by another module, or is on the list below with
/// the reason it is still published. The test prints each event with its subscribers.
/// </summary>
public sealed class IntegrationEventTests(ITestOutputHelper output)
{
    /// <summary>
    /// Published with no subscriber yet, and why. An event that gains a subscriber must leave this list;
    /// one that loses its last must join it with a reason, or be removed.
    /// </summary>
    private static readonly Dictionary<string, string> NotYetHeard = new()
    {
        ["AgencyRegisteredIntegrationEvent"] = "the outbox's durability tests subscribe to it; partner feeds of the agency register are planned",
        ["AgencyUpdatedIntegrationEvent"] = "caches of agencies are invalidated in process today; with several hosts (issue 19) each host's cache hears it",
        ["AgencyDeactivatedIntegrationEvent"] = "as AgencyUpdated",
        ["AreaCreatedIntegrationEvent"] = "as AgencyUpdated, for the areas' calendars",
        ["AreaUpdatedIntegrationEvent"] = "as AgencyUpdated, for the areas' calendars",
    };

    [Fact]
    public void EveryIntegrationEvent_IsHeardByAnotherModule_OrListedWithAReason()
    {
        var events = Solution.Layer("Contracts").SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
            .ToList();
        var handlers = Solution.Layer("Application").Concat(Solution.Layer("Infrastructure")).SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(INotificationHandler<>))
                .Select(i => (Event: i.GetGenericArguments()[0], Handler: t)))
            .ToList();

        var unheard = new List<string>();
        var stale = new List<string>();
        foreach (var e in events.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var publisher = Module(e);
            var subscribers = handlers.Where(h => h.Event == e && Module(h.Handler) != publisher).Select(h => $"{Module(h.Handler)}.{h.Handler.Name}").ToList();
            output.WriteLine($"{publisher}.{e.Name} → {(subscribers.Count == 0 ? "(none: " + NotYetHeard.GetValueOrDefault(e.Name, "NOT LISTED") + ")" : string.Join(", ", subscribers))}");
            if (subscribers.Count == 0 && !NotYetHeard.ContainsKey(e.Name))
            {
                unheard.Add(e.Name);
            }

            if (subscribers.Count > 0 && NotYetHeard.ContainsKey(e.Name))
            {
                stale.Add(e.Name);
            }
        }

        Assert.True(unheard.Count == 0, $"Published, heard by no other module, and not listed: {string.Join(", ", unheard)}");
        Assert.True(stale.Count == 0, $"Listed as not yet heard, but heard: {string.Join(", ", stale)}");
        Assert.Empty(NotYetHeard.Keys.Except(events.Select(e => e.Name)));
    }

    private static string Module(Type type) => type.Assembly.GetName().Name!.Split('.')[1];
}
