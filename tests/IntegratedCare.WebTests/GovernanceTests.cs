using Microsoft.Playwright;

namespace IntegratedCare.WebTests;

/// <summary>Information governance in the browser: a refused read is on the person's disclosure log, which exports for a subject access request.</summary>
[Collection(StaffUiCollection.Name)]
public sealed class GovernanceTests(StaffUi ui)
{
    [Fact]
    public async Task TheGovernanceLead_FindsARefusedRead_OnThePersonsLog_AndExportsItForASubjectAccessRequest()
    {
        var person = await ui.Seed.RegisteredPersonAsync("Morag", "Kinnear", "1983-07-19");

        // Housing has no part in Morag's care: its case manager opens her record's address and is refused.
        var hana = await ui.SignedInAsync("hana");
        await hana.GotoAsync($"/people/{person}");
        await Assertions.Expect(hana.GetByTestId("problem")).ToBeVisibleAsync();
        await Assertions.Expect(hana.GetByText("Morag")).ToHaveCountAsync(0);
        await hana.Context.CloseAsync();

        // The addiction service's governance lead finds her and reads who has seen her record.
        var iona = await ui.SignedInAsync("iona");
        await Assertions.Expect(iona.GetByRole(AriaRole.Heading, new() { Name = "Information governance", Level = 2 })).ToBeVisibleAsync();

        // The skip link is the first thing in the tab order (ahead of the menu), shows itself when focused,
        // and Enter takes a keyboard user past the menu to the page itself. (The router focuses the heading
        // after a navigation, so where the first Tab lands depends on timing: the order is checked instead.)
        var skip = iona.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        Assert.Equal("Skip to main content", await iona.EvaluateAsync<string>(
            "() => document.querySelector('a[href], button:not([disabled]), input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex=\"-1\"])')?.textContent?.trim()"));
        await skip.FocusAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        await iona.Keyboard.PressAsync("Enter");
        await Assertions.Expect(iona.Locator("main#main")).ToBeFocusedAsync();
        await iona.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Information governance" }).ClickAsync();
        await Assertions.Expect(iona.GetByRole(AriaRole.Heading, new() { Name = "Information governance" })).ToBeVisibleAsync();
        await StaffUi.FillAsync(iona, "Family name", "Kinnear");
        await StaffUi.FillAsync(iona, "Given name", "Morag");
        await StaffUi.ClickAsync(iona, "Search");
        await iona.GetByRole(AriaRole.Row).Filter(new() { HasText = "Morag Kinnear" }).GetByRole(AriaRole.Link, new() { Name = "Who has seen this record" }).ClickAsync();
        await Assertions.Expect(iona.GetByRole(AriaRole.Heading, new() { Name = "Who has seen Morag Kinnear's record" })).ToBeVisibleAsync();

        var log = iona.GetByTestId("disclosure-log");
        var refusal = log.GetByRole(AriaRole.Row).Filter(new() { HasText = "Hana Housing" }).Filter(new() { HasText = "Viewed the person's identity" });
        await Assertions.Expect(refusal.First).ToContainTextAsync("Dundee Housing Options");
        await Assertions.Expect(refusal.First).ToContainTextAsync("Refused");
        await Assertions.Expect(refusal.First).ToContainTextAsync("No care relationship: not told the person exists");
        await Assertions.Expect(log.GetByRole(AriaRole.Row).Filter(new() { HasText = "Created the person's identity" })).ToContainTextAsync("Allowed");
        await ui.ScreenshotAsync(iona, "20-disclosure-log");
        await StaffUi.AssertAccessibleAsync(iona);

        await iona.GetByLabel("Refused only").CheckAsync();
        await Assertions.Expect(log.GetByRole(AriaRole.Row).Filter(new() { HasText = "Allowed" })).ToHaveCountAsync(0);
        await Assertions.Expect(refusal.First).ToBeVisibleAsync();

        var download = await iona.RunAndWaitForDownloadAsync(() => StaffUi.ClickAsync(iona, "Export for a subject access request (CSV)"));
        Assert.StartsWith($"disclosure-log-{person}", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.StartsWith("OccurredAtUtc,Who,ActorId", csv[0], StringComparison.Ordinal);
        Assert.Contains(csv, line => line.Contains("Hana Housing", StringComparison.Ordinal) && line.Contains("Refused", StringComparison.Ordinal) && line.Contains("Dundee Housing Options", StringComparison.Ordinal));

        // Sign-in attempts on the agency's accounts: Iona's own, and not housing's.
        await StaffUi.OpenAsync(iona, "/governance", "Information governance");
        var signIns = iona.GetByTestId("sign-in-attempts");
        await Assertions.Expect(signIns.GetByRole(AriaRole.Row).Filter(new() { HasText = "Iona Governance" }).First).ToContainTextAsync("Signed in");
        await Assertions.Expect(signIns.GetByRole(AriaRole.Row).Filter(new() { HasText = "Hana Housing" })).ToHaveCountAsync(0);
        await StaffUi.AssertAccessibleAsync(iona);

        // Housing's case manager may not read Morag's log, nor reach the governance page.
        var again = await ui.SignedInAsync("hana");
        await again.GotoAsync($"/people/{person}/disclosures");
        await Assertions.Expect(again.GetByTestId("problem")).ToBeVisibleAsync();
        await Assertions.Expect(again.GetByTestId("disclosure-log").GetByRole(AriaRole.Row)).ToHaveCountAsync(0);
        await Assertions.Expect(again.GetByRole(AriaRole.Link, new() { Name = "Information governance" })).ToHaveCountAsync(0);
        await again.Context.CloseAsync();
    }
}
