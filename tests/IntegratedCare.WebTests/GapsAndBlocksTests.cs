using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using IntegratedCare.GapsBlocks.V1;
using IntegratedCare.Protocols.V1;
using Microsoft.Playwright;

namespace IntegratedCare.WebTests;

[Collection(StaffUiCollection.Name)]
public sealed class GapsAndBlocksTests(StaffUi ui)
{
    [Fact]
    public async Task AForm_IsRefusedWhileItNamesSomeone_ThenClimbsTheLadderToTheSubGroup()
    {
        var casey = await ui.SignedInAsync("casey");
        await StaffUi.OpenAsync(casey, "/people/new", "Register a person");
        await StaffUi.FillAsync(casey, "Given name", "Euan");
        await StaffUi.FillAsync(casey, "Family name", "Blackwood");
        await StaffUi.FillAsync(casey, "Date of birth", "1979-02-11");
        await StaffUi.ClickAsync(casey, "Register");
        await Assertions.Expect(casey.GetByRole(AriaRole.Heading, new() { Name = "Euan Blackwood" })).ToBeVisibleAsync();
        var euan = new Uri(casey.Url).AbsolutePath.Split('/')[^1];

        await StaffUi.OpenAsync(casey, "/gaps/new", "Gaps and blocks form");
        await StaffUi.PickAsync(casey, "Area", "Dundee City");
        await StaffUi.FillAsync(casey, "Project", "Tayside Addiction Service");
        await StaffUi.FillAsync(casey, "Case manager's name", "Casey Manager");
        await StaffUi.FillAsync(casey, "Case manager's email", "casey.manager@addiction.example");
        await casey.GetByLabel("Overview (at most three lines)").PressSequentiallyAsync("Euan Blackwood has waited 9 weeks for a tenancy.");

        // The check runs as the user types and names what it found, without echoing it.
        var findings = casey.GetByTestId("anonymity-findings");
        await Assertions.Expect(findings).ToContainTextAsync("Overview: a registered person's name at characters 1–14");
        await ui.ScreenshotAsync(casey, "09-gaps-form-refused");

        await StaffUi.FillAsync(casey, "1. Who", "Housing options officer");
        await StaffUi.FillAsync(casey, "What", "Asked for a supported tenancy");
        await StaffUi.FillAsync(casey, "Outcome", "No supported tenancies in the area");
        await StaffUi.FillAsync(casey, "Date", DateTime.Today.AddDays(-7).ToString("yyyy-MM-dd"), nth: 1);
        await StaffUi.FillAsync(casey, "Current situation", "The person is sofa surfing while in treatment.");
        await StaffUi.FillAsync(casey, "Recommendations", "Commission supported tenancies for people in recovery.");
        await StaffUi.PickAsync(casey, "Category", "Housing");
        await StaffUi.PickAsync(casey, "Kind", "Resource gap");
        await StaffUi.PickAsync(casey, "Agencies involved", "Dundee Housing Options");

        // Saving is refused too: the server checks again, names the field, and stores nothing.
        await StaffUi.ClickAsync(casey, "Save form");
        await Assertions.Expect(casey.GetByTestId("problem")).ToContainTextAsync("Overview contains a registered person's name");
        Assert.EndsWith("/gaps/new", casey.Url);

        await StaffUi.FillAsync(casey, "Overview (at most three lines)", "A person in treatment has waited 9 weeks for a supported tenancy.");
        await Assertions.Expect(findings).ToHaveCountAsync(0);
        await StaffUi.ClickAsync(casey, "Save form");
        await Assertions.Expect(casey.GetByTestId("form-stage")).ToContainTextAsync("Draft");
        var formUrl = casey.Url;
        await ui.ScreenshotAsync(casey, "10-gaps-form");
        await StaffUi.AssertAccessibleAsync(casey);

        await casey.GetByLabel("Attestation: with whom the form was discussed (staff team or a peer case manager)").FillAsync("Discussed with the staff team at Tuesday's meeting.");
        await StaffUi.ClickAsync(casey, "Attest and submit to line manager");
        await Assertions.Expect(casey.GetByTestId("form-stage")).ToContainTextAsync("Awaiting endorsement");

        // The case manager is not offered to endorse their own form: only the holder of a stage moves it
        // (the server refuses it too; the integration tests send it).
        await Assertions.Expect(casey.GetByRole(AriaRole.Button, new() { Name = "Endorse" })).ToHaveCountAsync(0);
        await Assertions.Expect(casey.GetByTestId("form-holder")).ToContainTextAsync("with the line manager");

        var lena = await ui.SignedInAsync("lena");
        await Assertions.Expect(lena.GetByRole(AriaRole.Link, new() { Name = "Open" })).ToHaveCountAsync(1);
        await lena.GotoAsync(formUrl);
        await StaffUi.ClickAsync(lena, "Endorse");
        await Assertions.Expect(lena.GetByTestId("form-stage")).ToContainTextAsync("With coordinator");

        // Defect 1: the co-ordinator finds the form in My work ("Forms with you") and in the Gaps and blocks
        // list, neither naming an area, and opens it from there.
        var rhona = await ui.SignedInAsync("rhona");
        var formLink = rhona.Locator($"a[href='{new Uri(formUrl).AbsolutePath}']");
        await StaffUi.OpenAsync(rhona, "/gaps", "Gaps and blocks");
        await Assertions.Expect(formLink.First).ToBeVisibleAsync();
        await StaffUi.OpenAsync(rhona, "/", "My work");
        var withYou = rhona.GetByRole(AriaRole.Heading, new() { Name = "Forms with you (ten-day clock)" });
        await Assertions.Expect(withYou).ToBeVisibleAsync();
        await formLink.First.ClickAsync();

        // More detail, asked and given: the co-ordinator asks; the case manager finds it in her tray, says
        // whom it is about and under which of their consents, and answers; the co-ordinator reads it.
        await StaffUi.FillAsync(rhona, "What you need to know", "Which detox unit is discharging, and when?");
        await StaffUi.ClickAsync(rhona, "Ask for more detail");
        await Assertions.Expect(rhona.GetByTestId("detail-request")).ToContainTextAsync("Waiting for the case manager");
        var consent = await ui.Seed.ConsentToHousingAsync(euan);
        await StaffUi.OpenAsync(casey, "/", "My work");
        await Assertions.Expect(casey.GetByTestId("detail-waiting")).ToContainTextAsync("One request for more detail waits for your answer");
        await StaffUi.OpenAsync(rhona, "/", "My work");
        await Assertions.Expect(rhona.GetByTestId("detail-waiting")).ToContainTextAsync("One request for more detail that you asked is still unanswered");
        await StaffUi.OpenAsync(rhona, new Uri(formUrl).AbsolutePath, "Gaps and blocks form");
        await casey.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "More detail" }).ClickAsync();
        await Assertions.Expect(casey.GetByTestId("count-waiting")).ToHaveTextAsync("1 waiting for an answer");
        await StaffUi.AssertAccessibleAsync(casey);
        await casey.GetByRole(AriaRole.Link, new() { Name = "Open the form: Which detox unit is discharging, and when?" }).ClickAsync();
        var request = casey.GetByTestId("detail-request");
        await StaffUi.FillAsync(casey, "Family name", "Blackwood");
        await StaffUi.FillAsync(casey, "Given name", "Euan");
        await StaffUi.ClickAsync(casey, "Search");
        await StaffUi.ClickAsync(casey, "Choose Euan Blackwood");
        await Assertions.Expect(casey.GetByTestId("detail-person")).ToContainTextAsync("About Euan Blackwood");
        await Assertions.Expect(request).ToContainTextAsync($"Written consent recorded"); // the one consent in force is chosen for her
        await Assertions.Expect(request).ToContainTextAsync($"(reference {consent[..8]})");
        await StaffUi.FillAsync(casey, "The detail", "Discharged from the Tayside detox unit on Friday.");
        await StaffUi.ClickAsync(casey, "Give the detail");
        await Assertions.Expect(request).ToContainTextAsync($"under consent reference {consent[..8]}: Discharged from the Tayside detox unit on Friday.");
        await StaffUi.AssertAccessibleAsync(casey);
        await rhona.ReloadAsync();
        await Assertions.Expect(rhona.GetByTestId("detail-request")).ToContainTextAsync("Discharged from the Tayside detox unit on Friday.");
        await ui.ScreenshotAsync(rhona, "11a-gaps-more-detail");

        await StaffUi.ClickAsync(rhona, "Raise to sub-group");
        await Assertions.Expect(rhona.GetByTestId("form-stage")).ToContainTextAsync("At sub group");
        await Assertions.Expect(rhona.GetByTestId("form-holder")).ToContainTextAsync("with the sub-group");
        await ui.ScreenshotAsync(rhona, "11-gaps-form-at-sub-group");

        // On to NDRIC and back. The report back awaits both acknowledgements; each party is offered only
        // its own, and the form says who it still waits for.
        await StaffUi.ClickAsync(rhona, "Refer to NDRIC");
        await Assertions.Expect(rhona.GetByTestId("form-stage")).ToContainTextAsync("At NDRIC");
        var nora = await ui.SignedInAsync("nora");
        await nora.GotoAsync(formUrl);
        await Assertions.Expect(nora.GetByTestId("form-stage")).ToContainTextAsync("At NDRIC");
        await Assertions.Expect(nora.GetByTestId("more-detail")).ToHaveCountAsync(0);
        await Assertions.Expect(nora.GetByText("Discharged from the Tayside detox unit")).ToHaveCountAsync(0);
        await nora.GetByLabel("Comment, resolution or decision").FillAsync("Commission a supported tenancy pilot.");
        await StaffUi.ClickAsync(nora, "Record NDRIC's actions");
        await Assertions.Expect(nora.GetByTestId("form-stage")).ToContainTextAsync("Reporting back");
        await rhona.ReloadAsync();
        await rhona.GetByLabel("Comment, resolution or decision").FillAsync("The pilot starts in spring.");
        await StaffUi.ClickAsync(rhona, "Report back");
        await Assertions.Expect(rhona.GetByTestId("form-holder")).ToContainTextAsync("with the sub-group and the case manager");
        await Assertions.Expect(rhona.GetByRole(AriaRole.Button, new() { Name = "Acknowledge as case manager" })).ToHaveCountAsync(0);
        await StaffUi.ClickAsync(rhona, "Acknowledge for the sub-group");
        await Assertions.Expect(rhona.GetByTestId("form-holder")).ToContainTextAsync("with the case manager");
        await Assertions.Expect(rhona.GetByRole(AriaRole.Button, new() { Name = "Acknowledge for the sub-group" })).ToHaveCountAsync(0);
        await casey.GotoAsync(formUrl);
        await Assertions.Expect(casey.GetByRole(AriaRole.Button, new() { Name = "Acknowledge for the sub-group" })).ToHaveCountAsync(0);
        await StaffUi.ClickAsync(casey, "Acknowledge as case manager");
        await Assertions.Expect(casey.GetByTestId("form-stage")).ToContainTextAsync("Closed");
        await Assertions.Expect(casey.GetByTestId("form-holder")).ToHaveCountAsync(0);
        await Assertions.Expect(casey.GetByText("Nobody")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheReportsPage_DrawsItsCharts_AndDownloadsCsv()
    {
        await SeedHousingFormsAsync(6);
        var page = await ui.SignedInAsync("rhona");
        await StaffUi.OpenAsync(page, "/reports", "Planning reports");
        await StaffUi.ClickAsync(page, "Show");
        await Assertions.Expect(page.Locator("[data-testid=chart-forms] svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=chart-time] svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Total" })).ToBeVisibleAsync();

        // Enough housing forms to pass suppression: a bar is drawn for them, and the table shows the count.
        var housing = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Housing" });
        await Assertions.Expect(housing).ToHaveCountAsync(1);
        Assert.NotEqual("withheld", await housing.GetByRole(AriaRole.Cell).Nth(1).InnerTextAsync());
        await Assertions.Expect(page.Locator("[data-testid=chart-forms] .mud-chart-bar").First).ToBeVisibleAsync();
        await ui.ScreenshotAsync(page, "12-reports");
        await StaffUi.AssertAccessibleAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => StaffUi.ClickAsync(page, "CSV"));
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var path = await download.PathAsync();
        var csv = await File.ReadAllTextAsync(path!);
        Assert.StartsWith("category,", csv, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Forms raised and endorsed over gRPC (as a partner's case management system would), for the reports page to count.</summary>
    private async Task SeedHousingFormsAsync(int count)
    {
        using var channel = GrpcChannel.ForAddress(ui.Host.GrpcAddress);
        var admin = new AgencyService.AgencyServiceClient(channel.Intercept(Bearer(await ui.Host.MintAsync("--role", "system-admin"))));
        var area = (await admin.ListAreasAsync(new ListAreasRequest())).Areas.Single(a => a.Name == "Dundee City");
        var addiction = (await admin.ListAgenciesAsync(new ListAgenciesRequest())).Agencies.Single(a => a.Name == "Tayside Addiction Service");
        var forms = new GapsBlocksService.GapsBlocksServiceClient(channel.Intercept(Bearer(await ui.Host.MintAsync("--role", "case-manager", "--agency", addiction.AgencyId, "--subject", "seed-case-manager"))));
        var lineManager = new GapsBlocksService.GapsBlocksServiceClient(channel.Intercept(Bearer(await ui.Host.MintAsync("--role", "line-manager", "--agency", addiction.AgencyId, "--subject", "seed-line-manager"))));
        for (var i = 0; i < count; i++)
        {
            var draft = await forms.CreateFormAsync(new CreateFormRequest
            {
                Form = new FormFields
                {
                    AreaId = area.AreaId, ProjectName = "Tayside Addiction Service", FormDate = DateTime.Today.ToString("yyyy-MM-dd"),
                    CaseManager = new CaseManagerContact { Name = "Seed Case Manager", Email = "seed@addiction.example" },
                    Overview = $"Supported tenancies are not available for people in treatment ({i + 1}).",
                    Actions = { new ActionStep { Who = "Housing options", What = "Asked for a supported tenancy", Outcome = "None available", Date = DateTime.Today.ToString("yyyy-MM-dd") } },
                    CurrentSituation = "Waiting.", Recommendations = "Commission supported tenancies.",
                    Category = FormCategory.Housing, Kind = FormKind.ResourceGap, AgenciesInvolved = { addiction.AgencyId },
                },
            });
            var attested = await forms.AttestAsync(new LadderStepRequest { FormId = draft.FormId, ExpectedVersion = draft.Version, Text = "Discussed with the staff team" });

            // Endorsed, it counts as submitted: the planning reports count submitted forms.
            await lineManager.EndorseAsync(new LadderStepRequest { FormId = draft.FormId, ExpectedVersion = attested.Version });
        }
    }

    private static Func<Metadata, Metadata> Bearer(string token) => metadata =>
    {
        metadata.Add("authorization", $"Bearer {token}");
        return metadata;
    };
}
