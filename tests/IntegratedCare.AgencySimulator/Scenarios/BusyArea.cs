using Grpc.Core;
using IntegratedCare.CarePlan.V1;
using IntegratedCare.GapsBlocks.V1;
using IntegratedCare.Protocols.V1;
using AssessmentDomain = IntegratedCare.Assessment.V1.NeedDomain;

namespace IntegratedCare.AgencySimulator.Scenarios;

/// <summary>
/// A busy area: people arrive every week of a simulated year and all six agencies work their plans, each
/// as it behaves. After every week the invariants are checked: no disclosure without permission, no
/// overdue item unflagged, every read audited, no lost update, no personal data in any form or pack.
/// </summary>
public sealed class BusyArea(int people) : Scenario
{
    private const int Weeks = 52;

    public override string Name => "busy-area";

    public override string Summary => $"{people} people and all six agencies over a simulated year, invariants after every week";

    public override async Task RunAsync(Simulation sim, IProgress<(int Done, int Total)>? progress)
    {
        var pathway = new Pathway(sim);
        var plans = new List<(SimPerson Person, string AssessmentId, string CarePlanId)>();
        var referrals = new List<(string ReferralId, DateTimeOffset MadeAt, bool Answered)>();
        var arrived = 0;
        for (var week = 1; week <= Weeks; week++)
        {
            var arriving = (people * week / Weeks) - arrived;
            await sim.StepAsync($"Week {week}: {arriving} new {(arriving == 1 ? "person" : "people")}; the agencies work their plans", async () =>
            {
                for (var i = 0; i < arriving; i++)
                {
                    plans.Add(await ArriveAsync(sim, pathway, referrals));
                }

                arrived += arriving;
                foreach (var (_, _, carePlanId) in plans.Where(_ => sim.Random.NextDouble() < 0.3).ToList())
                {
                    await pathway.PartnersAnswerAsync(carePlanId, complete: sim.Random.NextDouble() < 0.3);
                }

                await HousingAnswersAsync(sim, referrals);
            });

            await sim.PassAsync(7);
            await sim.StepAsync($"Week {week}: invariants", async () =>
            {
                foreach (var (person, assessment, carePlanId) in plans.OrderBy(_ => sim.Random.Next()).Take(2))
                {
                    await pathway.CheckDisclosuresAsync(person, assessment, carePlanId);
                }

                await CheckReferralsFlaggedAsync(sim, referrals);
                if (plans.Count > 0)
                {
                    await CheckNoLostUpdateAsync(sim, plans[sim.Random.Next(plans.Count)].CarePlanId);
                }
                if (week % 8 == 0)
                {
                    await RaiseAndCheckFormAsync(sim, pathway);
                }
            });
            progress?.Report((week, Weeks));
        }

        await sim.StepAsync("The year's reads are all in the audit trail", pathway.CheckEveryReadAuditedAsync);
    }

    private static async Task<(SimPerson, string, string)> ArriveAsync(Simulation sim, Pathway pathway, List<(string, DateTimeOffset, bool)> referrals)
    {
        var person = await pathway.RegisterAsync();
        var consented = sim.Partners.Where(_ => sim.Random.NextDouble() < 0.6).ToList();
        foreach (var partner in consented)
        {
            await pathway.ConsentAsync(person, partner);
        }

        // People come to an addiction service with a drug or alcohol need, and often more.
        var needs = Enum.GetValues<AssessmentDomain>().Where(d => d != AssessmentDomain.Unspecified && sim.Random.NextDouble() < 0.35)
            .Append(sim.Random.NextDouble() < 0.6 ? AssessmentDomain.DrugUse : AssessmentDomain.AlcoholUse).Distinct().ToArray();
        var assessment = await pathway.AssessAsync(person, needs);
        var plan = await pathway.AgreeAndActivateAsync(await pathway.ProposedPlanAsync(person));
        foreach (var partner in consented.Where(_ => sim.Random.NextDouble() < 0.7))
        {
            plan = await pathway.AssignAsync(plan, partner, $"Support from {partner.Name.ToLowerInvariant()}", sim.Random.Next(7, 42), tier: sim.Random.Next(1, 4));
        }

        if (consented.Contains(sim.Housing) && sim.Random.NextDouble() < 0.4)
        {
            var referral = await sim.CaseManager.Referrals.MakeReferralAsync(new MakeReferralRequest
            {
                ProtocolId = sim.HousingProtocolId, ServiceUserId = person.ServiceUserId, ToAgencyId = sim.Housing.AgencyId,
                Reason = "Housing need found at assessment", SharedDataCategories = { "identity", "assessment.housing" },
            });
            referrals.Add((referral.ReferralId, sim.System.Now, false));
        }

        return (person, assessment, plan.CarePlanId);
    }

    /// <summary>Housing answers referrals once they are as old as it takes, and one in five never.</summary>
    private static async Task HousingAnswersAsync(Simulation sim, List<(string ReferralId, DateTimeOffset MadeAt, bool Answered)> referrals)
    {
        for (var i = 0; i < referrals.Count; i++)
        {
            var (id, madeAt, answered) = referrals[i];
            if (answered || sim.System.Now - madeAt < TimeSpan.FromDays(sim.Housing.Behaviour.AnswersReferralsAfterDays) || id.GetHashCode() % 5 == 0)
            {
                continue;
            }

            var referral = await sim.Housing.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = id });
            if (referral.Status == ReferralStatus.Requested)
            {
                await sim.Housing.Referrals.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = id, ExpectedVersion = referral.Version, Note = "Interview booked" });
            }

            referrals[i] = (id, madeAt, true);
        }
    }

    /// <summary>Every referral still unanswered a day past its due time is flagged overdue (or has lapsed).</summary>
    private static async Task CheckReferralsFlaggedAsync(Simulation sim, List<(string ReferralId, DateTimeOffset MadeAt, bool Answered)> referrals)
    {
        if (!sim.System.MovesTime)
        {
            return;
        }

        foreach (var (id, _, answered) in referrals.Where(r => !r.Answered))
        {
            var referral = await sim.CaseManager.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = id });
            var pastDue = referral.Status is ReferralStatus.Requested or ReferralStatus.Received && referral.DueAt.ToDateTimeOffset() < sim.System.Now.AddDays(-1);
            sim.Invariants.Hold(Invariants.NoOverdueItemUnflagged, !pastDue || referral.Overdue,
                () => $"referral {id} was due {referral.DueAt} and is still {referral.Status}, but is not flagged overdue");
        }
    }

    /// <summary>Two callers change the same plan from the same version: one wins, the other is told (ABORTED), nothing is lost silently.</summary>
    private static async Task CheckNoLostUpdateAsync(Simulation sim, string carePlanId)
    {
        var plan = await sim.CaseManager.CarePlans.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = carePlanId });
        if (plan.Status != CarePlanStatus.Active)
        {
            return;
        }

        var first = await sim.CaseManager.CarePlans.SetReviewIntervalAsync(new SetReviewIntervalRequest { CarePlanId = carePlanId, ExpectedVersion = plan.Version, Weeks = 12 });
        StatusCode second;
        try
        {
            await sim.LineManager.CarePlans.SetReviewIntervalAsync(new SetReviewIntervalRequest { CarePlanId = carePlanId, ExpectedVersion = plan.Version, Weeks = 8 });
            second = StatusCode.OK;
        }
        catch (RpcException ex)
        {
            second = ex.StatusCode;
        }

        sim.Invariants.Hold(Invariants.NoLostUpdate, first.Version > plan.Version && second is StatusCode.Aborted or StatusCode.PermissionDenied or StatusCode.NotFound,
            () => $"two changes to plan {carePlanId} from version {plan.Version}: the second was answered {second}, so the first was overwritten");
    }

    private static async Task RaiseAndCheckFormAsync(Simulation sim, Pathway pathway)
    {
        var fields = HousingDoesNotAnswer.AnonymousForm(sim, string.Empty);
        fields.LinkedVarianceId = string.Empty;
        fields.Overview = "People in treatment wait weeks for supported tenancies.";
        var form = await sim.CaseManager.Forms.CreateFormAsync(new CreateFormRequest { Form = fields });
        form = await sim.CaseManager.Forms.AttestAsync(new LadderStepRequest { FormId = form.FormId, ExpectedVersion = form.Version, Text = "Discussed with a peer case manager" });
        form = await sim.LineManager.Forms.EndorseAsync(new LadderStepRequest { FormId = form.FormId, ExpectedVersion = form.Version });
        await sim.Coordinator.Forms.RaiseToSubGroupAsync(new LadderStepRequest { FormId = form.FormId, ExpectedVersion = form.Version });
        foreach (var listed in (await sim.Coordinator.Forms.ListFormsAsync(new ListFormsRequest { AreaId = sim.AreaId })).Forms)
        {
            pathway.CheckNoPersonalData($"form {listed.FormId}", [.. Pathway.TextsOf(listed)]);
        }

        var meeting = await sim.Coordinator.Forms.ScheduleMeetingAsync(new ScheduleMeetingRequest { Kind = MeetingKind.SubGroup, AreaId = sim.AreaId, HeldOn = sim.Today(7) });
        var pack = await sim.SubGroup.Forms.GetMeetingPackAsync(new GetMeetingPackRequest { MeetingId = meeting.MeetingId });
        pathway.CheckNoPersonalData($"sub-group pack {meeting.MeetingId}", [.. Pathway.TextsOf(pack)]);
    }
}
