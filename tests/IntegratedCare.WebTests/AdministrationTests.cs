using Microsoft.Playwright;

namespace IntegratedCare.WebTests;

/// <summary>The administrator changes what they set up: an agency's details, its deactivation, a staff member's roles.</summary>
[Collection(StaffUiCollection.Name)]
public sealed class AdministrationTests(StaffUi ui)
{
    [Fact]
    public async Task TheAdministrator_ChangesAnAgency_DeactivatesIt_AndChangesAStaffMembersRoles()
    {
        var admin = await ui.SignedInAsync(StaffUi.AdminUser);
        await StaffUi.OpenAsync(admin, "/admin/agencies", "Agencies");
        // Plain words for every code: an NHS type is "NHS primary care", never "Nhs primary care".
        await admin.GetByLabel("Type", new() { Exact = true }).ClickAsync(new() { Force = true });
        var options = admin.Locator(".mud-popover-open .mud-list-item");
        await Assertions.Expect(options.Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^NHS primary care$") })).ToHaveCountAsync(1);
        await Assertions.Expect(options.Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("Nhs") })).ToHaveCountAsync(0);
        await admin.Keyboard.PressAsync("Escape");
        await Assertions.Expect(options).ToHaveCountAsync(0);
        await StaffUi.PickAsync(admin, "Type", "Voluntary sector");
        await StaffUi.PickAsync(admin, "Areas served", "Dundee City");
        await StaffUi.FillAsync(admin, "Name", "Broughty Ferry Recovery Cafe");
        await StaffUi.FillAsync(admin, "Contact email", "hello@cafe.example");
        await StaffUi.ClickAsync(admin, "Register");
        var cafe = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "Broughty Ferry Recovery Cafe" });
        await Assertions.Expect(cafe).ToContainTextAsync("hello@cafe.example");

        await cafe.GetByRole(AriaRole.Button, new() { Name = "Change Broughty Ferry Recovery Cafe" }).ClickAsync();
        await Assertions.Expect(admin.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Broughty Ferry Recovery Cafe");
        await StaffUi.FillAsync(admin, "Contact email", "not an email");
        await StaffUi.ClickAsync(admin, "Save changes");
        await Assertions.Expect(admin.GetByTestId("problem")).ToContainTextAsync("Contact email");
        await StaffUi.FillAsync(admin, "Contact email", "referrals@cafe.example");
        await StaffUi.ClickAsync(admin, "Save changes");
        await Assertions.Expect(cafe).ToContainTextAsync("referrals@cafe.example");

        await cafe.GetByRole(AriaRole.Button, new() { Name = "Deactivate Broughty Ferry Recovery Cafe" }).ClickAsync();
        await StaffUi.ClickAsync(admin, "Deactivate agency");
        await Assertions.Expect(admin.GetByTestId("problem")).ToContainTextAsync("Reason");
        await StaffUi.FillAsync(admin, "Why it is deactivated", "The cafe closed in November.");
        await StaffUi.ClickAsync(admin, "Deactivate agency");
        await Assertions.Expect(cafe).ToContainTextAsync("Deactivated");
        await Assertions.Expect(cafe).ToContainTextAsync("The cafe closed in November.");
        await Assertions.Expect(cafe.GetByRole(AriaRole.Button, new() { Name = "Deactivate Broughty Ferry Recovery Cafe" })).ToHaveCountAsync(0);
        await StaffUi.AssertAccessibleAsync(admin);

        // An area's co-ordinator's phone is corrected; the area keeps its co-ordinator and calendar.
        await StaffUi.OpenAsync(admin, "/admin/areas", "Areas");
        var dundee = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "Dundee City" });
        await dundee.GetByRole(AriaRole.Button, new() { Name = "Change Dundee City" }).ClickAsync();
        await Assertions.Expect(admin.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Dundee City");
        await StaffUi.FillAsync(admin, "Co-ordinator's phone", "01382 000111");
        await StaffUi.ClickAsync(admin, "Save changes");
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Add an area" })).ToBeVisibleAsync();
        await Assertions.Expect(dundee).ToContainTextAsync("Rhona Coordinator");
        await Assertions.Expect(dundee).ToContainTextAsync("Scotland");

        // A new worker is made a line manager too.
        await StaffUi.OpenAsync(admin, "/admin/staff", "Staff accounts");
        await StaffUi.PickAsync(admin, "Roles", "Case manager");
        await StaffUi.PickAsync(admin, "Agency", "Tayside Addiction Service");
        await StaffUi.FillAsync(admin, "Name", "Tam Worker");
        await StaffUi.FillAsync(admin, "User name", "tam");
        await StaffUi.FillAsync(admin, "Initial password", StaffUi.Password);
        await StaffUi.ClickAsync(admin, "Create");
        var tam = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tam Worker" });
        await Assertions.Expect(tam).ToContainTextAsync("Case manager");
        await tam.GetByRole(AriaRole.Button, new() { Name = "Change roles of tam" }).ClickAsync();
        await StaffUi.PickAsync(admin, "New roles", "Line manager");
        await StaffUi.ClickAsync(admin, "Save roles");
        await Assertions.Expect(admin.GetByTestId("roles-editor")).ToHaveCountAsync(0);
        await Assertions.Expect(tam).ToContainTextAsync("Case manager, Line manager");
        await StaffUi.AssertAccessibleAsync(admin);
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task TheAdministrator_MakesAnInterAgencyProtocol_ChangesItsTerms_ActivatesAndEndsIt()
    {
        var admin = await ui.SignedInAsync(StaffUi.AdminUser);
        await StaffUi.OpenAsync(admin, "/admin/protocols", "Protocols and information sharing");
        await admin.GetByRole(AriaRole.Tab, new() { Name = "Inter-agency protocols" }).ClickAsync();
        await StaffUi.PickAsync(admin, "Party agency types", "Voluntary sector");
        await StaffUi.PickAsync(admin, "Unit", "Working days");
        await StaffUi.FillAsync(admin, "Name", "Recovery cafe referrals");
        await StaffUi.FillAsync(admin, "Referral criteria", "A person in treatment who wants peer support.");
        await StaffUi.FillAsync(admin, "Respond within", "5");
        await StaffUi.FillAsync(admin, "Escalation contact (role)", "Cafe manager");
        await StaffUi.FillAsync(admin, "Escalation email", "manager@cafe.example");
        await StaffUi.FillAsync(admin, "Review by", "2031-06-30");
        await StaffUi.ClickAsync(admin, "Create");

        // One party is no protocol: refused, in words, and nothing is made.
        await Assertions.Expect(admin.GetByTestId("problem")).ToContainTextAsync("at least two parties");
        await Assertions.Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "Recovery cafe referrals" })).ToHaveCountAsync(0);
        await StaffUi.PickAsync(admin, "Party agency types", "Specialist addiction service");
        await StaffUi.ClickAsync(admin, "Create");
        await ui.ScreenshotAsync(admin, "32-inter-agency-protocols");
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "Recovery cafe referrals" });
        await Assertions.Expect(row).ToContainTextAsync("5 Working days");
        await Assertions.Expect(row).ToContainTextAsync("Draft");

        // Change the terms: the form holds them, a bad value is refused by field, a good one is saved.
        await row.GetByRole(AriaRole.Button, new() { Name = "Change Recovery cafe referrals" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Change Recovery cafe referrals" })).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByLabel("Referral criteria", new() { Exact = true })).ToHaveValueAsync("A person in treatment who wants peer support.");
        await StaffUi.FillAsync(admin, "Escalation email", "not an email");
        await StaffUi.ClickAsync(admin, "Save changes");
        await Assertions.Expect(admin.GetByTestId("problem")).ToContainTextAsync("mail");
        await StaffUi.FillAsync(admin, "Escalation email", "manager@cafe.example");
        await StaffUi.FillAsync(admin, "Respond within", "3");
        await StaffUi.ClickAsync(admin, "Save changes");
        await Assertions.Expect(row).ToContainTextAsync("3 Working days");
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "New inter-agency protocol" })).ToBeVisibleAsync();
        await StaffUi.AssertAccessibleAsync(admin);

        // Activate, then end it: an ended protocol can be changed no more.
        await row.GetByRole(AriaRole.Button, new() { Name = "Activate" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Active");
        await row.GetByRole(AriaRole.Button, new() { Name = "End Recovery cafe referrals" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Expired");
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Change Recovery cafe referrals" })).ToHaveCountAsync(0);
        await admin.Context.CloseAsync();
    }
}
