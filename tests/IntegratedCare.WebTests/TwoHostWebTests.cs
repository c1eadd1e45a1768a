using IntegratedCare.Tests.Shared;
using Microsoft.Playwright;

namespace IntegratedCare.WebTests;

/// <summary>
/// The staff UI behind a load balancer: two shipped hosts on one PostgreSQL database, one browser. A sign-in
/// on one host holds on the other (the data protection keys that protect the cookie are in the database),
/// and wrong passwords count towards the lock-out whichever host they reach.
/// </summary>
public sealed class TwoHostWebTests : IAsyncLifetime
{
    private const string Password = "Correct-horse-battery-42";
    private readonly string _shared = Path.Combine(Path.GetTempPath(), "integratedcare-web-two", Guid.NewGuid().ToString("N"));
    private string? _database;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private HostUnderTest? _first;
    private HostUnderTest? _second;

    public async Task InitializeAsync()
    {
        if (TestPostgres.Server is null)
        {
            return;
        }

        Directory.CreateDirectory(_shared);
        _database = TestPostgres.CreateDatabase();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        foreach (var host in new[] { _first, _second })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        if (_database is not null)
        {
            TestPostgres.DropDatabase(_database);
        }

        try
        {
            Directory.Delete(_shared, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Both hosts on the one database and the one signing key, as the README's fleet section says.</summary>
    private Dictionary<string, string?> Settings() => new()
    {
        ["Database:Provider"] = "PostgreSql",
        ["Database:ConnectionString"] = _database,
        ["Authentication:SigningKeyPath"] = Path.Combine(_shared, "signing-key.pem"),
    };

    /// <summary>
    /// A home folder of its own for each host, as on two machines: ASP.NET Core's default key ring is a folder
    /// under it, which two processes on one machine would otherwise share and so hide keys not in the database.
    /// </summary>
    private Dictionary<string, string> Machine(string name)
    {
        var home = Path.Combine(_shared, name);
        Directory.CreateDirectory(home);
        return new() { ["HOME"] = home };
    }

    [PostgreSqlFact]
    public async Task ASignInOnOneHost_HoldsOnTheOther_AndWrongPasswordsCountAcrossBoth()
    {
        _first = await HostUnderTest.StartAsync(Settings(), Machine("first"));

        // The first administrator, made and signed in on the first host.
        var context = await _browser!.NewContextAsync();
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{_first.WebAddress}/setup");
        await page.GetByLabel("Set-up code").FillAsync(await _first.SetupCodeAsync());
        await page.GetByLabel("Your name").FillAsync("Ada Administrator");
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Password again").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator and sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Staff accounts" })).ToBeVisibleAsync();
        var path = new Uri(page.Url).PathAndQuery;

        // The same browser, its cookie issued by the first host, at the second host (same name, another port:
        // a browser sends a host's cookies to every port, as it would behind one load-balanced name).
        _second = await HostUnderTest.StartAsync(Settings(), Machine("second"));
        await page.GotoAsync($"{_second.WebAddress}{path}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Staff accounts" })).ToBeVisibleAsync();
        Assert.StartsWith(_second.WebAddress, page.Url, StringComparison.Ordinal);

        // Wrong passwords, alternately at each host, until the account locks: the right one is then refused at both.
        var stranger = await (await _browser.NewContextAsync()).NewPageAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(stranger, attempt % 2 == 0 ? _first : _second, "not-the-password");
        }

        foreach (var host in new[] { _first, _second })
        {
            await SignInAsync(stranger, host, Password);
            await Assertions.Expect(stranger.GetByText("This account is locked after repeated wrong passwords")).ToBeVisibleAsync();
        }
    }

    private static async Task SignInAsync(IPage page, HostUnderTest host, string password)
    {
        await page.GotoAsync($"{host.WebAddress}/signin");
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-alert, [role=alert]").First).ToBeVisibleAsync();
    }
}
