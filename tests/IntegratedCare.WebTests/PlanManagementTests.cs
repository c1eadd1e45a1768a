using Microsoft.Playwright;

namespace IntegratedCare.WebTests;

/// <summary>The lead agency manages a plan in the browser: edits a goal, codes a variance and hands it to gaps and blocks, moves the stage, sets the review interval, takes over as lead, closes it.</summary>
[Collection(StaffUiCollection.Name)]
public sealed class PlanManagementTests(StaffUi ui)
{
    [Fact]
    public async Task TheLeadAgencysCaseManager_EditsAGoal_CodesAndHandsOnAVariance_AndManagesThePlanToItsClose()
    {
        var (_, planId) = await ui.Seed.PlanWithHousingActionsAsync("Ailsa", "Munro", "1988-04-04", ("Tenancy support visit", -11));
        await PartnerSeed.EventuallyAsync(async () => (await ui.Seed.PlanAsync(planId)).Variances.FirstOrDefault(v => v.Kind == IntegratedCare.CarePlan.V1.VarianceKind.Overdue));

        // A partner agency's staff are offered none of it.
        var hana = await ui.SignedInAsync("hana");
        await StaffUi.OpenAsync(hana, $"/careplans/{planId}", "Integrated care plan");
        await Assertions.Expect(hana.GetByRole(AriaRole.Tab, new() { Name = "Manage the plan" })).ToHaveCountAsync(0);
        await hana.GetByRole(AriaRole.Tab, new() { Name = "Variances (1)" }).ClickAsync();
        await Assertions.Expect(hana.GetByTestId("variances")).ToContainTextAsync("Not coded yet");
        await Assertions.Expect(hana.GetByRole(AriaRole.Button, new() { Name = "Code it" })).ToHaveCountAsync(0);
        await hana.Context.CloseAsync();

        var casey = await ui.SignedInAsync("casey");
        await StaffUi.OpenAsync(casey, $"/careplans/{planId}", "Integrated care plan");

        // Edit a goal's text, measure and target date.
        var housingGoal = casey.GetByRole(AriaRole.Row).Filter(new() { HasText = "Housing and accommodation" });
        await housingGoal.GetByRole(AriaRole.Button).Filter(new() { HasText = "Edit" }).ClickAsync();
        await StaffUi.FillAsync(casey, "Goal text", "A settled tenancy of her own");
        await StaffUi.FillAsync(casey, "Measure: how we will know", "Tenancy signed and held for three months");
        await StaffUi.FillAsync(casey, "New target date", DateTime.Today.AddMonths(4).ToString("yyyy-MM-dd"));
        await StaffUi.ClickAsync(casey, "Save goal");
        await Assertions.Expect(casey.GetByTestId("goal-editor")).ToHaveCountAsync(0);
        await Assertions.Expect(housingGoal).ToContainTextAsync("A settled tenancy of her own");
        await Assertions.Expect(housingGoal).ToContainTextAsync("Tenancy signed and held for three months");

        // The plan printed for the person: their goals and who helps, and a line for the copy received.
        await casey.GetByRole(AriaRole.Link, new() { Name = "Printable plan for the person" }).ClickAsync();
        var printable = casey.GetByTestId("printable-plan");
        await Assertions.Expect(casey.GetByRole(AriaRole.Heading, new() { Name = "My care plan: Ailsa Munro" })).ToBeVisibleAsync();
        await Assertions.Expect(printable).ToContainTextAsync("A settled tenancy of her own");
        await Assertions.Expect(printable).ToContainTextAsync("Tenancy support visit — Dundee Housing Options");
        await Assertions.Expect(casey.GetByTestId("copy-received")).ToContainTextAsync("A copy received on:");
        await StaffUi.AssertAccessibleAsync(casey);
        await casey.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(casey.GetByRole(AriaRole.Button, new() { Name = "Print" })).ToBeHiddenAsync();
        await Assertions.Expect(casey.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeHiddenAsync();
        await casey.EmulateMediaAsync(new() { Media = Media.Screen });
        await StaffUi.OpenAsync(casey, $"/careplans/{planId}", "Integrated care plan");

        // Code the overdue action's variance, refused without a reason, then hand it to gaps and blocks.
        await casey.GetByRole(AriaRole.Tab, new() { Name = "Variances (1)" }).ClickAsync();
        var variance = casey.GetByTestId("variances").GetByRole(AriaRole.Row).Filter(new() { HasText = "Tenancy support visit" });
        await Assertions.Expect(variance).ToContainTextAsync("Overdue");
        await variance.GetByRole(AriaRole.Button, new() { Name = "Code variance: Overdue Tenancy support visit" }).ClickAsync();
        await StaffUi.ClickAsync(casey, "Save reason");
        await Assertions.Expect(casey.GetByTestId("problem")).ToContainTextAsync("Reason");
        await StaffUi.PickAsync(casey, "Reason", "Waiting list");
        await StaffUi.FillAsync(casey, "Note (optional)", "Support provider's list is eight weeks");
        await StaffUi.ClickAsync(casey, "Save reason");
        await Assertions.Expect(variance).ToContainTextAsync("Waiting list (Support provider's list is eight weeks)");
        await variance.GetByRole(AriaRole.Button, new() { Name = "Hand to gaps and blocks: Overdue Tenancy support visit" }).ClickAsync();
        await Assertions.Expect(variance).ToContainTextAsync("Handed over");
        await StaffUi.AssertAccessibleAsync(casey);

        // Stage, review interval, lead case manager, and closing the plan.
        await casey.GetByRole(AriaRole.Tab, new() { Name = "Manage the plan" }).ClickAsync();
        await StaffUi.PickAsync(casey, "Stage", "Intervention");
        await StaffUi.ClickAsync(casey, "Move to stage");
        await Assertions.Expect(casey.GetByTestId("plan-status")).ToContainTextAsync("stage Intervention");
        await StaffUi.FillAsync(casey, "Review every (weeks)", "8");
        await StaffUi.ClickAsync(casey, "Set review interval");
        await Assertions.Expect(casey.GetByTestId("problem")).ToHaveCountAsync(0);
        await Assertions.Expect(casey.GetByLabel("Review every (weeks)")).ToHaveValueAsync("8");
        await StaffUi.ClickAsync(casey, "Make me the lead case manager");
        await Assertions.Expect(casey.GetByTestId("lead-case-manager")).ToHaveTextAsync("Casey Manager");
        await StaffUi.AssertAccessibleAsync(casey);

        // Now on Casey's caseload, by name, with its overdue action counted.
        await StaffUi.OpenAsync(casey, "/", "My work");
        await Assertions.Expect(casey.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ailsa Munro" })).ToContainTextAsync("1 overdue");
        await StaffUi.OpenAsync(casey, $"/careplans/{planId}", "Integrated care plan");
        await casey.GetByRole(AriaRole.Tab, new() { Name = "Manage the plan" }).ClickAsync();

        await StaffUi.ClickAsync(casey, "Close the plan (exit)");
        await Assertions.Expect(casey.GetByTestId("problem")).ToContainTextAsync("Reason");
        await StaffUi.FillAsync(casey, "Reason", "Moved out of the area; care handed to the Fife service.");
        await StaffUi.ClickAsync(casey, "Close the plan (exit)");
        await Assertions.Expect(casey.GetByTestId("plan-status")).Not.ToContainTextAsync("Draft");
        await Assertions.Expect(casey.GetByText("Closed: Moved out of the area; care handed to the Fife service.")).ToBeVisibleAsync();
        await Assertions.Expect(casey.GetByRole(AriaRole.Button, new() { Name = "Revoke plan" })).ToHaveCountAsync(0);
        await ui.ScreenshotAsync(casey, "21-plan-managed");

        // The history names who changed the plan, not their ids.
        await casey.GetByRole(AriaRole.Tab, new() { Name = "Pathway and history" }).ClickAsync();
        await Assertions.Expect(casey.GetByRole(AriaRole.Row).Filter(new() { HasText = "Casey Manager" }).First).ToBeVisibleAsync();

        var plan = await ui.Seed.PlanAsync(planId);
        Assert.Equal(IntegratedCare.CarePlan.V1.CarePlanStatus.Completed, plan.Status);
        Assert.Contains(plan.Pathway, s => s.Stage == IntegratedCare.CarePlan.V1.PathwayStage.Intervention);
        Assert.Equal(8, plan.ReviewIntervalWeeks);
        Assert.Contains(plan.Goals, g => g.Description == "A settled tenancy of her own");
        await casey.Context.CloseAsync();
    }
}

/// <summary>The registering agency corrects a person's details; an agency on the SSA raises and clears a risk flag.</summary>
[Collection(StaffUiCollection.Name)]
public sealed class RecordEditingTests(StaffUi ui)
{
    [Fact]
    public async Task TheRegisteringAgency_CorrectsThePersonsDetails_AndNoOtherAgencyMay()
    {
        var person = await ui.Seed.RegisteredPersonAsync("Fiona", "Baird", "1991-09-09");
        var casey = await ui.SignedInAsync("casey");
        await StaffUi.OpenAsync(casey, $"/people/{person}", "Fiona Baird");
        await casey.GetByRole(AriaRole.Link, new() { Name = "Correct their details" }).ClickAsync();
        await Assertions.Expect(casey.GetByRole(AriaRole.Heading, new() { Name = "Correct Fiona Baird's details" })).ToBeVisibleAsync();
        await Assertions.Expect(casey.GetByLabel("Date of birth", new() { Exact = true })).ToHaveValueAsync("1991-09-09");

        // A bad date is refused by its field, and nothing is stored.
        await StaffUi.FillAsync(casey, "Known as", "Fi");
        await StaffUi.FillAsync(casey, "Given name", "");
        await StaffUi.ClickAsync(casey, "Save details");
        await Assertions.Expect(casey.GetByTestId("problem")).ToContainTextAsync("Given name");

        // The refusal's render comes from the server's copy of the form: it still holds what was typed.
        await Assertions.Expect(casey.GetByLabel("Known as", new() { Exact = true })).ToHaveValueAsync("Fi");
        await StaffUi.FillAsync(casey, "Given name", "Fiona");
        await StaffUi.FillAsync(casey, "Town", "Broughty Ferry");
        await StaffUi.AssertAccessibleAsync(casey);
        await StaffUi.ClickAsync(casey, "Save details");
        await Assertions.Expect(casey.GetByRole(AriaRole.Heading, new() { Name = "Fiona Baird" })).ToBeVisibleAsync();
        await StaffUi.OpenAsync(casey, $"/people/{person}/edit", "Correct Fiona Baird's details");
        await Assertions.Expect(casey.GetByLabel("Known as", new() { Exact = true })).ToHaveValueAsync("Fi");
        await Assertions.Expect(casey.GetByLabel("Town", new() { Exact = true })).ToHaveValueAsync("Broughty Ferry");
        await casey.Context.CloseAsync();

        var hana = await ui.SignedInAsync("hana");
        await hana.GotoAsync($"/people/{person}/edit");
        await Assertions.Expect(hana.GetByTestId("problem")).ToBeVisibleAsync();
        await Assertions.Expect(hana.GetByRole(AriaRole.Button, new() { Name = "Save details" })).ToHaveCountAsync(0);
        await Assertions.Expect(hana.GetByText("Broughty Ferry")).ToHaveCountAsync(0);
        await hana.Context.CloseAsync();
    }

    [Fact]
    public async Task ACaseManager_RaisesAndClearsARiskFlagOnTheSsaInProgress_AndAnotherAgencySeesNothing()
    {
        var person = await ui.Seed.RegisteredPersonAsync("Morven", "Crichton", "1986-11-30");
        var casey = await ui.SignedInAsync("casey");
        await StaffUi.OpenAsync(casey, $"/people/{person}", "Morven Crichton");
        await StaffUi.ClickAsync(casey, "Start an SSA");
        await Assertions.Expect(casey.GetByRole(AriaRole.Heading, new() { Name = "Single shared assessment" })).ToBeVisibleAsync();
        var flags = casey.GetByTestId("risk-flags");
        await Assertions.Expect(flags).ToContainTextAsync("No risk flags.");
        await StaffUi.ClickAsync(casey, "Raise risk flag");
        await Assertions.Expect(casey.GetByTestId("problem")).ToContainTextAsync("Flag");
        await StaffUi.PickAsync(casey, "Risk", "Overdose");
        await StaffUi.FillAsync(casey, "What others need to know", "Overdosed in October; carries naloxone.");
        await StaffUi.ClickAsync(casey, "Raise risk flag");
        await Assertions.Expect(flags).ToContainTextAsync("Overdose: Overdosed in October; carries naloxone. (raised by Tayside Addiction Service");
        await StaffUi.AssertAccessibleAsync(casey);
        var assessment = casey.Url;

        var hana = await ui.SignedInAsync("hana");
        await hana.GotoAsync(assessment);
        await Assertions.Expect(hana.GetByTestId("problem")).ToBeVisibleAsync();
        await Assertions.Expect(hana.GetByText("naloxone")).ToHaveCountAsync(0);
        await hana.Context.CloseAsync();

        await casey.GetByRole(AriaRole.Button, new() { Name = "Clear risk flag: Overdose" }).ClickAsync();
        await Assertions.Expect(flags).ToContainTextAsync("No risk flags.");
        await casey.Context.CloseAsync();
    }
}

/// <summary>The person's chronology: one time line across modules, as the viewer's agency may see it.</summary>
[Collection(StaffUiCollection.Name)]
public sealed class ChronologyTests(StaffUi ui)
{
    [Fact]
    public async Task ThePersonsChronology_RunsAcrossTheModules_AndShowsAStrangerAgencyNothing()
    {
        var (person, _) = await ui.Seed.PlanWithHousingActionsAsync("Isla", "Sutherland", "1993-01-21", ("Housing options interview", 10));
        var casey = await ui.SignedInAsync("casey");
        await StaffUi.OpenAsync(casey, $"/people/{person}", "Isla Sutherland");
        await casey.GetByRole(AriaRole.Link, new() { Name = "What has happened" }).ClickAsync();
        await Assertions.Expect(casey.GetByRole(AriaRole.Heading, new() { Name = "What has happened for Isla Sutherland" })).ToBeVisibleAsync();
        var rows = casey.GetByTestId("chronology").GetByRole(AriaRole.Row);
        await Assertions.Expect(rows.Filter(new() { HasText = "Registered" })).ToContainTextAsync("Tayside Addiction Service");
        await Assertions.Expect(rows.Filter(new() { HasText = "Written consent recorded" })).ToContainTextAsync("Identity");
        await Assertions.Expect(rows.Filter(new() { HasText = "Single shared assessment completed" })).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Filter(new() { HasText = "Care plan (episode 1)" }).First).ToBeVisibleAsync();

        // Newest first: the registration is the last row.
        await Assertions.Expect(rows.Last).ToContainTextAsync("Registered");
        await StaffUi.PickAsync(casey, "Show", "Consent");
        await Assertions.Expect(rows.Filter(new() { HasText = "Care plan (episode" })).ToHaveCountAsync(0);
        await Assertions.Expect(rows.Filter(new() { HasText = "Written consent recorded" })).ToHaveCountAsync(1);
        await StaffUi.AssertAccessibleAsync(casey);
        await casey.Context.CloseAsync();

        // An agency with no part in a person's care sees no line of their chronology.
        var stranger = await ui.Seed.RegisteredPersonAsync("Kirsty", "Moncur", "1979-06-14");
        var hana = await ui.SignedInAsync("hana");
        await hana.GotoAsync($"/people/{stranger}/chronology");
        await Assertions.Expect(hana.GetByTestId("problem")).ToBeVisibleAsync();
        await Assertions.Expect(hana.GetByText("Kirsty")).ToHaveCountAsync(0);
        await Assertions.Expect(hana.GetByTestId("chronology").GetByRole(AriaRole.Row).Filter(new() { HasText = "Registered" })).ToHaveCountAsync(0);
        await hana.Context.CloseAsync();
    }
}
