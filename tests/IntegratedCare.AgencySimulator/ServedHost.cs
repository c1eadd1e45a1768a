using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IntegratedCare.AgencySimulator;

/// <summary>
/// The real host served on Kestrel in a process of its own, on the simulated time of a <see cref="SharedClock"/>:
/// what <see cref="TwoHostSystem"/> starts twice and kills with SIGKILL. Only the clock differs from the
/// shipped host: <c>dotnet IntegratedCare.AgencySimulator.dll --serve-host N CLOCK-FILE Key=Value…</c>.
/// </summary>
internal sealed class ServedHost(IReadOnlyList<KeyValuePair<string, string>> settings, TimeProvider clock) : WebApplicationFactory<global::Program>
{
    public const string Command = "--serve-host";

    /// <summary>Printed once the host serves, for the parent to wait for.</summary>
    public const string Ready = "integratedcare: serving";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(s => s.AddSingleton(clock));
    }

    public static async Task<int> ServeAsync(string[] args)
    {
        if (args.Length < 3 || !int.TryParse(args[1], out var number) || !File.Exists(args[2]))
        {
            await Console.Error.WriteLineAsync($"usage: {Command} HOST-NUMBER CLOCK-FILE [Key=Value…]");
            return 2;
        }

        var settings = args.Skip(3).Select(a => a.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], p.Length > 1 ? p[1] : string.Empty)).ToList();
        using var shared = SharedClock.Open(args[2]);
        var clock = new FakeTimeProvider(shared.Now);
        await using var host = new ServedHost(settings, clock);
        host.UseKestrel();
        host.StartServer();
        Console.WriteLine(Ready);

        // Follow the test's clock until killed: each step forward fires this host's due timers, as Advance does in process.
        using var stdin = Console.OpenStandardInput();
        var parentGone = Task.Run(() => stdin.ReadByte());
        while (!parentGone.IsCompleted)
        {
            var target = shared.Now;
            var now = clock.GetUtcNow();
            if (target > now)
            {
                clock.Advance(target - now);
            }

            shared.Observe(number, clock.GetUtcNow());
            await Task.Delay(2);
        }

        return 0;
    }
}
