using Grpc.Core;
using IntegratedCare.Assessment.V1;
using IntegratedCare.CarePlan.V1;
using AssessmentDomain = IntegratedCare.Assessment.V1.NeedDomain;

namespace IntegratedCare.AgencySimulator.Scenarios;

/// <summary>
/// Consent withdrawn: mid-plan the person withdraws their consent for housing; from then on housing is
/// refused everything it relied on it for, and every refusal is audited.
/// </summary>
public sealed class ConsentWithdrawn : Scenario
{
    public override string Name => "consent-withdrawn";

    public override string Summary => "the person withdraws consent mid-plan; housing is refused from then on, every refusal audited";

    public override async Task RunAsync(Simulation sim, IProgress<(int Done, int Total)>? progress)
    {
        var pathway = new Pathway(sim);
        SimPerson person = default!;
        string assessment = default!;
        CarePlan.V1.CarePlan plan = default!;
        await sim.StepAsync("A person consents to housing and the mental health team, is assessed, and their plan has a housing action", async () =>
        {
            person = await pathway.RegisterAsync();
            await pathway.ConsentAsync(person, sim.Housing);
            await pathway.ConsentAsync(person, sim.MentalHealth);
            assessment = await pathway.AssessAsync(person, AssessmentDomain.HousingAndAccommodation, AssessmentDomain.MentalHealth);
            plan = await pathway.AgreeAndActivateAsync(await pathway.ProposedPlanAsync(person));
            plan = await pathway.AssignAsync(plan, sim.Housing, "Secure a supported tenancy", 28, tier: 1);
            await sim.Housing.CarePlans.AcceptActionAsync(new AcceptActionRequest { CarePlanId = plan.CarePlanId, ExpectedVersion = plan.Version, ActionId = plan.Actions.Single().ActionId, AssignedWorker = "Housing officer" });
        });
        await sim.StepAsync("While consent stands, housing reads what it may", () => pathway.CheckDisclosuresAsync(person, assessment, plan.CarePlanId));
        progress?.Report((1, 3));

        await sim.PassAsync(14);
        var withdrawnAt = sim.System.Now;
        await sim.StepAsync("The person withdraws their consent for housing", () => pathway.WithdrawConsentAsync(person, sim.Housing));

        var refusals = 0;
        await sim.StepAsync("Housing tries again: identity, assessment, plan and a progress report are all refused", async () =>
        {
            var calls = new (string Call, Func<Task> Run)[]
            {
                ("ServiceUserService/GetServiceUser", () => sim.Housing.People.GetServiceUserAsync(new GetServiceUserRequest { ServiceUserId = person.ServiceUserId }).ResponseAsync),
                ("AssessmentService/GetAssessment", async () =>
                {
                    // Answered with nothing disclosed would also hold; only a disclosed domain breaks the invariant.
                    var seen = await sim.Housing.Assessments.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = assessment });
                    sim.Invariants.Hold(Invariants.NoDisclosureWithoutPermission, seen.Domains.Count == 0 && seen.RiskFlags.Count == 0,
                        () => $"{sim.Housing.Name} was shown {seen.Domains.Count} domain(s) of assessment {assessment} after the person withdrew consent");
                    throw new WithheldException();
                }),
                ("CarePlanService/GetCarePlan", () => sim.Housing.CarePlans.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = plan.CarePlanId }).ResponseAsync),
                ("CarePlanService/ReportProgress", async () =>
                {
                    var current = await sim.CaseManager.CarePlans.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = plan.CarePlanId });
                    await sim.Housing.CarePlans.ReportProgressAsync(new ReportProgressRequest { CarePlanId = plan.CarePlanId, ExpectedVersion = current.Version, ActionId = current.Actions.Single().ActionId, Status = ActionStatus.InProgress, Note = "Viewing arranged" });
                }),
            };
            foreach (var (call, run) in calls)
            {
                var refused = false;
                try
                {
                    await run();
                }
                catch (RpcException ex) when (ex.StatusCode is StatusCode.PermissionDenied or StatusCode.NotFound)
                {
                    refused = true;
                    refusals++;
                }
                catch (WithheldException)
                {
                    refused = true;
                }

                sim.Invariants.Hold(Invariants.NoDisclosureWithoutPermission, refused,
                    () => $"{sim.Housing.Name} was answered by {call} for {person.ServiceUserId} after the person withdrew consent");
            }
        });
        progress?.Report((2, 3));

        await sim.StepAsync("Every refusal is in the audit trail", async () =>
        {
            var audit = await sim.System.AuditAsync();
            if (audit is not null)
            {
                var denied = audit.Count(a => a.ActorId == sim.Housing.Subject && a.At >= withdrawnAt && a.Outcome is "Denied" or "Failed");
                sim.Invariants.Hold(Invariants.EveryReadAudited, denied >= refusals,
                    () => $"housing was refused {refusals} time(s) after the withdrawal, but the audit trail records {denied} refusal(s)");
            }

            await pathway.CheckEveryReadAuditedAsync();
        });
        progress?.Report((3, 3));
    }

    /// <summary>The call was answered, with everything withheld: no disclosure, and no refusal to audit.</summary>
    private sealed class WithheldException : Exception;
}
