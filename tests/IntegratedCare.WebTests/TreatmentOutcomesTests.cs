using Microsoft.Playwright;

namespace IntegratedCare.WebTests;

/// <summary>The lead case manager takes a person's Treatment Outcomes Profiles in the browser and reads each item's change; a partner's staff see only their part.</summary>
[Collection(StaffUiCollection.Name)]
public sealed class TreatmentOutcomesTests(StaffUi ui)
{
    [Fact]
    public async Task TheLeadCaseManager_TakesProfilesAtStartAndReview_AndSeesEachItemsChange_WhileHousingSeesOnlyItsPart()
    {
        var (_, planId) = await ui.Seed.PlanWithHousingActionsAsync("Morag", "Fraser", "1979-02-02", ("Housing support visit", 5));
        var casey = await ui.SignedInAsync("casey");
        await StaffUi.OpenAsync(casey, $"/careplans/{planId}", "Integrated care plan");
        await casey.GetByRole(AriaRole.Tab, new() { Name = "Outcomes (TOP)" }).ClickAsync();
        await Assertions.Expect(casey.GetByText("No Treatment Outcomes Profile has been taken for this plan yet.")).ToBeVisibleAsync();

        // At the start, for the 28 days four weeks ago: refused until the person's ratings are given.
        await StaffUi.FillAsync(casey, "Last day of the 28", DateTime.Today.AddDays(-28).ToString("yyyy-MM-dd"));
        await StaffUi.FillAsync(casey, "Opiates", "20");
        await StaffUi.FillAsync(casey, "Days injected", "10");
        await casey.GetByLabel("Acute housing problem").CheckAsync();
        await StaffUi.ClickAsync(casey, "Record profile");
        await Assertions.Expect(casey.GetByTestId("problem")).ToBeVisibleAsync();
        await Assertions.Expect(casey.GetByTestId("top-trend")).ToHaveCountAsync(0);
        await StaffUi.FillAsync(casey, "Psychological health", "5");
        await StaffUi.FillAsync(casey, "Physical health", "7");
        await StaffUi.FillAsync(casey, "Quality of life", "4");
        await StaffUi.ClickAsync(casey, "Record profile");
        await Assertions.Expect(casey.GetByTestId("top-trend")).ToBeVisibleAsync();
        await Assertions.Expect(casey.GetByTestId("top-change-opiates")).ToContainTextAsync("Not yet measured twice");

        // At the review, for the 28 days to today: each item against the start.
        await StaffUi.FillAsync(casey, "Last day of the 28", DateTime.Today.ToString("yyyy-MM-dd"));
        await StaffUi.FillAsync(casey, "Opiates", "3");
        await StaffUi.FillAsync(casey, "Psychological health", "9");
        await StaffUi.FillAsync(casey, "Physical health", "7");
        await StaffUi.FillAsync(casey, "Quality of life", "12");
        await StaffUi.ClickAsync(casey, "Record profile");
        await Assertions.Expect(casey.GetByTestId("top-change-opiates")).ToContainTextAsync("-17 (better)");
        await Assertions.Expect(casey.GetByTestId("top-change-injecting-days")).ToContainTextAsync("-10 (better)");
        await Assertions.Expect(casey.GetByTestId("top-change-quality-of-life")).ToContainTextAsync("+8 (better)");
        await Assertions.Expect(casey.GetByTestId("top-change-physical-health")).ToContainTextAsync("No change");
        await Assertions.Expect(casey.GetByTestId("top-change-acute-housing-problem")).ToContainTextAsync("Better (now no)");
        await Assertions.Expect(casey.GetByTestId("top-withheld")).ToHaveCountAsync(0);
        await ui.ScreenshotAsync(casey, "16-treatment-outcomes");
        await StaffUi.AssertAccessibleAsync(casey);
        await casey.Context.CloseAsync();

        // Housing's staff: the housing answers, no substance use, offending or ratings, and no form.
        var hana = await ui.SignedInAsync("hana");
        await StaffUi.OpenAsync(hana, $"/careplans/{planId}", "Integrated care plan");
        await hana.GetByRole(AriaRole.Tab, new() { Name = "Outcomes (TOP)" }).ClickAsync();
        await Assertions.Expect(hana.GetByTestId("top-change-acute-housing-problem")).ToContainTextAsync("Better (now no)");
        await Assertions.Expect(hana.GetByTestId("top-withheld")).ToContainTextAsync("Substance use");
        await Assertions.Expect(hana.GetByTestId("top-change-opiates")).ToHaveCountAsync(0);
        await Assertions.Expect(hana.GetByTestId("top-change-quality-of-life")).ToHaveCountAsync(0);
        await Assertions.Expect(hana.GetByRole(AriaRole.Button, new() { Name = "Record profile" })).ToHaveCountAsync(0);
        await StaffUi.AssertAccessibleAsync(hana);
        await hana.Context.CloseAsync();

        // The national co-ordinator's outcome report: drawn, one person is withheld, and the CSV says the same.
        var nora = await ui.SignedInAsync("nora");
        await StaffUi.OpenAsync(nora, "/reports/outcomes", "Outcome report");
        await StaffUi.PickAsync(nora, "By", "Tier");
        await StaffUi.ClickAsync(nora, "Show");
        await Assertions.Expect(nora.Locator("[data-testid=chart-outcomes] svg").First).ToBeVisibleAsync();
        var total = nora.GetByTestId("outcome-report").GetByRole(AriaRole.Row).Filter(new() { HasText = "Total" });
        await Assertions.Expect(total).ToHaveCountAsync(1);
        await Assertions.Expect(total.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("withheld");
        await StaffUi.AssertAccessibleAsync(nora);
        var download = await nora.RunAndWaitForDownloadAsync(() => StaffUi.ClickAsync(nora, "CSV"));
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("group,people,", csv, StringComparison.Ordinal);

        // And waiting times against the three-week standard, drawn and tabled.
        await StaffUi.OpenAsync(nora, "/reports/waiting-times", "Waiting times");
        await StaffUi.ClickAsync(nora, "Show");
        await Assertions.Expect(nora.Locator("[data-testid=chart-waiting] svg").First).ToBeVisibleAsync();
        await Assertions.Expect(nora.GetByTestId("waiting-report").GetByRole(AriaRole.Row).Filter(new() { HasText = "Total" })).ToHaveCountAsync(1);
        await Assertions.Expect(nora.GetByText("Standard: 90% within 21 days.", new() { Exact = false })).ToBeVisibleAsync();
        await ui.ScreenshotAsync(nora, "17-waiting-times");
        await StaffUi.AssertAccessibleAsync(nora);
        await nora.Context.CloseAsync();
    }
}
