using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace IntegratedCare.WebTests;

/// <summary>A partner worker's notifications: in the inbox, by email through the real SMTP path, and the email's link opening the notice.</summary>
[Collection(StaffUiCollection.Name)]
public sealed partial class NotificationTests(StaffUi ui)
{
    [Fact]
    public async Task NewWork_ComesToTheInbox_AndByEmail_WhoseLinkOpensIt_AndTheEmailSaysNothingElse()
    {
        var hana = await ui.SignedInAsync("hana");
        await hana.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Notifications") }).ClickAsync();
        await Assertions.Expect(hana.GetByRole(AriaRole.Heading, new() { Name = "Notifications", Level = 1 })).ToBeVisibleAsync();

        // An email each needs an address: refused by field, nothing saved.
        await StaffUi.PickAsync(hana, "Send me", "An email for each notification");
        await StaffUi.ClickAsync(hana, "Save email choice");
        await Assertions.Expect(hana.GetByTestId("problem")).ToContainTextAsync("Email");
        await StaffUi.FillAsync(hana, "Work email address", "hana@housing.example");
        await StaffUi.ClickAsync(hana, "Save email choice");
        await Assertions.Expect(hana.GetByTestId("saved")).ToContainTextAsync("an email for each notification goes to hana@housing.example");
        await StaffUi.AssertAccessibleAsync(hana);

        // The addiction service gives housing an action: new work for Hana's agency.
        await ui.Seed.PlanWithHousingActionsAsync("Fiona", "Baird", "1979-01-30", ("Rent arrears advice", 7));
        var mail = await ui.Mail.WaitForAsync("hana@housing.example", TimeSpan.FromSeconds(60));
        var body = mail.TextBody ?? string.Empty;
        var reference = Reference().Match(mail.Subject ?? string.Empty).Groups[1].Value;
        Assert.Equal($"IntegratedCare: a new notification (reference {reference})", mail.Subject);
        foreach (var leak in new[] { "Fiona", "Baird", "Rent arrears", "action", "housing" })
        {
            Assert.DoesNotContain(leak, mail.Subject + body.Replace("hana@housing.example", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        }

        var link = Link().Match(body);
        Assert.True(link.Success, body);
        Assert.StartsWith(ui.Host.WebAddress, link.Value, StringComparison.Ordinal);

        // In the inbox: unread, with the same reference, saying what it is (and no one's name).
        await hana.ReloadAsync();
        var row = hana.GetByRole(AriaRole.Row).Filter(new() { HasText = reference });
        await Assertions.Expect(row).ToContainTextAsync("New action for your agency on a care plan, due by");
        await Assertions.Expect(row).ToContainTextAsync("Unread");
        await Assertions.Expect(row).Not.ToContainTextAsync("Fiona");
        await Assertions.Expect(hana.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToContainTextAsync("unread");
        await ui.ScreenshotAsync(hana, "30-notifications");

        // The email's link opens the notice: it is marked read and the worktray it is about opens.
        await hana.GotoAsync(link.Value);
        await Assertions.Expect(hana.GetByRole(AriaRole.Heading, new() { Name = "Actions for my agency" })).ToBeVisibleAsync();
        await Assertions.Expect(hana.GetByRole(AriaRole.Row).Filter(new() { HasText = "Rent arrears advice" })).ToContainTextAsync("Fiona Baird");
        await StaffUi.OpenAsync(hana, "/notifications", "Notifications");
        await Assertions.Expect(hana.GetByRole(AriaRole.Row).Filter(new() { HasText = reference })).ToContainTextAsync("Read");
        await Assertions.Expect(hana.GetByRole(AriaRole.Row).Filter(new() { HasText = reference })).Not.ToContainTextAsync("Unread");

        // Someone else following Hana's link finds nothing there.
        var casey = await ui.SignedInAsync("casey");
        await casey.GotoAsync(link.Value);
        await Assertions.Expect(casey.GetByTestId("problem")).ToBeVisibleAsync();
        await Assertions.Expect(casey.GetByRole(AriaRole.Link, new() { Name = "Back to your notifications" })).ToBeVisibleAsync();
        await casey.Context.CloseAsync();
        await hana.Context.CloseAsync();
    }

    [GeneratedRegex(@"reference ([0-9A-F]{8})")]
    private static partial Regex Reference();

    [GeneratedRegex(@"https?://\S+/notifications/[0-9a-f-]{36}")]
    private static partial Regex Link();
}
