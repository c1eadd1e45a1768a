using IntegratedCare.CarePlan.V1;
using IntegratedCare.GapsBlocks.V1;
using IntegratedCare.Protocols.V1;
using AssessmentDomain = IntegratedCare.Assessment.V1.NeedDomain;

namespace IntegratedCare.AgencySimulator.Scenarios;

/// <summary>
/// Housing does not answer: the referral passes its response time and becomes a variance; the case manager
/// raises a gaps-and-blocks form; the co-ordinator misses the ten-day feedback (an alert); the sub-group
/// refers it to NDRIC; NDRIC's action is reported back down the ladder.
/// </summary>
public sealed class HousingDoesNotAnswer : Scenario
{
    public override string Name => "housing-does-not-answer";

    public override string Summary => "an unanswered referral becomes a variance, a form climbs to NDRIC and is reported back";

    public override bool NeedsMovingTime => true;

    public override async Task RunAsync(Simulation sim, IProgress<(int Done, int Total)>? progress)
    {
        var pathway = new Pathway(sim);
        SimPerson person = default!;
        CarePlan.V1.CarePlan plan = default!;
        await sim.StepAsync("A person is registered, assessed and their plan agreed", async () =>
        {
            person = await pathway.RegisterAsync();
            await pathway.ConsentAsync(person, sim.Housing);
            await pathway.AssessAsync(person, AssessmentDomain.HousingAndAccommodation, AssessmentDomain.DrugUse);
            plan = await pathway.AgreeAndActivateAsync(await pathway.ProposedPlanAsync(person));
        });

        Referral referral = default!;
        await sim.StepAsync("The case manager refers the person to housing (the protocol gives housing 5 days)", async () =>
            referral = await sim.CaseManager.Referrals.MakeReferralAsync(new MakeReferralRequest
            {
                ProtocolId = sim.HousingProtocolId, ServiceUserId = person.ServiceUserId, ToAgencyId = sim.Housing.AgencyId,
                Reason = "Homeless while starting treatment", SharedDataCategories = { "identity", "assessment.housing" },
            }));
        progress?.Report((1, 6));

        await sim.PassBeyondAsync(referral.DueAt);
        await sim.StepAsync("Housing has not answered: the referral is flagged overdue and becomes a variance on the plan", async () =>
        {
            var late = await sim.CaseManager.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = referral.ReferralId });
            sim.Invariants.Hold(Invariants.NoOverdueItemUnflagged, late.Overdue,
                () => $"referral {referral.ReferralId} is past its due time {late.DueAt} unanswered ({late.Status}) but not flagged overdue");
            plan = await sim.EventuallyAsync("the referral variance", async () =>
            {
                var current = await sim.CaseManager.CarePlans.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = plan.CarePlanId });
                return current.Variances.Any(v => v.Kind == VarianceKind.ReferralOverdue) ? current : null;
            });
        });

        Form form = default!;
        await sim.StepAsync("The case manager codes the variance, hands it on, and raises a gaps-and-blocks form about it", async () =>
        {
            var variance = plan.Variances.First(v => v.Kind == VarianceKind.ReferralOverdue);
            plan = await sim.CaseManager.CarePlans.CodeVarianceAsync(new CodeVarianceRequest { CarePlanId = plan.CarePlanId, ExpectedVersion = plan.Version, VarianceId = variance.VarianceId, Reason = VarianceReason.InterAgencyIssue, Note = "No answer from housing" });
            plan = await sim.CaseManager.CarePlans.HandVarianceToGapsAndBlocksAsync(new HandVarianceToGapsAndBlocksRequest { CarePlanId = plan.CarePlanId, ExpectedVersion = plan.Version, VarianceId = variance.VarianceId });
            form = await sim.CaseManager.Forms.CreateFormAsync(new CreateFormRequest { Form = AnonymousForm(sim, variance.VarianceId) });
            pathway.CheckNoPersonalData($"form {form.FormId}", [.. Pathway.TextsOf(form)]);
            form = await sim.CaseManager.Forms.AttestAsync(new LadderStepRequest { FormId = form.FormId, ExpectedVersion = form.Version, Text = "Discussed with the staff team" });
            form = await sim.LineManager.Forms.EndorseAsync(new LadderStepRequest { FormId = form.FormId, ExpectedVersion = form.Version });
        });
        progress?.Report((2, 6));

        await sim.PassBeyondAsync(form.StageDueAt);
        await sim.StepAsync("The co-ordinator misses the ten-day feedback: the form shows overdue, with an alert", async () =>
        {
            form = await sim.EventuallyAsync("the co-ordinator's overdue alert", async () =>
            {
                var current = await sim.Coordinator.Forms.GetFormAsync(new GetFormRequest { FormId = form.FormId });
                return current.Alerts.Count > 0 ? current : null;
            });
            sim.Invariants.Hold(Invariants.NoOverdueItemUnflagged, form.Overdue,
                () => $"form {form.FormId} is past its co-ordinator due date {form.StageDueAt} but not flagged overdue");
        });

        await sim.StepAsync("The co-ordinator raises it to the sub-group, whose meeting that day refers it to NDRIC", async () =>
        {
            form = await sim.Coordinator.Forms.RaiseToSubGroupAsync(new LadderStepRequest { FormId = form.FormId, ExpectedVersion = form.Version });

            // Minutes follow the meeting: it sits today, and a meeting in the future could not be minuted yet.
            var meeting = await sim.Coordinator.Forms.ScheduleMeetingAsync(new ScheduleMeetingRequest { Kind = MeetingKind.SubGroup, AreaId = sim.AreaId, HeldOn = sim.AreaToday() });
            var pack = await sim.SubGroup.Forms.GetMeetingPackAsync(new GetMeetingPackRequest { MeetingId = meeting.MeetingId });
            pathway.CheckNoPersonalData($"sub-group pack {meeting.MeetingId}", [.. Pathway.TextsOf(pack)]);
            await sim.Coordinator.Forms.RecordMinutesAsync(new RecordMinutesRequest
            {
                MeetingId = meeting.MeetingId, ExpectedVersion = meeting.Version,
                Decisions = { pack.Items.Select(i => new MinuteInput { FormId = i.FormId, Decision = ItemDecision.ReferredUp, Text = "A national resource gap: refer to NDRIC" }) },
            });
        });
        progress?.Report((4, 6));

        await sim.StepAsync("NDRIC records its action, and it is reported back down the ladder and acknowledged", async () =>
        {
            form = await sim.National.Forms.GetFormAsync(new GetFormRequest { FormId = form.FormId });
            form = await sim.National.Forms.RecordNdricDecisionAsync(new LadderStepRequest { FormId = form.FormId, ExpectedVersion = form.Version, Text = "Funding for supported tenancies in recovery agreed with the housing directorate" });
            form = await sim.Coordinator.Forms.ReportBackAsync(new LadderStepRequest { FormId = form.FormId, ExpectedVersion = form.Version });
            form = await sim.SubGroup.Forms.AcknowledgeForSubGroupAsync(new LadderStepRequest { FormId = form.FormId, ExpectedVersion = form.Version });
            form = await sim.CaseManager.Forms.AcknowledgeAsCaseManagerAsync(new LadderStepRequest { FormId = form.FormId, ExpectedVersion = form.Version });
            pathway.CheckNoPersonalData($"form {form.FormId}", [.. Pathway.TextsOf(form)]);
        });
        progress?.Report((5, 6));
        await sim.StepAsync("Every read any agency made is in the audit trail", pathway.CheckEveryReadAuditedAsync);
        progress?.Report((6, 6));
    }

    public static FormFields AnonymousForm(Simulation sim, string varianceId) => new()
    {
        AreaId = sim.AreaId,
        ProjectName = "Community Addiction Service",
        FormDate = sim.Today(),
        CaseManager = new CaseManagerContact { Name = "Case Manager", Email = "case.manager@agency.example" },
        Overview = "A person starting treatment was referred to housing and had no answer within the protocol's five days.",
        Actions = { new ActionStep { Who = "Case manager", What = "Chased the referral by phone and email", Outcome = "No answer", Date = sim.Today() } },
        CurrentSituation = "The person is sofa surfing while in treatment.",
        Recommendations = "Housing to name a contact for protocol referrals and answer within five days.",
        Category = FormCategory.Housing,
        Kind = FormKind.ProcessBlock,
        AgenciesInvolved = { sim.Housing.AgencyId },
        LinkedVarianceId = varianceId,
    };
}
