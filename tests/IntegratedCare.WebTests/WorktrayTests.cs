using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace IntegratedCare.WebTests;

/// <summary>The worktrays of issue 18: a partner agency answers its actions, two agencies work a referral, the co-ordinator allocates jointly.</summary>
[Collection(StaffUiCollection.Name)]
public sealed class WorktrayTests(StaffUi ui)
{
    [Fact]
    public async Task HousingStaff_AcceptAndProgressTheirAction_SeeTheOverdueOne_AndTheCaseManagerSeesTheProgress()
    {
        var (person, planId) = await ui.Seed.PlanWithHousingActionsAsync("Ishbel", "Drummond", "1990-05-02", ("Housing options interview", 10), ("Tenancy sustainment assessment", -11));

        // Defect 3: an action 11 days late is flagged overdue, and stays flagged, over several deadline sweeps (every 2 s here).
        await PartnerSeed.EventuallyAsync(async () => (await ui.Seed.PlanAsync(planId)).Variances.FirstOrDefault(v => v.Kind == IntegratedCare.CarePlan.V1.VarianceKind.Overdue));
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Single((await ui.Seed.PlanAsync(planId)).Variances, v => v.Kind == IntegratedCare.CarePlan.V1.VarianceKind.Overdue);

        var hana = await ui.SignedInAsync("hana");
        await hana.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Actions for my agency" }).ClickAsync();
        await Assertions.Expect(hana.GetByRole(AriaRole.Heading, new() { Name = "Actions for my agency" })).ToBeVisibleAsync();
        var late = hana.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tenancy sustainment assessment" });
        var interview = hana.GetByRole(AriaRole.Row).Filter(new() { HasText = "Housing options interview" });
        await Assertions.Expect(late).ToContainTextAsync("Ishbel Drummond");
        await Assertions.Expect(late).ToContainTextAsync("Overdue");
        await Assertions.Expect(late).ToContainTextAsync("Not started");
        await Assertions.Expect(interview).Not.ToContainTextAsync("Overdue");
        await Assertions.Expect(hana.GetByTestId("count-overdue")).ToHaveTextAsync("1 overdue");
        await ui.ScreenshotAsync(hana, "13-actions-for-my-agency");
        await StaffUi.AssertAccessibleAsync(hana);

        // Filter to what is overdue, then back.
        await StaffUi.PickAsync(hana, "Show", "Overdue");
        await Assertions.Expect(interview).ToHaveCountAsync(0);
        await StaffUi.PickAsync(hana, "Show", "Open actions");

        // Accept, naming the worker; a missing name is refused by field, nothing stored.
        await interview.GetByRole(AriaRole.Button, new() { Name = "Answer: Housing options interview" }).ClickAsync();
        await StaffUi.ClickAsync(hana, "Accept");
        await Assertions.Expect(hana.GetByTestId("problem")).ToContainTextAsync("Assigned worker");
        await StaffUi.FillAsync(hana, "Worker who will do it", "Harris Options Officer");
        await StaffUi.ClickAsync(hana, "Accept");
        await Assertions.Expect(interview).ToContainTextAsync("Scheduled");
        await Assertions.Expect(interview).ToContainTextAsync("Harris Options Officer");

        await StaffUi.PickAsync(hana, "Status now", "In progress");
        await StaffUi.FillAsync(hana, "Progress note", "Viewing arranged for Thursday");
        await StaffUi.ClickAsync(hana, "Report progress");
        await Assertions.Expect(interview).ToContainTextAsync("In progress");
        await Assertions.Expect(hana.GetByRole(AriaRole.Listbox, new() { Name = "Progress so far" })).ToContainTextAsync("Viewing arranged for Thursday");

        // Defect 5: on a plan housing does not lead it is offered nothing of the lead's, and on the person's
        // page not consent (the addiction service holds the record). Having accepted an action it is on the
        // care team, and the single shared assessment is shared: the register lets it start one, so the page offers it.
        await StaffUi.OpenAsync(hana, $"/careplans/{planId}", "Integrated care plan");
        await Assertions.Expect(hana.GetByTestId("plan-status")).ToContainTextAsync("Draft");
        await Assertions.Expect(hana.GetByRole(AriaRole.Heading, new() { Name = "Add a goal" })).ToHaveCountAsync(0);
        await Assertions.Expect(hana.GetByRole(AriaRole.Button, new() { Name = "Assign action" })).ToHaveCountAsync(0);
        await Assertions.Expect(hana.GetByRole(AriaRole.Button, new() { Name = "Agree goal" })).ToHaveCountAsync(0);
        await hana.GotoAsync($"/people/{person}");
        await Assertions.Expect(hana.GetByRole(AriaRole.Heading, new() { Name = "Ishbel Drummond" })).ToBeVisibleAsync();
        await Assertions.Expect(hana.GetByRole(AriaRole.Heading, new() { Name = "Record consent" })).ToHaveCountAsync(0);
        await Assertions.Expect(hana.GetByText("Consent is recorded by the agency that registered the person")).ToBeVisibleAsync();

        // The addiction service's case manager sees housing's answer on the plan.
        var casey = await ui.SignedInAsync("casey");
        await StaffUi.OpenAsync(casey, $"/careplans/{planId}", "Integrated care plan");
        var onPlan = casey.GetByRole(AriaRole.Row).Filter(new() { HasText = "Housing options interview" });
        await Assertions.Expect(onPlan).ToContainTextAsync("In progress");
        await Assertions.Expect(casey.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tenancy sustainment assessment" })).ToContainTextAsync("Overdue");
    }

    [Fact]
    public async Task AReferral_IsMadeAcceptedAndCompletedByTwoAgencies_AndTheCoordinatorAllocatesItJointly()
    {
        await ui.Seed.HousingProtocolAsync();
        var casey = await ui.SignedInAsync("casey");
        await StaffUi.OpenAsync(casey, "/people/new", "Register a person");
        await StaffUi.FillAsync(casey, "Given name", "Fiona");
        await StaffUi.FillAsync(casey, "Family name", "Gallacher");
        await StaffUi.FillAsync(casey, "Date of birth", "1988-10-21");
        await StaffUi.ClickAsync(casey, "Register");
        await Assertions.Expect(casey.GetByRole(AriaRole.Heading, new() { Name = "Fiona Gallacher" })).ToBeVisibleAsync();

        await casey.GetByRole(AriaRole.Link, new() { Name = "Refer to another agency" }).ClickAsync();
        await Assertions.Expect(casey.GetByRole(AriaRole.Heading, new() { Name = "Refer to another agency" })).ToBeVisibleAsync();
        await StaffUi.PickAsync(casey, "Under the protocol", "Dundee housing and addiction services protocol");
        await StaffUi.PickAsync(casey, "To agency", "Dundee Housing Options");

        // Without a reason it is refused, naming the field, and nothing is made.
        await StaffUi.ClickAsync(casey, "Make referral");
        await Assertions.Expect(casey.GetByTestId("problem")).ToContainTextAsync("Reason");
        await StaffUi.FillAsync(casey, "Reason for the referral", "Homeless on discharge from detox");
        await StaffUi.ClickAsync(casey, "Make referral");
        await Assertions.Expect(casey.GetByRole(AriaRole.Heading, new() { Name = "Referrals" })).ToBeVisibleAsync();
        var ours = casey.GetByRole(AriaRole.Row).Filter(new() { HasText = "Homeless on discharge from detox" });
        await Assertions.Expect(ours).ToContainTextAsync("Requested");
        await Assertions.Expect(ours).ToContainTextAsync("Fiona Gallacher");

        // The referrer asks for a joint allocation.
        await ours.GetByRole(AriaRole.Button).ClickAsync();
        await StaffUi.PickAsync(casey, "Area", "Dundee City");
        await StaffUi.FillAsync(casey, "Why it needs a joint allocation", "Needs housing and treatment together");
        await StaffUi.ClickAsync(casey, "Queue for joint allocation");
        await Assertions.Expect(casey.GetByText("Queued for the next joint allocation meeting in Dundee City.")).ToBeVisibleAsync();

        // Housing answers: the person's identity is not shared with it (no consent), the referral is.
        var hana = await ui.SignedInAsync("hana");
        await StaffUi.OpenAsync(hana, "/work/referrals", "Referrals");
        var theirs = hana.GetByRole(AriaRole.Row).Filter(new() { HasText = "Homeless on discharge from detox" });
        await Assertions.Expect(theirs).ToContainTextAsync("From Tayside Addiction Service");
        await Assertions.Expect(theirs).ToContainTextAsync("identity not shared");
        await Assertions.Expect(theirs).Not.ToContainTextAsync("Gallacher");
        await ui.ScreenshotAsync(hana, "14-referrals");
        await StaffUi.AssertAccessibleAsync(hana);
        await theirs.GetByRole(AriaRole.Button).ClickAsync();
        await StaffUi.ClickAsync(hana, "Acknowledge receipt");
        await Assertions.Expect(theirs).ToContainTextAsync("Received");
        await StaffUi.ClickAsync(hana, "Accept referral");
        await Assertions.Expect(theirs).ToContainTextAsync("Accepted");
        await StaffUi.ClickAsync(hana, "Complete referral");
        await Assertions.Expect(hana.GetByTestId("problem")).ToContainTextAsync("Outcome");
        await StaffUi.FillAsync(hana, "Outcome", "Temporary tenancy offered");
        await StaffUi.ClickAsync(hana, "Complete referral");
        await Assertions.Expect(theirs).ToHaveCountAsync(0);
        await hana.GetByLabel("Include closed").CheckAsync();
        await Assertions.Expect(theirs).ToContainTextAsync("Completed");

        await casey.ReloadAsync();
        await StaffUi.PickAsync(casey, "Direction", "From my agency");
        await casey.GetByLabel("Include closed").CheckAsync();
        await Assertions.Expect(ours).ToContainTextAsync("Completed");

        // Defect 2: the co-ordinator's My work shows the queue (it failed validation and said it was empty).
        var rhona = await ui.SignedInAsync("rhona");
        var queue = rhona.GetByRole(AriaRole.Listbox, new() { Name = "Joint allocation queue" });
        await Assertions.Expect(queue).ToContainTextAsync("queued by Tayside Addiction Service");
        await Assertions.Expect(queue).ToContainTextAsync("Needs housing and treatment together");
        await Assertions.Expect(rhona.GetByTestId("problem")).ToHaveCountAsync(0);

        await rhona.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Joint allocation" }).ClickAsync();
        await Assertions.Expect(rhona.GetByRole(AriaRole.Heading, new() { Name = "Joint allocation" })).ToBeVisibleAsync();
        var item = rhona.GetByRole(AriaRole.Row).Filter(new() { HasText = "Needs housing and treatment together" });
        await Assertions.Expect(item).ToBeVisibleAsync();
        var index = await DecisionIndexAsync(rhona, "Needs housing and treatment together");
        await StaffUi.PickAsync(rhona, "Agencies attending", "Tayside Addiction Service");
        await StaffUi.PickAsync(rhona, "Agencies attending", "Dundee Housing Options");
        await StaffUi.PickAsync(rhona, $"Item {index} decision", "Allocate");
        await StaffUi.PickAsync(rhona, $"Item {index} lead agency", "Dundee Housing Options");
        await StaffUi.PickAsync(rhona, $"Item {index} contributing agencies", "Tayside Addiction Service");
        await ui.ScreenshotAsync(rhona, "15-joint-allocation");
        await StaffUi.AssertAccessibleAsync(rhona);
        await StaffUi.ClickAsync(rhona, "Record meeting");
        await Assertions.Expect(rhona.GetByTestId("meeting-recorded")).ToContainTextAsync("Needs housing and treatment together — led by Dundee Housing Options, with Tayside Addiction Service");
        await Assertions.Expect(item).ToHaveCountAsync(0);
    }

    /// <summary>The number the allocation page gives the queue item with this reason (its position in the queue, from 1).</summary>
    private static async Task<int> DecisionIndexAsync(IPage page, string reason)
    {
        var headings = await page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"^Item \d+: ") }).AllInnerTextsAsync();
        var match = headings.Select(h => Regex.Match(h, @"^Item (\d+): (.*)$")).First(m => m.Groups[2].Value.Trim() == reason);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
