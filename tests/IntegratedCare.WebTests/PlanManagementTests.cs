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
