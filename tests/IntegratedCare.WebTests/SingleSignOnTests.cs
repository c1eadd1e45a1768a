using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace IntegratedCare.WebTests;

/// <summary>
/// Single sign-on, proved: a host configured for an external authority signs staff in through a real
/// OpenID Connect provider on loopback (the code flow with PKCE), maps its role and agency claims to the
/// same staff roles, and offers no local sign-in at all.
/// </summary>
[Collection(StaffUiCollection.Name)]
public sealed class SingleSignOnTests(StaffUi ui)
{
    [Fact]
    public async Task Staff_SignInThroughTheirOrganisation_WithCodeAndPkce_TheirClaimsAreTheirRoles_AndLocalAccountsAreOff()
    {
        await using var provider = await TestOidcProvider.StartAsync();
        await using var host = await HostUnderTest.StartAsync(provider.HostSettings);
        await provider.RegisterClientAsync(host.WebAddress);
        provider.Users["olive"] = new("Olive-password-2026", "hb-olive-0001", "Olive Admin", ["system-admin"], null);

        // An administrator opens the UI: sent to the provider with a code request and a PKCE challenge.
        var admin = await PageAsync(host);
        var authorize = new List<string>();
        admin.Request += (_, request) =>
        {
            if (request.Url.Contains("/connect/authorize", StringComparison.Ordinal))
            {
                authorize.Add(request.Url);
            }
        };
        await admin.GotoAsync("/");
        await Assertions.Expect(admin).ToHaveURLAsync(new Regex("^" + Regex.Escape(provider.Authority) + "login"));
        var challenge = Assert.Single(authorize);
        Assert.Contains("response_type=code", challenge, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", challenge, StringComparison.Ordinal);
        Assert.Contains("code_challenge=", challenge, StringComparison.Ordinal);

        // A wrong password at the provider signs no one in.
        await SignInAtProviderAsync(admin, "olive", "not-olives-password");
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong user name or password.");
        await SignInAtProviderAsync(admin, "olive", "Olive-password-2026");
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "My work" })).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByText("Olive Admin")).ToBeVisibleAsync();
        var menu = admin.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(menu).ToContainTextAsync("Administration");
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Staff accounts" })).ToHaveCountAsync(0);

        // The provider's role is this system's role: the administrator sets up an area (its co-ordinator
        // named by the provider's account id) and an agency.
        await StaffUi.OpenAsync(admin, "/admin/areas", "Areas");
        await StaffUi.PickAsync(admin, "Kind", "Council area");
        await StaffUi.PickAsync(admin, "Jurisdiction (calendar)", "Scotland");
        await StaffUi.FillAsync(admin, "Name", "Dundee City");
        await StaffUi.FillAsync(admin, "Co-ordinator's account id", "hb-rhona-0002");
        await StaffUi.FillAsync(admin, "Co-ordinator's name", "Rhona Coordinator");
        await StaffUi.FillAsync(admin, "Co-ordinator's email", "rhona.coordinator@dundee.example");
        await StaffUi.ClickAsync(admin, "Add area");
        await Assertions.Expect(admin.GetByRole(AriaRole.Cell, new() { Name = "Rhona Coordinator", Exact = true })).ToBeVisibleAsync();
        await StaffUi.RegisterAgencyAsync(admin, "Tayside Addiction Service", "Specialist addiction service", "ADD01", "intake@addiction.example");
        var agencyId = await admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tayside Addiction Service" }).Locator("code").InnerTextAsync();

        // A case manager of that agency, as the provider says: the agency claim is the agency they act for.
        provider.Users["casey"] = new("Casey-password-2026", "hb-casey-0003", "Casey Manager", ["case-manager"], agencyId);
        var casey = await PageAsync(host);
        await casey.GotoAsync("/people/new");
        await SignInAtProviderAsync(casey, "casey", "Casey-password-2026");
        await Assertions.Expect(casey.GetByRole(AriaRole.Heading, new() { Name = "Register a person" })).ToBeVisibleAsync();
        var caseyMenu = casey.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(caseyMenu).ToContainTextAsync("People and plans");
        await Assertions.Expect(caseyMenu).Not.ToContainTextAsync("Administration");
        await StaffUi.FillAsync(casey, "Given name", "Elspeth");
        await StaffUi.FillAsync(casey, "Family name", "Moncrieff");
        await StaffUi.FillAsync(casey, "Date of birth", "1981-06-14");
        await StaffUi.ClickAsync(casey, "Register");
        await Assertions.Expect(casey.GetByRole(AriaRole.Heading, new() { Name = "Elspeth Moncrieff" })).ToBeVisibleAsync();
        await ui.ScreenshotAsync(casey, "31-single-sign-on");

        // Local accounts are off: no password form, no first-run page, and a posted password is not checked.
        var stranger = await PageAsync(host);
        await stranger.GotoAsync("/signin");
        await Assertions.Expect(stranger.GetByText("Staff sign in through your organisation's account.")).ToBeVisibleAsync();
        await Assertions.Expect(stranger.GetByLabel("Password")).ToHaveCountAsync(0);
        await stranger.GotoAsync("/setup");
        await Assertions.Expect(stranger.GetByText("IntegratedCare is set up already.")).ToBeVisibleAsync();
        await Assertions.Expect(stranger.GetByLabel("Set-up code")).ToHaveCountAsync(0);

        foreach (var page in new[] { admin, casey, stranger })
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<IPage> PageAsync(HostUnderTest host)
    {
        var context = await ui.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.WebAddress, ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    private static async Task SignInAtProviderAsync(IPage page, string user, string password)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test Health Board accounts" })).ToBeVisibleAsync();
        await page.GetByLabel("Account", new() { Exact = true }).FillAsync(user);
        await page.GetByLabel("Account password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your organisation" }).ClickAsync();
    }
}
