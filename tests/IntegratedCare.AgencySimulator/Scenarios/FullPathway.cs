using IntegratedCare.CarePlan.V1;
using IntegratedCare.Protocols.V1;
using AssessmentDomain = IntegratedCare.Assessment.V1.NeedDomain;

namespace IntegratedCare.AgencySimulator.Scenarios;

/// <summary>
/// The full pathway: a referral to housing, an SSA with contributions from the NHS and housing, an agreed
/// care plan, actions accepted and delivered by several agencies, a review, and exit.
/// </summary>
/// <param name="housingSpeaksFhir">Housing's system answers its referral and its actions over FHIR R4 instead of gRPC.</param>
public sealed class FullPathway(bool housingSpeaksFhir = false) : Scenario
{
    public override string Name => housingSpeaksFhir ? "full-pathway-fhir" : "full-pathway";

    public override string Summary => "referral, SSA with NHS and housing contributions, agreed plan, actions delivered, review, exit"
        + (housingSpeaksFhir ? "; housing speaks FHIR R4" : string.Empty);

    public override bool HousingSpeaksFhir => housingSpeaksFhir;

    public override async Task RunAsync(Simulation sim, IProgress<(int Done, int Total)>? progress)
    {
        var pathway = new Pathway(sim);
        SimPerson person = default!;
        await sim.StepAsync("The case manager registers a person and records their consent for housing, the mental health team and the voluntary project", async () =>
        {
            person = await pathway.RegisterAsync();
            await pathway.ConsentAsync(person, sim.Housing);
            await pathway.ConsentAsync(person, sim.MentalHealth);
            await pathway.ConsentAsync(person, sim.Voluntary);
        });

        Referral referral = default!;
        await sim.StepAsync("The case manager refers the person to housing under the protocol", async () =>
            referral = await sim.CaseManager.Referrals.MakeReferralAsync(new MakeReferralRequest
            {
                ProtocolId = sim.HousingProtocolId, ServiceUserId = person.ServiceUserId, ToAgencyId = sim.Housing.AgencyId,
                Reason = "Homeless while starting treatment", SharedDataCategories = { "identity", "assessment.housing" },
            }));

        await sim.PassAsync(sim.Housing.Behaviour.AnswersReferralsAfterDays);
        await sim.StepAsync($"Housing receives and accepts the referral after {sim.Housing.Behaviour.AnswersReferralsAfterDays} days", async () =>
        {
            if (sim.Housing.Fhir is { } fhir)
            {
                // The referral's Task: received, then accepted, each from the ETag the last answer gave.
                var (task, etag) = await fhir.GetTaskAsync($"Task/{referral.ReferralId}");
                task.Status = Hl7.Fhir.Model.Task.TaskStatus.Received;
                (task, etag) = await fhir.PutAsync(task, etag);
                task.Status = Hl7.Fhir.Model.Task.TaskStatus.Accepted;
                task.Note = [new Hl7.Fhir.Model.Annotation { Text = "Housing options interview booked" }];
                await fhir.PutAsync(task, etag);
                return;
            }

            var received = await sim.Housing.Referrals.ReceiveReferralAsync(new ReceiveReferralRequest { ReferralId = referral.ReferralId, ExpectedVersion = referral.Version });
            await sim.Housing.Referrals.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = referral.ReferralId, ExpectedVersion = received.Version, Note = "Housing options interview booked" });
        });
        progress?.Report((1, 5));

        string assessment = default!;
        await sim.StepAsync("The SSA: the mental health team and housing contribute their domains, the case manager the rest, and completes it", async () =>
            assessment = await pathway.AssessAsync(person, AssessmentDomain.DrugUse, AssessmentDomain.HousingAndAccommodation, AssessmentDomain.MentalHealth, AssessmentDomain.RelationshipsAndSocialSupport));

        CarePlan.V1.CarePlan plan = default!;
        await sim.StepAsync("A care plan is proposed; the person agrees it and it is activated", async () =>
        {
            plan = await pathway.ProposedPlanAsync(person);
            plan = await pathway.AgreeAndActivateAsync(plan);
        });
        await sim.StepAsync("Each partner reads what it may, and nothing more", () => pathway.CheckDisclosuresAsync(person, assessment, plan.CarePlanId));
        progress?.Report((2, 5));

        await sim.StepAsync("The case manager assigns actions to housing, the mental health team and the voluntary project", async () =>
        {
            plan = await pathway.AssignAsync(plan, sim.Housing, "Secure a supported tenancy", 28, tier: 1);
            plan = await pathway.AssignAsync(plan, sim.MentalHealth, "Community mental health assessment", 14, tier: 3);
            plan = await pathway.AssignAsync(plan, sim.Voluntary, "Peer support group twice a week", 21, tier: 1);
        });
        await sim.StepAsync("The partners answer their actions and start work", () => pathway.PartnersAnswerAsync(plan.CarePlanId, complete: false));
        await sim.PassAsync(10);
        await sim.StepAsync("The partners deliver their actions", () => pathway.PartnersAnswerAsync(plan.CarePlanId, complete: true));
        progress?.Report((3, 5));

        await sim.PassAsync(74);
        await sim.StepAsync("Twelve weeks on, the case manager records the review", async () =>
        {
            plan = await sim.CaseManager.CarePlans.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = plan.CarePlanId });
            plan = await sim.CaseManager.CarePlans.RecordReviewAsync(new RecordReviewRequest
            {
                CarePlanId = plan.CarePlanId, ExpectedVersion = plan.Version, HeldOn = sim.Today(),
                GoalProgress = { plan.Goals.Select(g => new GoalProgress { GoalId = g.GoalId, Achievement = GoalAchievement.Improving, Note = "Progressing" }) },
                Decisions = "Continue the plan; move towards aftercare",
            });
        });
        progress?.Report((4, 5));

        await sim.StepAsync("The person completes treatment and the plan is closed with an exit reason", async () =>
        {
            var exited = await sim.CaseManager.CarePlans.ExitCarePlanAsync(new ExitCarePlanRequest { CarePlanId = plan.CarePlanId, ExpectedVersion = plan.Version, Reason = "Treatment completed; moved to aftercare" });
            sim.Invariants.Hold(Invariants.NoLostUpdate, exited.Version > plan.Version, () => $"exit did not advance plan {plan.CarePlanId}'s version");
        });
        await sim.StepAsync("Every read any agency made is in the audit trail", pathway.CheckEveryReadAuditedAsync);
        progress?.Report((5, 5));
    }
}
