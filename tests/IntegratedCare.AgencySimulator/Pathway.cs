using Grpc.Core;
using Google.Rpc;
using IntegratedCare.Assessment.V1;
using IntegratedCare.CarePlan.V1;
using IntegratedCare.GapsBlocks.V1;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.V1;
using AssessmentDomain = IntegratedCare.Assessment.V1.NeedDomain;
using PlanDomain = IntegratedCare.CarePlan.V1.NeedDomain;

namespace IntegratedCare.AgencySimulator;

/// <summary>What the agencies do along one person's pathway, with the invariants checked as they go.</summary>
public sealed class Pathway(Simulation sim)
{
    private static readonly string[] GivenNames = ["Aileen", "Brodie", "Catriona", "Dougie", "Eilidh", "Fraser", "Gordon", "Heather", "Innes", "Jolene", "Kenzie", "Lachlan", "Morven", "Niall", "Orla", "Pàdraig"];
    private static readonly string[] FamilyNames = ["Abernethy", "Buchanan", "Cruickshank", "Drummond", "Elphinstone", "Farquharson", "Gillespie", "Henderson", "Imrie", "Johnstone", "Kinnear", "Lamont", "Menzies", "Nicolson", "Ogilvie", "Paterson"];

    /// <summary>Which partners each person consented to share with, by service user id.</summary>
    private readonly Dictionary<string, Dictionary<string, string>> _consents = [];

    public async Task<SimPerson> RegisterAsync()
    {
        var born = new DateOnly(1960, 1, 1).AddDays(sim.Random.Next(0, 365 * 40));
        var given = GivenNames[sim.Random.Next(GivenNames.Length)];
        var family = FamilyNames[sim.Random.Next(FamilyNames.Length)] + "-" + (char)('A' + sim.Random.Next(26)) + (char)('a' + sim.Random.Next(26)) + (char)('a' + sim.Random.Next(26));
        var chi = ChiFor(born, sim.Random.Next(100, 990));
        var request = new RegisterServiceUserRequest
        {
            Details = new ServiceUserDetails
            {
                Name = new PersonName { GivenName = given, FamilyName = family },
                DateOfBirth = born.ToString("yyyy-MM-dd"),
                Identifiers = { new PersonIdentifier { Scheme = IdentifierScheme.Chi, Value = chi } },
            },
        };
        ServiceUser person;
        try
        {
            person = await sim.CaseManager.People.RegisterServiceUserAsync(request);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition
            && ex.GetRpcStatus()?.GetDetail<ErrorInfo>() is { } info && info.Metadata.TryGetValue("candidate_service_user_ids", out var candidates))
        {
            // The register warns of a likely duplicate. The case manager checks the candidates; each is someone
            // else (every simulated person is new), so they confirm and register.
            var ids = candidates.Split(',', StringSplitOptions.RemoveEmptyEntries);
            sim.Tell($"The register warns of {ids.Length} likely duplicate(s); the case manager checks and confirms a different person");
            request.ConfirmedDistinctFrom.AddRange(ids);
            person = await sim.CaseManager.People.RegisterServiceUserAsync(request);
        }

        var registered = new SimPerson(person.ServiceUserId, given, family, born.ToString("yyyy-MM-dd"), chi);
        sim.People.Add(registered);
        _consents[registered.ServiceUserId] = [];
        return registered;
    }

    /// <summary>The person's consent for a partner to see what the sharing protocol lets its type see.</summary>
    public async Task ConsentAsync(SimPerson person, SimulatedAgency partner)
    {
        var consent = await sim.CaseManager.Consents.RecordConsentAsync(new RecordConsentRequest
        {
            ServiceUserId = person.ServiceUserId,
            Method = ConsentMethod.Written,
            Provisions = { new ConsentProvision { Type = ProvisionType.Permit, DataCategories = { Simulation.CategoriesFor[partner.Type] }, AgencyIds = { partner.AgencyId } } },
        });
        _consents[person.ServiceUserId][partner.AgencyId] = consent.ConsentId;
    }

    public async Task WithdrawConsentAsync(SimPerson person, SimulatedAgency partner)
    {
        var consentId = _consents[person.ServiceUserId][partner.AgencyId];
        var consent = await sim.CaseManager.Consents.GetConsentAsync(new GetConsentRequest { ConsentId = consentId });
        await sim.CaseManager.Consents.WithdrawConsentAsync(new WithdrawConsentRequest { ConsentId = consentId, ExpectedVersion = consent.Version, Reason = "The person asked us to stop sharing with this agency" });
        _consents[person.ServiceUserId].Remove(partner.AgencyId);
    }

    public bool Consented(SimPerson person, SimulatedAgency partner) => _consents[person.ServiceUserId].ContainsKey(partner.AgencyId);

    /// <summary>The SSA: the case manager assesses, consented partners contribute their domains, the assessor completes it.</summary>
    public async Task<string> AssessAsync(SimPerson person, params AssessmentDomain[] moderateOrHigh)
    {
        var started = await sim.CaseManager.Assessments.StartAssessmentAsync(new StartAssessmentRequest { ServiceUserId = person.ServiceUserId });
        var partnerDomains = new Dictionary<SimulatedAgency, AssessmentDomain[]>
        {
            [sim.MentalHealth] = [AssessmentDomain.MentalHealth],
            [sim.Housing] = [AssessmentDomain.HousingAndAccommodation],
        };
        var version = started.Version;
        var byPartners = new HashSet<AssessmentDomain>();
        foreach (var (partner, domains) in partnerDomains.Where(p => Consented(person, p.Key)))
        {
            version = (await partner.Assessments.ContributeDomainsAsync(new ContributeDomainsRequest
            {
                AssessmentId = started.AssessmentId, ExpectedVersion = version, Domains = { domains.Select(d => Finding(d, moderateOrHigh)) },
            })).Version;
            byPartners.UnionWith(domains);
        }

        var rest = Enum.GetValues<AssessmentDomain>().Where(d => d != AssessmentDomain.Unspecified && !byPartners.Contains(d));
        version = (await sim.CaseManager.Assessments.ContributeDomainsAsync(new ContributeDomainsRequest
        {
            AssessmentId = started.AssessmentId, ExpectedVersion = version, Domains = { rest.Select(d => Finding(d, moderateOrHigh)) },
        })).Version;
        await sim.CaseManager.Assessments.CompleteAssessmentAsync(new CompleteAssessmentRequest
        {
            AssessmentId = started.AssessmentId, ExpectedVersion = version, AssessorName = "Case Manager", AssessorRole = "Case manager",
        });
        return started.AssessmentId;
    }

    /// <summary>The draft plan proposed from the assessment (delivered through the outbox).</summary>
    public Task<CarePlan.V1.CarePlan> ProposedPlanAsync(SimPerson person) =>
        sim.EventuallyAsync($"the care plan proposed for {person.ServiceUserId}", async () =>
            (await sim.CaseManager.CarePlans.ListCarePlansAsync(new ListCarePlansRequest { ServiceUserId = person.ServiceUserId }))
                .CarePlans.FirstOrDefault(p => p.Status is CarePlanStatus.Draft or CarePlanStatus.Active));

    public async Task<CarePlan.V1.CarePlan> AgreeAndActivateAsync(CarePlan.V1.CarePlan plan)
    {
        if (plan.Goals.Count == 0)
        {
            // No need at moderate or above proposed a goal: the person and case manager set one together.
            plan = await sim.CaseManager.CarePlans.AddGoalAsync(new AddGoalRequest
            {
                CarePlanId = plan.CarePlanId, ExpectedVersion = plan.Version, Domain = PlanDomain.DrugUse,
                Description = "Stay stable on treatment", Measure = "Attends appointments", TargetDate = sim.Today(84),
            });
        }

        var agreed = await sim.CaseManager.CarePlans.RecordParticipationAsync(new RecordParticipationRequest
        {
            CarePlanId = plan.CarePlanId, ExpectedVersion = plan.Version, TookPart = true, AgreedOn = sim.Today(), CopyReceivedOn = sim.Today(),
            OwnWords = "I want to get well and have somewhere to stay.",
        });
        return await sim.CaseManager.CarePlans.ActivateCarePlanAsync(new ActivateCarePlanRequest { CarePlanId = agreed.CarePlanId, ExpectedVersion = agreed.Version });
    }

    public async Task<CarePlan.V1.CarePlan> AssignAsync(CarePlan.V1.CarePlan plan, SimulatedAgency partner, string what, int dueInDays, int tier = 2) =>
        await sim.CaseManager.CarePlans.AddActionAsync(new AddActionRequest
        {
            CarePlanId = plan.CarePlanId, ExpectedVersion = plan.Version, AgencyId = partner.AgencyId, Tier = tier, What = what, DueDate = sim.Today(dueInDays),
        });

    /// <summary>Each partner with an open action on the plan answers it as it behaves: accepts or declines, then reports progress.</summary>
    public async Task PartnersAnswerAsync(string carePlanId, bool complete)
    {
        foreach (var partner in sim.Partners)
        {
            if (partner.Fhir is { } fhir)
            {
                await AnswerOverFhirAsync(partner, fhir, carePlanId, complete);
                continue;
            }

            var plan = await TryReadPlanAsync(partner, carePlanId);
            if (plan is null)
            {
                continue;
            }

            foreach (var action in plan.Actions.Where(a => a.AgencyId == partner.AgencyId).ToList())
            {
                plan = await partner.CarePlans.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = carePlanId });
                var current = plan.Actions.Single(a => a.ActionId == action.ActionId);
                if (current.Status == ActionStatus.NotStarted)
                {
                    if (sim.Random.NextDouble() < partner.Behaviour.DeclinesActions)
                    {
                        await partner.CarePlans.DeclineActionAsync(new DeclineActionRequest { CarePlanId = carePlanId, ExpectedVersion = plan.Version, ActionId = current.ActionId, Reason = VarianceReason.WaitingList, Note = "No capacity this quarter" });
                        sim.Tell($"{partner.Name} declines an action (waiting list)");
                        continue;
                    }

                    plan = await partner.CarePlans.AcceptActionAsync(new AcceptActionRequest { CarePlanId = carePlanId, ExpectedVersion = plan.Version, ActionId = current.ActionId, AssignedWorker = "Key worker" });
                    current = plan.Actions.Single(a => a.ActionId == action.ActionId);
                }

                if (partner.Behaviour.ReportsProgress && current.Status is ActionStatus.InProgress or ActionStatus.Scheduled or ActionStatus.NotStarted)
                {
                    await partner.CarePlans.ReportProgressAsync(new ReportProgressRequest
                    {
                        CarePlanId = carePlanId, ExpectedVersion = plan.Version, ActionId = current.ActionId,
                        Status = complete ? ActionStatus.Completed : ActionStatus.InProgress, Note = complete ? "Delivered" : "Under way",
                    });
                }
            }
        }
    }

    /// <summary>The same answers as <see cref="PartnersAnswerAsync"/>, from a partner whose system speaks FHIR: its tasks, PUT back.</summary>
    private async Task AnswerOverFhirAsync(SimulatedAgency partner, FhirPartner fhir, string carePlanId, bool complete)
    {
        foreach (var (found, _) in await fhir.OwnTasksAsync(carePlanId) ?? [])
        {
            // Every task's ETag is its plan's version, which the answer before this one moved on: read it afresh.
            var (task, etag) = await fhir.GetTaskAsync($"Task/{found.Id}");
            if (task.Status == Hl7.Fhir.Model.Task.TaskStatus.Requested)
            {
                if (sim.Random.NextDouble() < partner.Behaviour.DeclinesActions)
                {
                    task.Status = Hl7.Fhir.Model.Task.TaskStatus.Rejected;
                    task.StatusReason = new Hl7.Fhir.Model.CodeableConcept("https://integratedcare.scot/fhir/CodeSystem/decline-reason", "waiting-list") { Text = "No capacity this quarter" };
                    await fhir.PutAsync(task, etag);
                    sim.Tell($"{partner.Name} declines an action over FHIR (waiting list)");
                    continue;
                }

                task.Status = Hl7.Fhir.Model.Task.TaskStatus.Accepted;
                task.Owner!.Display = "Key worker";
                (task, etag) = await fhir.PutAsync(task, etag);
                sim.Tell($"{partner.Name} accepts an action over FHIR (PUT Task, If-Match {etag})");
            }

            if (partner.Behaviour.ReportsProgress && task.Status is Hl7.Fhir.Model.Task.TaskStatus.Accepted or Hl7.Fhir.Model.Task.TaskStatus.InProgress)
            {
                task.Status = complete ? Hl7.Fhir.Model.Task.TaskStatus.Completed : Hl7.Fhir.Model.Task.TaskStatus.InProgress;
                task.Note.Add(new Hl7.Fhir.Model.Annotation { Text = complete ? "Delivered" : "Under way" });
                await fhir.PutAsync(task, etag);
            }
        }
    }

    /// <summary>
    /// A partner reads the person's record, assessment and plan. What it gets must be what the person
    /// consented to: nothing at all without consent, and within consent only its categories.
    /// </summary>
    public async Task CheckDisclosuresAsync(SimPerson person, string? assessmentId, string? carePlanId)
    {
        foreach (var partner in sim.Partners)
        {
            var consented = Consented(person, partner);
            var categories = consented ? Simulation.CategoriesFor[partner.Type] : [];
            var identity = await TryAsync(() => partner.People.GetServiceUserAsync(new GetServiceUserRequest { ServiceUserId = person.ServiceUserId }).ResponseAsync);
            sim.Invariants.Hold(Invariants.NoDisclosureWithoutPermission, identity is null || categories.Contains(DataCategories.Identity),
                () => $"{partner.Name} read the identity of {person.ServiceUserId} without the person's consent (ServiceUserService/GetServiceUser answered OK)");

            if (assessmentId is not null)
            {
                var assessment = await TryAsync(() => partner.Assessments.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = assessmentId }).ResponseAsync);
                var seen = assessment?.Domains.Select(d => DataCategories.ForNeedDomain(d.Domain.ToString())).ToList() ?? [];
                var beyond = seen.Where(c => !categories.Contains(c)).ToList();
                sim.Invariants.Hold(Invariants.NoDisclosureWithoutPermission, beyond.Count == 0,
                    () => $"{partner.Name} was shown {string.Join(", ", beyond)} of assessment {assessmentId} without consent for it (AssessmentService/GetAssessment)");
                sim.Invariants.Hold(Invariants.NoDisclosureWithoutPermission, assessment is null || assessment.RiskFlagsWithheld || categories.Contains(DataCategories.RiskFlags) || assessment.RiskFlags.Count == 0,
                    () => $"{partner.Name} was shown the risk flags of assessment {assessmentId} without consent for them");
            }

            if (carePlanId is not null)
            {
                var plan = await TryReadPlanAsync(partner, carePlanId);
                sim.Invariants.Hold(Invariants.NoDisclosureWithoutPermission, plan is null || categories.Contains(DataCategories.CarePlan),
                    () => $"{partner.Name} read care plan {carePlanId} without the person's consent for the care plan (CarePlanService/GetCarePlan answered OK)");
            }
        }

        await CheckStrangerAsync(person, assessmentId, carePlanId);
    }

    /// <summary>
    /// The stranger agency — no care relationship with the person, no consent naming it — tries to find,
    /// read, consent for and refer the person. Every attempt must come back empty-handed, and its forged
    /// consent must not be stored.
    /// </summary>
    private async Task CheckStrangerAsync(SimPerson person, string? assessmentId, string? carePlanId)
    {
        var s = sim.Stranger;
        const string rule = Invariants.NoDisclosureWithoutPermission;
        if (!string.IsNullOrEmpty(person.Chi))
        {
            var found = await s.People.SearchServiceUsersAsync(new SearchServiceUsersRequest { Identifier = new PersonIdentifier { Scheme = IdentifierScheme.Chi, Value = person.Chi } });
            sim.Invariants.Hold(rule, found.Matches.All(m => m.ServiceUserId != person.ServiceUserId),
                () => $"{s.Name} found {person.ServiceUserId} by CHI (ServiceUserService/SearchServiceUsers)");
        }

        var identity = await TryAsync(() => s.People.GetServiceUserAsync(new GetServiceUserRequest { ServiceUserId = person.ServiceUserId }).ResponseAsync);
        sim.Invariants.Hold(rule, identity is null, () => $"{s.Name} read the identity of {person.ServiceUserId} (ServiceUserService/GetServiceUser answered OK)");
        var forged = await TryAsync(() => s.Consents.RecordConsentAsync(new RecordConsentRequest
        {
            ServiceUserId = person.ServiceUserId,
            Method = ConsentMethod.Written,
            Provisions = { new Protocols.V1.ConsentProvision { Type = ProvisionType.Permit, DataCategories = { DataCategories.Identity, DataCategories.ContactDetails }, AgencyIds = { sim.Housing.AgencyId, s.AgencyId } } },
        }).ResponseAsync);
        sim.Invariants.Hold(rule, forged is null, () => $"{s.Name} recorded consent {forged!.ConsentId} for {person.ServiceUserId} (ConsentService/RecordConsent answered OK)");
        var consents = await TryAsync(() => s.Consents.ListConsentsAsync(new ListConsentsRequest { ServiceUserId = person.ServiceUserId }).ResponseAsync);
        sim.Invariants.Hold(rule, consents is null, () => $"{s.Name} listed the consents of {person.ServiceUserId} (ConsentService/ListConsents answered OK)");
        if (assessmentId is not null)
        {
            var assessment = await TryAsync(() => s.Assessments.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = assessmentId }).ResponseAsync);
            sim.Invariants.Hold(rule, assessment is null, () => $"{s.Name} read assessment {assessmentId} (AssessmentService/GetAssessment answered OK)");
        }

        if (carePlanId is not null)
        {
            var plan = await TryReadPlanAsync(s, carePlanId);
            sim.Invariants.Hold(rule, plan is null, () => $"{s.Name} read care plan {carePlanId} (CarePlanService/GetCarePlan answered OK)");
        }
    }

    /// <summary>Every read a simulated caller made that the system answered is in the audit trail, by the caller's subject.</summary>
    public async Task CheckEveryReadAuditedAsync()
    {
        var audit = await sim.System.AuditAsync();
        if (audit is null)
        {
            return;
        }

        var reads = sim.Recorder.Calls.Where(c => c.Status == StatusCode.OK && (c.Method.StartsWith("Get", StringComparison.Ordinal) || c.Method.StartsWith("List", StringComparison.Ordinal) || c.Method.StartsWith("Search", StringComparison.Ordinal)))
            .GroupBy(c => (c.Agency, c.Method));
        var subjects = new[] { sim.Admin, sim.Addiction, sim.CaseManager, sim.LineManager, sim.Coordinator, sim.SubGroup, sim.National }.Concat(sim.Partners)
            .ToDictionary(a => a.Name, a => a.Subject);
        foreach (var read in reads)
        {
            if (!subjects.TryGetValue(read.Key.Agency, out var subject))
            {
                continue;
            }

            var audited = audit.Count(a => a.ActorId == subject && a.Operation.EndsWith("." + read.Key.Method + "Query", StringComparison.Ordinal));
            sim.Invariants.Hold(Invariants.EveryReadAudited, audited >= read.Count(),
                () => $"{read.Key.Agency} made {read.Count()} successful {read.Key.Method} call(s) but the audit trail holds {audited} for {subject}");
        }
    }

    /// <summary>No form or meeting pack holds a registered person's name, date of birth or CHI number.</summary>
    public void CheckNoPersonalData(string where, params string[] texts)
    {
        foreach (var person in sim.People)
        {
            var found = new[] { person.FamilyName, person.DateOfBirth, person.Chi, $"{person.GivenName} {person.FamilyName}" }
                .FirstOrDefault(t => texts.Any(x => x.Contains(t, StringComparison.OrdinalIgnoreCase)));
            sim.Invariants.Hold(Invariants.NoPersonalDataInForms, found is null,
                () => $"{where} contains personal data of {person.ServiceUserId} ({(found == person.Chi ? "CHI number" : found == person.DateOfBirth ? "date of birth" : "name")})");
        }
    }

    public static IEnumerable<string> TextsOf(Form form) =>
        new[] { form.ProjectName, form.Overview, form.CurrentSituation, form.Recommendations, form.Resolution, form.NdricActions }
            .Concat(form.Actions.SelectMany(a => new[] { a.Who, a.What, a.Outcome }));

    public static IEnumerable<string> TextsOf(MeetingPack pack) =>
        pack.Items.SelectMany(i => new[] { i.ProjectName, i.Overview, i.CurrentSituation, i.Recommendations, i.DecisionText }
            .Concat(i.Actions.SelectMany(a => new[] { a.Who, a.What, a.Outcome })));

    public static async Task<T?> TryAsync<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.PermissionDenied or StatusCode.NotFound)
        {
            return null;
        }
    }

    private static Task<CarePlan.V1.CarePlan?> TryReadPlanAsync(SimulatedAgency partner, string carePlanId) =>
        TryAsync(() => partner.CarePlans.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = carePlanId }).ResponseAsync);

    private static DomainInput Finding(AssessmentDomain domain, AssessmentDomain[] moderateOrHigh) => new()
    {
        Domain = domain,
        Need = moderateOrHigh.Contains(domain) ? NeedLevel.Moderate : NeedLevel.Low,
        Notes = "Assessed at interview",
    };

    /// <summary>A valid CHI number: DDMMYY, a serial, and the modulus 11 check digit.</summary>
    private static string ChiFor(DateOnly born, int serial)
    {
        for (var k = 0; k < 900; k++)
        {
            var nine = born.ToString("ddMMyy") + (100 + ((serial - 100 + k) % 900)).ToString("000");
            var check = 11 - (nine.Select((c, i) => (c - '0') * (10 - i)).Sum() % 11);
            if (check != 10)
            {
                return nine + (check == 11 ? 0 : check);
            }
        }

        throw new InvalidOperationException("no CHI number for that date");
    }

    public static PlanDomain PlanDomainOf(AssessmentDomain domain) => (PlanDomain)(int)domain;
}
