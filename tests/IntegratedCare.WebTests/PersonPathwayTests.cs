using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace IntegratedCare.WebTests;

[Collection(StaffUiCollection.Name)]
public sealed class PersonPathwayTests(StaffUi ui)
{
    private static readonly string[] Domains =
    [
        "Drug use", "Alcohol use", "Physical health", "Mental health", "Housing and accommodation", "Education and literacy",
        "Employment and training", "Finance and benefits", "Family and children", "Criminal justice", "Relationships and social support",
    ];

    [Fact]
    public async Task OnePerson_FromRegistration_ThroughAnSsa_ToAnActiveCarePlan()
    {
        var page = await ui.SignedInAsync("casey");
        var born = new DateOnly(1984, 7, 19);

        // Register, with an identifier checked by its published rule.
        await StaffUi.OpenAsync(page, "/people/new", "Register a person");
        await StaffUi.FillAsync(page, "Given name", "Morag");
        await StaffUi.FillAsync(page, "Family name", "Thistlewood");
        await StaffUi.FillAsync(page, "Date of birth", born.ToString("yyyy-MM-dd"));
        await StaffUi.PickAsync(page, "Identifier", "CHI number");
        await StaffUi.FillAsync(page, "Identifier number", "1907840000");
        await StaffUi.ClickAsync(page, "Register");
        await Assertions.Expect(page.GetByTestId("problem")).ToContainTextAsync("Identifiers 1 value the CHI check digit does not match");
        await StaffUi.FillAsync(page, "Identifier number", Chi.For(born));
        await StaffUi.ClickAsync(page, "Register");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Morag Thistlewood" })).ToBeVisibleAsync();
        var personUrl = page.Url;

        // The same person again, without the identifier: the register warns before making a second record.
        await StaffUi.OpenAsync(page, "/people/new", "Register a person");
        await StaffUi.FillAsync(page, "Given name", "Morag");
        await StaffUi.FillAsync(page, "Family name", "Thistlewood");
        await StaffUi.FillAsync(page, "Date of birth", born.ToString("yyyy-MM-dd"));
        await StaffUi.ClickAsync(page, "Register");
        await Assertions.Expect(page.GetByTestId("duplicate-warning")).ToBeVisibleAsync();
        await ui.ScreenshotAsync(page, "05-duplicate-warning");

        // The SSA, domain by domain.
        await page.GotoAsync(personUrl);
        await StaffUi.ClickAsync(page, "Start an SSA");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Single shared assessment" })).ToBeVisibleAsync();
        foreach (var domain in Domains)
        {
            await page.GetByText($"{domain} — not yet assessed").ClickAsync();
            var need = domain is "Drug use" or "Housing and accommodation" ? "Moderate" : "Low";
            var panel = page.Locator(".mud-expand-panel").Filter(new() { HasText = $"{domain} — " });
            await panel.Locator(".mud-radio").Filter(new() { HasText = need }).ClickAsync();
            await panel.GetByLabel("Notes").FillAsync($"Discussed {domain.ToLowerInvariant()} at the first appointment.");
            await StaffUi.ClickAsync(page, $"Save {domain}");
            await Assertions.Expect(page.GetByText($"{domain} — {need} need")).ToBeVisibleAsync();
        }

        await ui.ScreenshotAsync(page, "06-ssa");
        await StaffUi.AssertAccessibleAsync(page);

        // While one is in progress the person's page offers no second SSA (the register would refuse it);
        // the registering agency is offered consent.
        var ssaUrl = page.Url;
        await page.GotoAsync(personUrl);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Record consent" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start an SSA" })).ToHaveCountAsync(0);
        await page.GotoAsync(ssaUrl);
        await StaffUi.FillAsync(page, "Assessor's name", "Casey Manager");
        await StaffUi.FillAsync(page, "Assessor's role", "Case manager");
        await StaffUi.ClickAsync(page, "Complete assessment");
        await Assertions.Expect(page.GetByText("This assessment is complete.")).ToBeVisibleAsync();

        // Completion proposes a care plan (delivered through the outbox).
        await page.GotoAsync(personUrl);
        var plan = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Episode 1") });
        for (var attempt = 0; attempt < 40 && await plan.CountAsync() == 0; attempt++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Care plans" })).ToBeVisibleAsync();
        }

        await ui.ScreenshotAsync(page, "07-person");
        await plan.ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-status")).ToContainTextAsync("Draft");

        // Agree the proposed goals, record the person's agreement, activate.
        while (await page.GetByRole(AriaRole.Button, new() { Name = "Agree goal" }).CountAsync() > 0)
        {
            var before = await page.GetByRole(AriaRole.Button, new() { Name = "Agree goal" }).CountAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Agree goal" }).First.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Agree goal" })).ToHaveCountAsync(before - 1);
        }

        await page.GetByRole(AriaRole.Tab, new() { Name = "Agreement" }).ClickAsync();
        var today = DateTime.Today.ToString("yyyy-MM-dd");
        await StaffUi.FillAsync(page, "Agreed on", today);
        await StaffUi.FillAsync(page, "Copy received on", today);
        await StaffUi.FillAsync(page, "In the person's own words", "I want somewhere safe to live and to cut down.");
        await StaffUi.ClickAsync(page, "Record agreement");
        await Assertions.Expect(page.GetByText("The person agreed this plan")).ToBeVisibleAsync();
        await StaffUi.ClickAsync(page, "Activate plan");
        await Assertions.Expect(page.GetByTestId("plan-status")).ToContainTextAsync("Active");
        await ui.ScreenshotAsync(page, "08-care-plan");
        await StaffUi.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Pathway and history" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "History" })).ToBeVisibleAsync();
    }
}

/// <summary>A valid CHI number for a date of birth: DDMMYY, three digits, and the modulus 11 check digit.</summary>
internal static class Chi
{
    public static string For(DateOnly born)
    {
        for (var serial = 101; serial < 999; serial++)
        {
            var nine = born.ToString("ddMMyy") + serial.ToString("000");
            var sum = nine.Select((c, i) => (c - '0') * (10 - i)).Sum();
            var check = 11 - (sum % 11);
            if (check == 10)
            {
                continue;
            }

            return nine + (check == 11 ? 0 : check);
        }

        throw new InvalidOperationException("no CHI number for that date");
    }
}
