using Microsoft.Playwright;

namespace IntegratedCare.WebTests;

[Collection(StaffUiCollection.Name)]
public sealed class SignInTests(StaffUi ui)
{
    [Fact]
    public async Task SignIn_WithTheRightPassword_OpensMyWork_AndPagesCheckTheRole()
    {
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/admin/staff");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await ui.ScreenshotAsync(page, "04-sign-in");
        await StaffUi.AssertAccessibleAsync(page);

        await StaffUi.SignInAsync(page, "casey", StaffUi.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My work" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My caseload" })).ToBeVisibleAsync();

        // Meetings are the co-ordinators' and committees': a case manager is not offered a page that would refuse them.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Gaps and blocks" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Meetings" })).ToHaveCountAsync(0);

        // A case manager is not an administrator: the page says so rather than showing staff accounts.
        await page.GotoAsync("/admin/staff");
        await Assertions.Expect(page.GetByText("Your roles do not allow this page")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_WithWrongPasswords_IsRefused_AndTheAccountLocksAfterFive()
    {
        var page = await ui.NewPageAsync();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await StaffUi.SignInAsync(page, "lou", "not-the-password-" + attempt);
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The user name or password is wrong.");
        }

        await StaffUi.SignInAsync(page, "lou", "not-the-password-5");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("locked");

        // Locked means locked: the right password does not open it until the lock ends or an administrator unlocks it.
        await StaffUi.SignInAsync(page, "lou", StaffUi.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("locked");
    }

    [Fact]
    public async Task MyWork_ReadsOnATablet_WithTheMenuBehindItsButton()
    {
        var page = await ui.NewPageAsync(width: 820, height: 1180);
        await StaffUi.SignInAsync(page, "lena", StaffUi.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forms waiting for your endorsement" })).ToBeVisibleAsync();
        await ui.ScreenshotAsync(page, "13-my-work-tablet");
        await StaffUi.AssertAccessibleAsync(page);

        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Show or hide the menu" });
        var people = page.GetByRole(AriaRole.Link, new() { Name = "People and plans" });
        var wasVisible = await people.IsVisibleAsync();
        await menu.ClickAsync();
        await Assertions.Expect(people).ToBeVisibleAsync(new() { Visible = !wasVisible });
    }
}
