using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace IntegratedCare.WebTests;

/// <summary>
/// One host and one browser for the browser tests. Starting it does what a newcomer does after the
/// README: opens the printed URL, creates the first administrator with the printed code, and sets up an
/// area, two agencies and the staff who work the pathway, all through the administration pages.
/// </summary>
public sealed class StaffUi : IAsyncLifetime
{
    public const string AdminUser = "admin";
    public const string Password = "Correct-horse-battery-42";

    private IPlaywright? _playwright;

    public HostUnderTest Host { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The SMTP server on loopback the host sends its notification emails to.</summary>
    public IntegratedCare.Tests.Shared.LoopbackSmtpServer Mail { get; } = new();

    /// <summary>What partner systems set up over gRPC for a page to show (protocols, plans, actions).</summary>
    public PartnerSeed Seed { get; private set; } = default!;

    public string ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("WEB_TEST_SCREENSHOTS")
        ?? Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"The browser tests drive Debian's chromium at {chromium}: install it with 'apt-get install chromium' (.ci/run does), or set CHROMIUM_PATH.");
        }

        Host = await HostUnderTest.StartAsync(Mail.HostSettings);
        Seed = new PartnerSeed(Host);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

        await SetUpAsync();
    }

    public async Task DisposeAsync()
    {
        Seed?.Dispose();
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await Mail.DisposeAsync();
    }

    /// <summary>A fresh browser context (its own cookies), at laptop size unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Host.WebAddress, ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignedInAsync(string user, string password = Password)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, user, password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My work" })).ToBeVisibleAsync();
        return page;
    }

    public static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Goes to a page and waits for it to be live (its circuit connected and its heading shown).</summary>
    public static async Task OpenAsync(IPage page, string path, string heading)
    {
        await page.GotoAsync(path);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Picks an option of a MudBlazor select by its label and the option's text.</summary>
    public static async Task PickAsync(IPage page, string label, string option, int nth = 0)
    {
        await page.GetByLabel(label, new() { Exact = true }).Nth(nth).ClickAsync(new() { Force = true });
        var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First;
        await item.ClickAsync();

        // Settled before going on: the list closed (a multiple select stays open until one clicks away,
        // on its overlay). Until the server has rendered the close, a text field typed into next can
        // have its value reset by that render before its change is sent. No key is pressed to close a
        // single select (choosing closes it): a stray Escape is one more event the server handles while
        // the next field's change is in flight, and a render between the two reset that field.
        if (await page.Locator(".mud-popover-open .mud-list-item").CountAsync() > 0)
        {
            await page.Mouse.ClickAsync(page.ViewportSize!.Width - 20, page.ViewportSize.Height - 20);
        }

        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    public static async Task FillAsync(IPage page, string label, string value, int nth = 0)
    {
        var input = page.GetByLabel(label, new() { Exact = true }).Nth(nth);
        await input.FillAsync(value);
        await input.BlurAsync();

        // The text landed in the field (not in whatever took focus meanwhile): a lost value fails here, by name.
        await Assertions.Expect(input).ToHaveValueAsync(value);
    }

    public static async Task ClickAsync(IPage page, string button) =>
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    public async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>
    /// axe-core's WCAG 2.1 A and AA rules on the page as it stands; serious and critical findings fail,
    /// naming the rule and the elements.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: " + string.Join("\n", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")));

        // One main landmark on every page; behind the menu, a skip link to it (WCAG 2.4.1).
        await Assertions.Expect(page.Locator("main")).ToHaveCountAsync(1);
        if (await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).CountAsync() > 0)
        {
            await Assertions.Expect(page.Locator("a.skip-link[href='#main']")).ToHaveCountAsync(1);
        }
    }

    private async Task SetUpAsync()
    {
        var page = await NewPageAsync();
        try
        {
            await SetUpAsync(page);
        }
        catch (Exception ex)
        {
            await ScreenshotAsync(page, "00-set-up-failed");
            throw new InvalidOperationException($"Setting up through the administration pages failed on {page.Url}; see 00-set-up-failed.png. Host output:\n{Host.Output}", ex);
        }
    }

    private async Task SetUpAsync(IPage page)
    {
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await page.GotoAsync("/setup");
        await ScreenshotAsync(page, "01-first-run");
        await page.GetByLabel("Set-up code").FillAsync(await Host.SetupCodeAsync());
        await page.GetByLabel("Your name").FillAsync("Ada Administrator");
        await page.GetByLabel("User name").FillAsync(AdminUser);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Password again").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator and sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Staff accounts" })).ToBeVisibleAsync();

        await CreateAccountAsync(page, "Rhona Coordinator", "rhona", null, "Rehabilitation co-ordinator");
        await OpenAsync(page, "/admin/areas", "Areas");
        await FillAsync(page, "Name", "Dundee City");
        await PickAsync(page, "Kind", "Council area");
        await PickAsync(page, "Jurisdiction (calendar)", "Scotland");
        await PickAsync(page, "Rehabilitation co-ordinator", "Rhona Coordinator");
        await FillAsync(page, "Co-ordinator's email", "rhona.coordinator@dundee.example");
        await ClickAsync(page, "Add area");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Dundee City", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Scotland (Europe/London)" })).ToBeVisibleAsync();

        // The administrator loads a newer holidays file, in gov.uk's format, from the same page.
        const string Holidays = """
            {"england-and-wales": {"division": "england-and-wales", "events": [
              {"title": "Good Friday", "date": "2018-03-30", "notes": "", "bunting": false},
              {"title": "New Year’s Day", "date": "2031-01-01", "notes": "", "bunting": true}]}}
            """;
        await page.Locator("#holidays-file").SetInputFilesAsync(new FilePayload { Name = "bank-holidays.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(Holidays) });
        await Assertions.Expect(page.GetByText("Loaded bank-holidays.json.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "2018–2031" })).ToBeVisibleAsync();

        await RegisterAgencyAsync(page, "Tayside Addiction Service", "Specialist addiction service", "ADD01", "intake@addiction.example");
        await RegisterAgencyAsync(page, "Dundee Housing Options", "Housing and homelessness", "HOU01", "options@housing.example");
        await ScreenshotAsync(page, "02-admin-agencies");

        await CreateAccountAsync(page, "Casey Manager", "casey", "Tayside Addiction Service", "Case manager");
        await CreateAccountAsync(page, "Lena Linemanager", "lena", "Tayside Addiction Service", "Line manager");
        await CreateAccountAsync(page, "Lou Lockout", "lou", "Tayside Addiction Service", "Case manager");
        await CreateAccountAsync(page, "Hana Housing", "hana", "Dundee Housing Options", "Case manager");
        await CreateAccountAsync(page, "Iona Governance", "iona", "Tayside Addiction Service", "Information governance lead");
        await CreateAccountAsync(page, "Nora National", "nora", null, "National co-ordinator");
        await CreateAccountAsync(page, "Sam Subgroup", "sam", null, "Sub-group member");
        await ScreenshotAsync(page, "03-admin-staff");
        await page.Context.CloseAsync();
    }

    internal static async Task RegisterAgencyAsync(IPage page, string name, string type, string code, string email)
    {
        await OpenAsync(page, "/admin/agencies", "Agencies");

        // The selects first: closing a select's list re-renders the form, and a text field typed into just
        // before could lose its value to that render before its change reached the server.
        await PickAsync(page, "Type", type);
        await PickAsync(page, "Areas served", "Dundee City");
        await FillAsync(page, "Name", name);
        await FillAsync(page, "Organisation code", code);
        await FillAsync(page, "Contact email", email);
        await Assertions.Expect(page.GetByLabel("Contact email", new() { Exact = true })).ToHaveValueAsync(email);
        await ClickAsync(page, "Register");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true })).ToBeVisibleAsync();
    }

    private static async Task CreateAccountAsync(IPage page, string name, string user, string? agency, string role)
    {
        await OpenAsync(page, "/admin/staff", "Staff accounts");

        // The selects first, as for agencies: a select's closing render must not race the text fields.
        await PickAsync(page, "Roles", role);
        if (agency is not null)
        {
            await PickAsync(page, "Agency", agency);
        }

        await FillAsync(page, "Name", name);
        await FillAsync(page, "User name", user);
        await FillAsync(page, "Initial password", Password);
        await Assertions.Expect(page.GetByLabel("User name", new() { Exact = true })).ToHaveValueAsync(user);

        await ClickAsync(page, "Create");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = user, Exact = true })).ToBeVisibleAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class StaffUiCollection : ICollectionFixture<StaffUi>
{
    public const string Name = "staff web UI";
}
