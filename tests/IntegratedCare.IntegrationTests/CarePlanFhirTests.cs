using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.CarePlan.V1;
using Xunit;
using FhirCarePlan = Hl7.Fhir.Model.CarePlan;
using FhirTask = Hl7.Fhir.Model.Task;
using PlanDomain = IntegratedCare.CarePlan.V1.NeedDomain;
using Task = System.Threading.Tasks.Task;

namespace IntegratedCare.IntegrationTests;

/// <summary>The same plan over FHIR R4, as a housing department's system would use it: HTTP and JSON only.</summary>
public sealed partial class CarePlanTests
{
    private static readonly JsonSerializerOptions Fhir = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    [Fact]
    public async Task AHousingSystem_OverFhir_ReadsItsPartOfThePlan_AcceptsItsTask_AndReportsProgress()
    {
        var (person, _, plan) = await PlanWithAHousingActionAsync();
        var mentalHealthGoal = plan.Goals.Single(g => g.Domain == PlanDomain.MentalHealth).GoalId;
        var housingView = await _housing.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = plan.CarePlanId });
        using var housing = FhirClient(HousingToken());

        // The plan, its goals and its task: only what the sharing decision lets housing see, as over gRPC.
        var (carePlan, etag) = await GetAsync<FhirCarePlan>(housing, $"CarePlan/{plan.CarePlanId}");
        Assert.Equal($"W/\"{plan.Version}\"", etag);
        Assert.Equal(RequestStatus.Draft, carePlan.Status);
        Assert.Equal(housingView.Goals.Count, carePlan.Goal.Count);
        Assert.DoesNotContain(carePlan.Goal, g => g.Reference!.EndsWith(Guid.Parse(mentalHealthGoal).ToString("N"), StringComparison.Ordinal));
        var taskPath = Assert.Single(carePlan.Activity).Reference!.Reference!;
        var (task, _) = await GetAsync<FhirTask>(housing, taskPath);
        Assert.Equal(FhirTask.TaskStatus.Requested, task.Status);
        Assert.Equal($"Organization/{_scenario.Housing.AgencyId}", task.Owner!.Reference);
        Assert.Equal($"CarePlan/{plan.CarePlanId}", Assert.Single(task.BasedOn).Reference);
        var goals = new List<Resource>();
        foreach (var goal in carePlan.Goal)
        {
            goals.Add((await GetAsync<Hl7.Fhir.Model.Goal>(housing, goal.Reference!)).Resource);
        }

        var withheld = await housing.GetAsync($"Goal/{plan.CarePlanId.Replace("-", "", StringComparison.Ordinal)}{Guid.Parse(mentalHealthGoal):N}");
        Assert.Equal(HttpStatusCode.NotFound, withheld.StatusCode);

        // Accepted with the plan's ETag; the same ETag again is stale.
        task.Status = FhirTask.TaskStatus.Accepted;
        task.Owner!.Display = "Housing Options Officer";
        var accepted = await PutAsync(housing, taskPath, task, etag);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var acceptedTask = await ReadAsync<FhirTask>(accepted);
        Assert.Equal(FhirTask.TaskStatus.Accepted, acceptedTask.Status);
        Assert.Equal("Housing Options Officer", acceptedTask.Owner!.Display);
        var stale = await PutAsync(housing, taskPath, task, etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(OperationOutcome.IssueType.Conflict, Assert.Single((await ReadAsync<OperationOutcome>(stale)).Issue).Code);

        // Progress, from the ETag the acceptance returned.
        acceptedTask.Status = FhirTask.TaskStatus.InProgress;
        acceptedTask.Note.Add(new Annotation { Text = "Interview booked for Tuesday" });
        var progressed = await PutAsync(housing, taskPath, acceptedTask, accepted.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, progressed.StatusCode);
        var progressedTask = await ReadAsync<FhirTask>(progressed);
        Assert.Equal(FhirTask.TaskStatus.InProgress, progressedTask.Status);
        Assert.Contains(progressedTask.Note, n => n.Text == "Interview booked for Tuesday");
        var overGrpc = await _caseManager.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = plan.CarePlanId });
        Assert.Equal(ActionStatus.InProgress, overGrpc.Actions.Single().Status);

        // Every resource returned validates against the core R4 profiles, offline.
        var (metadata, _) = await GetAsync<CapabilityStatement>(FhirClient(null), "metadata");
        foreach (var resource in new Resource[] { carePlan, task, acceptedTask, progressedTask, metadata }.Concat(goals))
        {
            Assert.Empty(FhirValidation.Errors(resource));
        }

        // The reads are the module's own, audited as the partner's.
        var audit = await _host.AuditAsync();
        Assert.Contains(audit, r => r is { Operation: "CarePlan.GetCarePlanQuery", ActorId: "housing-system" } && r.ServiceUserId == person);
        Assert.Contains(audit, r => r is { Operation: "CarePlan.ReportProgressCommand", ActorId: "housing-system" });
    }

    [Fact]
    public async Task OverFhir_AStrangerAMalformedTaskAndNoToken_AreRefusedAsGrpcRefusesThem_WithAnOperationOutcome()
    {
        var (_, _, plan) = await PlanWithAHousingActionAsync();
        using var housing = FhirClient(HousingToken());
        var (carePlan, etag) = await GetAsync<FhirCarePlan>(housing, $"CarePlan/{plan.CarePlanId}");
        var taskPath = Assert.Single(carePlan.Activity).Reference!.Reference!;
        var (task, _) = await GetAsync<FhirTask>(housing, taskPath);

        // A stranger agency gets what gRPC gives it, and learns nothing more.
        using var stranger = FhirClient(VoluntaryToken());
        var grpc = await Assert.ThrowsAsync<RpcException>(() => _voluntary.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = plan.CarePlanId }).ResponseAsync);
        var refused = await stranger.GetAsync($"CarePlan/{plan.CarePlanId}");
        Assert.Equal(grpc.StatusCode == StatusCode.NotFound ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotEmpty((await ReadAsync<OperationOutcome>(refused)).Issue);
        var strangerAnswer = await PutAsync(stranger, taskPath, Accepted(task), etag);
        Assert.Equal(refused.StatusCode, strangerAnswer.StatusCode);

        // No token, a forged one: 401.
        using var anonymous = FhirClient(null);
        using var forged = FhirClient("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
        foreach (var unauthenticated in new[] { await anonymous.GetAsync($"CarePlan/{plan.CarePlanId}"), await forged.PutAsync(taskPath, new StringContent("{}", Encoding.UTF8, "application/fhir+json")) })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
            Assert.Equal("Bearer", unauthenticated.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Equal(OperationOutcome.IssueType.Login, Assert.Single((await ReadAsync<OperationOutcome>(unauthenticated)).Issue).Code);
        }

        // Malformed: not FHIR, an element R4 does not have, an answer a partner cannot give, no If-Match, a wrong id.
        var notJson = await housing.PutAsync(taskPath, new StringContent("{not json", Encoding.UTF8, "application/fhir+json"));
        var unknownElement = await housing.PutAsync(taskPath, new StringContent("{\"resourceType\":\"Task\",\"status\":\"accepted\",\"intent\":\"plan\",\"colour\":\"red\"}", Encoding.UTF8, "application/fhir+json"));
        var drafted = Accepted(task);
        drafted.Status = FhirTask.TaskStatus.Draft;
        var notAnAnswer = await PutAsync(housing, taskPath, drafted, etag);
        var noIfMatch = await PutAsync(housing, taskPath, Accepted(task), null);
        var otherId = Accepted(task);
        otherId.Id = new string('a', 64);
        var wrongId = await PutAsync(housing, taskPath, otherId, etag);
        var noWorker = Accepted(task);
        noWorker.Owner!.Display = null;
        var withoutWorker = await PutAsync(housing, taskPath, noWorker, etag);
        var twoNotes = Accepted(task);
        twoNotes.Note.AddRange([new Annotation { Text = "One" }, new Annotation { Text = "Two" }]);
        var twoNewNotes = await PutAsync(housing, taskPath, twoNotes, etag);
        foreach (var (response, expression) in new[] { (notJson, "body"), (unknownElement, "body"), (notAnAnswer, "Task.status"), (noIfMatch, "If-Match"), (wrongId, "Task.id"), (withoutWorker, "Task.owner.display"), (twoNewNotes, "Task.note") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains((await ReadAsync<OperationOutcome>(response)).Issue, i => i.Code == OperationOutcome.IssueType.Invalid && i.Expression.Contains(expression));
        }

        // Not FHIR JSON by its media type, too large, an action the plan does not have.
        var asText = await housing.PutAsync(taskPath, new StringContent(JsonSerializer.Serialize<Resource>(Accepted(task), Fhir), Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, asText.StatusCode);
        var huge = Accepted(task);
        huge.Description = new string('x', 5 * 1024 * 1024);
        var tooLarge = await PutAsync(housing, taskPath, huge, etag);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        var otherAction = Accepted(task);
        otherAction.Id = taskPath["Task/".Length..][..32] + Guid.NewGuid().ToString("N");
        var noSuchAction = await PutAsync(housing, $"Task/{otherAction.Id}", otherAction, etag);
        Assert.Equal(HttpStatusCode.NotFound, noSuchAction.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await housing.GetAsync($"CarePlan/{plan.CarePlanId.ToUpperInvariant()}")).StatusCode);

        // What this server does not do is said as FHIR says it.
        var encounter = await housing.GetAsync("Encounter/1");
        Assert.Equal(HttpStatusCode.NotFound, encounter.StatusCode);
        Assert.Equal(OperationOutcome.IssueType.NotSupported, Assert.Single((await ReadAsync<OperationOutcome>(encounter)).Issue).Code);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await housing.DeleteAsync(taskPath)).StatusCode);

        // An id this server never issued, and nothing was changed by any of it.
        Assert.Equal(HttpStatusCode.NotFound, (await housing.GetAsync("Task/not-an-id")).StatusCode);
        var after = await _caseManager.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = plan.CarePlanId });
        Assert.Equal((plan.Version, ActionStatus.NotStarted), (after.Version, after.Actions.Single().Status));
    }

    [Fact]
    public async Task AHousingSystem_OverFhir_ReadsAReferralAsAServiceRequest_AndAnswersItsTask()
    {
        var (person, _) = await AssessedPersonWithDraftPlanAsync();
        var referral = await HousingReferralAsync(person);
        using var housing = FhirClient(HousingToken());

        var (request, _) = await GetAsync<ServiceRequest>(housing, $"ServiceRequest/{referral.ReferralId}");
        Assert.Equal((RequestStatus.Active, RequestIntent.Order), (request.Status, request.Intent));
        Assert.Equal($"Organization/{_scenario.Housing.AgencyId}", Assert.Single(request.Performer).Reference);
        Assert.Equal($"Organization/{_scenario.Addiction.AgencyId}", request.Requester!.Reference);
        Assert.Equal("Homeless on discharge", Assert.Single(request.ReasonCode).Text);
        var (task, etag) = await GetAsync<FhirTask>(housing, $"Task/{referral.ReferralId}");
        Assert.Equal(FhirTask.TaskStatus.Requested, task.Status);
        Assert.Equal($"ServiceRequest/{referral.ReferralId}", task.Focus!.Reference);

        // Received, then rejected with a coded reason; a code we do not have is the caller's mistake.
        task.Status = FhirTask.TaskStatus.Received;
        var received = await PutAsync(housing, $"Task/{referral.ReferralId}", task, etag);
        var receivedTask = await ReadAsync<FhirTask>(received);
        Assert.Equal(FhirTask.TaskStatus.Received, receivedTask.Status);
        receivedTask.Status = FhirTask.TaskStatus.Rejected;
        receivedTask.StatusReason = new CodeableConcept("https://integratedcare.scot/fhir/CodeSystem/referral-rejection-reason", "full-up");
        var unknownReason = await PutAsync(housing, $"Task/{referral.ReferralId}", receivedTask, received.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, unknownReason.StatusCode);
        Assert.Contains((await ReadAsync<OperationOutcome>(unknownReason)).Issue, i => i.Expression.Contains("Task.statusReason"));
        receivedTask.StatusReason = new CodeableConcept("https://integratedcare.scot/fhir/CodeSystem/referral-rejection-reason", "no-capacity") { Text = "No bed this month" };
        var rejected = await PutAsync(housing, $"Task/{referral.ReferralId}", receivedTask, received.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var rejectedTask = await ReadAsync<FhirTask>(rejected);
        Assert.Equal((FhirTask.TaskStatus.Rejected, "no-capacity"), (rejectedTask.Status, rejectedTask.StatusReason!.Coding.Single().Code));
        var overGrpc = await new IntegratedCare.Protocols.V1.ReferralService.ReferralServiceClient(_host.Invoker(_host.Token("case-manager-1", ActorKind.Staff, _scenario.Addiction.AgencyId, Roles.CaseManager)))
            .GetReferralAsync(new IntegratedCare.Protocols.V1.GetReferralRequest { ReferralId = referral.ReferralId });
        Assert.Equal((IntegratedCare.Protocols.V1.ReferralStatus.Rejected, IntegratedCare.Protocols.V1.RejectionReason.NoCapacity), (overGrpc.Status, overGrpc.RejectionReason));
        var (afterwards, _) = await GetAsync<ServiceRequest>(housing, $"ServiceRequest/{referral.ReferralId}");
        Assert.Equal(RequestStatus.Revoked, afterwards.Status);

        // A stranger agency is refused as over gRPC.
        using var stranger = FhirClient(VoluntaryToken());
        var grpc = await Assert.ThrowsAsync<RpcException>(() => new IntegratedCare.Protocols.V1.ReferralService.ReferralServiceClient(
            _host.Invoker(VoluntaryToken()))
            .GetReferralAsync(new IntegratedCare.Protocols.V1.GetReferralRequest { ReferralId = referral.ReferralId }).ResponseAsync);
        var refused = await stranger.GetAsync($"ServiceRequest/{referral.ReferralId}");
        Assert.Equal(grpc.StatusCode == StatusCode.NotFound ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, refused.StatusCode);

        foreach (var resource in new Resource[] { request, task, receivedTask, rejectedTask, afterwards })
        {
            Assert.Empty(FhirValidation.Errors(resource));
        }

        var audit = await _host.AuditAsync();
        Assert.Contains(audit, r => r is { Operation: "Protocols.GetReferralQuery", ActorId: "housing-system" });
        Assert.Contains(audit, r => r is { Operation: "Protocols.ActOnReferralCommand", ActorId: "housing-system" });
    }

    [Fact]
    public async Task APatient_OverFhir_IsTheRegistersIdentity_OnlyForAnAgencyThePersonLetSeeIt()
    {
        var (person, _) = await AssessedPersonWithDraftPlanAsync(AssessmentScenario.Person(identifiers: AssessmentScenario.Chi("1503851230")));
        await _scenario.HousingConsentAsync(person);
        var overGrpc = await _scenario.HousingPeople.GetServiceUserAsync(new IntegratedCare.Assessment.V1.GetServiceUserRequest { ServiceUserId = person });
        using var housing = FhirClient(HousingToken());

        var (patient, _) = await GetAsync<Patient>(housing, $"Patient/{person}");
        var chi = Assert.Single(patient.Identifier);
        Assert.Equal(("urn:oid:2.16.840.1.113883.2.1.3.2.4.16.53", "1503851230"), (chi.System, chi.Value));
        Assert.Equal(("Johnstone", "Catherine", "1985-03-15"), (patient.Name[0].Family, patient.Name[0].Given.Single(), patient.BirthDate));
        Assert.Contains(patient.Name, n => n.Use == HumanName.NameUse.Usual && n.Given.Single() == "Kate");
        Assert.Equal(overGrpc.Contact is not null && overGrpc.Contact.Phone.Length > 0, patient.Telecom.Any(t => t.System == ContactPoint.ContactPointSystem.Phone));
        Assert.Empty(FhirValidation.Errors(patient));

        // No identity permit, no Patient: as over gRPC; an id never issued is 404.
        using var stranger = FhirClient(VoluntaryToken());
        var grpc = await Assert.ThrowsAsync<RpcException>(() => new IntegratedCare.Assessment.V1.ServiceUserService.ServiceUserServiceClient(
            _host.Invoker(VoluntaryToken()))
            .GetServiceUserAsync(new IntegratedCare.Assessment.V1.GetServiceUserRequest { ServiceUserId = person }).ResponseAsync);
        var refused = await stranger.GetAsync($"Patient/{person}");
        Assert.Equal(grpc.StatusCode == StatusCode.NotFound ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("Johnstone", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await housing.GetAsync("Patient/1503851230")).StatusCode);

        var audit = await _host.AuditAsync();
        Assert.Contains(audit, r => r is { Operation: "Assessment.GetServiceUserQuery", ActorId: "housing-system", Outcome: IntegratedCare.BuildingBlocks.Application.Auditing.AuditOutcome.Success } && r.ServiceUserId == person);
        Assert.Contains(audit, r => r is { Operation: "Assessment.GetServiceUserQuery", ActorId: "voluntary-system", Outcome: IntegratedCare.BuildingBlocks.Application.Auditing.AuditOutcome.Denied } && r.ServiceUserId == person);
    }

    [Fact]
    public async Task SearchingCarePlans_OverFhir_PagesThroughNextLinks_AndShowsAPartnerOnlyWhatItMaySee()
    {
        var (first, _, _) = await PlanWithAHousingActionAsync();
        var (second, _) = await AssessedPersonWithDraftPlanAsync(AssessmentScenario.Person(given: "Iain", family: "MacLeod", dateOfBirth: "1979-11-02"));
        using var lead = FhirClient(_host.Token("case-manager-1", ActorKind.Staff, _scenario.Addiction.AgencyId, Roles.CaseManager));
        using var housing = FhirClient(HousingToken());

        // The lead's two plans, one a page, by the next link the server gives; an unknown parameter is ignored.
        var (page1, _) = await GetAsync<Bundle>(lead, "CarePlan?_count=1&colour=red");
        Assert.Equal(Bundle.BundleType.Searchset, page1.Type);
        Assert.DoesNotContain("colour", page1.SelfLink!.ToString(), StringComparison.Ordinal);
        var next = page1.NextLink ?? throw new Xunit.Sdk.XunitException("the first page has no next link");
        var (page2, _) = await GetAsync<Bundle>(lead, next.ToString());
        Assert.Null(page2.NextLink);
        var people = page1.Entry.Concat(page2.Entry).Select(e => ((FhirCarePlan)e.Resource!).Subject!.Reference).ToList();
        Assert.Equal(new[] { $"Patient/{first}", $"Patient/{second}" }.Order(), people.Order());

        // Housing, consented for the first person only, finds that plan and nothing of the second.
        var (seen, _) = await GetAsync<Bundle>(housing, "CarePlan");
        Assert.Equal($"Patient/{first}", ((FhirCarePlan)Assert.Single(seen.Entry).Resource!).Subject!.Reference);
        var (ofSecond, _) = await GetAsync<Bundle>(housing, $"CarePlan?patient=Patient/{second}");
        Assert.Empty(ofSecond.Entry);
        Assert.Null(ofSecond.Total);

        foreach (var (query, parameter) in new[] { ("CarePlan?patient=Catherine", "patient"), ("CarePlan?_count=0", "_count"), ("CarePlan?_count=many", "_count") })
        {
            var refused = await housing.GetAsync(query);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains((await ReadAsync<OperationOutcome>(refused)).Issue, i => i.Expression.Contains(parameter));
        }

        foreach (var bundle in new[] { page1, page2, seen, ofSecond })
        {
            Assert.Empty(FhirValidation.Errors(bundle));
        }
    }

    [Fact]
    public async Task APersonsDisclosureLog_OverFhir_IsAuditEvents_ForTheLeadAgencyOnly()
    {
        var (person, _, plan) = await PlanWithAHousingActionAsync();
        using var housing = FhirClient(HousingToken());
        await GetAsync<FhirCarePlan>(housing, $"CarePlan/{plan.CarePlanId}");

        // The log is read as of just before the reading began: this host's clock stands still unless moved.
        _clock.Advance(TimeSpan.FromSeconds(1));
        using var lead = FhirClient(_host.Token("case-manager-1", ActorKind.Staff, _scenario.Addiction.AgencyId, Roles.CaseManager));

        // Every page, by the next links (which carry the log's as-of instant), holds the housing system's read.
        var events = new List<AuditEvent>();
        var pages = new List<Bundle>();
        for (string? next = $"AuditEvent?patient=Patient/{person}&_count=5"; next is not null;)
        {
            var (page, _) = await GetAsync<Bundle>(lead, next);
            pages.Add(page);
            events.AddRange(page.Entry.Select(e => Assert.IsType<AuditEvent>(e.Resource)));
            next = page.NextLink?.ToString();
        }

        Assert.True(pages.Count > 1, $"{events.Count} events in {pages.Count} page(s)");
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
        var read = Assert.Single(events, e => e.Agent.Any(a => a.Who?.Identifier?.Value == "housing-system") && e.Action == AuditEvent.AuditEventAction.R
            && e.Entity.Any(x => x.Description?.StartsWith("CarePlan.GetCarePlanQuery", StringComparison.Ordinal) == true));
        Assert.Equal(AuditEvent.AuditEventOutcome.N0, read.Outcome);
        Assert.Contains(read.Agent, a => a.Who?.Reference == $"Organization/{_scenario.Housing.AgencyId}");
        Assert.Contains(read.Entity, x => x.What?.Reference == $"Patient/{person}");
        foreach (var page in pages)
        {
            Assert.Empty(FhirValidation.Errors(page));
        }

        // A partner agency is not the person's record holder: it learns nothing, not even that there is a log.
        var refused = await housing.GetAsync($"AuditEvent?patient=Patient/{person}");
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{(int)refused.StatusCode}");
        Assert.DoesNotContain("housing-system", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var withoutPatient = await lead.GetAsync("AuditEvent");
        Assert.Equal(HttpStatusCode.BadRequest, withoutPatient.StatusCode);
        Assert.Contains((await ReadAsync<OperationOutcome>(withoutPatient)).Issue, i => i.Expression.Contains("patient"));
    }

    [Fact]
    public async Task Consents_OverFhir_ArePrivacyConsents_ForTheRecordHolderAndTheAgencyNamed_AndNoOneElse()
    {
        var (person, forHousing, plan) = await PlanWithAHousingActionAsync();
        await _housing.AcceptActionAsync(new AcceptActionRequest { CarePlanId = plan.CarePlanId, ExpectedVersion = plan.Version, ActionId = plan.Actions.Single().ActionId, AssignedWorker = "Officer" });
        _clock.Advance(TimeSpan.FromMinutes(1));
        var leadToken = _host.Token("case-manager-1", ActorKind.Staff, _scenario.Addiction.AgencyId, Roles.CaseManager);
        var consents = new IntegratedCare.Protocols.V1.ConsentService.ConsentServiceClient(_host.Invoker(leadToken));
        var byType = await consents.RecordConsentAsync(new IntegratedCare.Protocols.V1.RecordConsentRequest
        {
            ServiceUserId = person, Method = IntegratedCare.Protocols.V1.ConsentMethod.Verbal,
            ExpiresAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(_clock.GetUtcNow().AddDays(90)),
            Provisions =
            {
                new IntegratedCare.Protocols.V1.ConsentProvision
                {
                    Type = IntegratedCare.Protocols.V1.ProvisionType.Deny, DataCategories = { IntegratedCare.Protocols.Contracts.DataCategories.AssessmentDrugUse },
                    AgencyTypes = { IntegratedCare.Protocols.V1.AgencyType.HousingAndHomelessness }, Purposes = { IntegratedCare.Protocols.V1.SharingPurpose.Planning },
                },
            },
        });
        var withdrawn = await consents.WithdrawConsentAsync(new IntegratedCare.Protocols.V1.WithdrawConsentRequest { ConsentId = byType.ConsentId, ExpectedVersion = byType.Version, Reason = "Changed their mind" });
        using var lead = FhirClient(leadToken);

        // The record holder sees the person's every consent, newest first, a page at a time.
        var (found, pages) = await SearchAsync<Hl7.Fhir.Model.Consent>(lead, $"Consent?patient=Patient/{person}&_count=1");
        Assert.Equal([byType.ConsentId, forHousing.ConsentId], found.Select(c => c.Id));
        Assert.Equal(2, pages.Count);
        var housingConsent = found[1];
        Assert.Equal((Hl7.Fhir.Model.Consent.ConsentState.Active, $"Patient/{person}"), (housingConsent.Status, housingConsent.Patient!.Reference));
        Assert.Equal("patient-privacy", housingConsent.Scope.Coding.Single().Code);
        var permit = Assert.Single(housingConsent.Provision!.Provision);
        Assert.Equal(Hl7.Fhir.Model.Consent.ConsentProvisionType.Permit, permit.Type);
        Assert.Equal($"Organization/{_scenario.Housing.AgencyId}", Assert.Single(permit.Actor).Reference!.Reference);
        Assert.Equal(AssessmentScenario.HousingCategories, permit.Code.Select(c => c.Coding.Single().Code));
        Assert.Empty(permit.Purpose);

        // Withdrawn: inactive from the withdrawal; the agency-type recipient is a logical reference a partner can match.
        var denied = found[0];
        Assert.Equal(Hl7.Fhir.Model.Consent.ConsentState.Inactive, denied.Status);
        Assert.Equal(withdrawn.WithdrawnAt.ToDateTimeOffset().ToUnixTimeMilliseconds(), DateTimeOffset.Parse(denied.Provision!.Period!.End!, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds());
        var deny = Assert.Single(denied.Provision.Provision);
        Assert.Equal(Hl7.Fhir.Model.Consent.ConsentProvisionType.Deny, deny.Type);
        Assert.Equal("housing-and-homelessness", Assert.Single(deny.Actor).Reference!.Identifier!.Value);
        Assert.Equal("HOPERAT", Assert.Single(deny.Purpose).Code);

        // The agency named reads the consent that names it; a stranger agency cannot, nor list the person's.
        using var housing = FhirClient(HousingToken());
        var (read, etag) = await GetAsync<Hl7.Fhir.Model.Consent>(housing, $"Consent/{forHousing.ConsentId}");
        Assert.Equal(($"W/\"{forHousing.Version}\"", housingConsent.Provision.Period!.Start), (etag, read.Provision!.Period!.Start));
        using var stranger = FhirClient(VoluntaryToken());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"Consent/{forHousing.ConsentId}")).StatusCode);
        var strangerList = await stranger.GetAsync($"Consent?patient=Patient/{person}");
        Assert.True(strangerList.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.OK, $"{(int)strangerList.StatusCode}");
        Assert.DoesNotContain(forHousing.ConsentId, await strangerList.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await lead.GetAsync("Consent")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"Consent/{forHousing.ConsentId.ToUpperInvariant()}")).StatusCode);

        foreach (var resource in pages.Cast<Resource>().Append(read))
        {
            Assert.Empty(FhirValidation.Errors(resource));
        }

        var audit = await _host.AuditAsync();
        Assert.Contains(audit, r => r is { Operation: "Protocols.GetConsentQuery", ActorId: "housing-system", Outcome: IntegratedCare.BuildingBlocks.Application.Auditing.AuditOutcome.Success });
        Assert.Contains(audit, r => r is { Operation: "Protocols.GetConsentQuery", ActorId: "voluntary-system" } && r.Outcome != IntegratedCare.BuildingBlocks.Application.Auditing.AuditOutcome.Success);
    }

    [Fact]
    public async Task AssessmentsAndReviews_OverFhir_AreObservations_WithOnlyTheDomainsTheCallerMaySee()
    {
        var (person, draft) = await AssessedPersonWithDraftPlanAsync();
        await _scenario.HousingConsentAsync(person);
        var agreed = await _caseManager.RecordParticipationAsync(new RecordParticipationRequest { CarePlanId = draft.CarePlanId, ExpectedVersion = draft.Version, TookPart = true, AgreedOn = Today() });
        var active = await _caseManager.ActivateCarePlanAsync(new ActivateCarePlanRequest { CarePlanId = draft.CarePlanId, ExpectedVersion = agreed.Version });
        var withHousing = await _caseManager.AddActionAsync(new AddActionRequest
        {
            CarePlanId = active.CarePlanId, ExpectedVersion = active.Version, AgencyId = _scenario.Housing.AgencyId, Tier = 1, What = "Housing options interview", DueDate = Today(10),
        });
        var reviewed = await _caseManager.RecordReviewAsync(new RecordReviewRequest
        {
            CarePlanId = active.CarePlanId, ExpectedVersion = withHousing.Version, HeldOn = Today(), Decisions = "Continue",
            OutcomeScores = { new OutcomeScore { Domain = PlanDomain.DrugUse, Score = 4 }, new OutcomeScore { Domain = PlanDomain.HousingAndAccommodation, Score = 6 } },
        });
        using var lead = FhirClient(_host.Token("case-manager-1", ActorKind.Staff, _scenario.Addiction.AgencyId, Roles.CaseManager));
        using var housing = FhirClient(HousingToken());

        // The lead agency: the assessment with every domain's need, and the review with both scores, one per page.
        var (ours, ourPages) = await SearchAsync<Observation>(lead, $"Observation?patient=Patient/{person}&_count=1");
        var assessment = Assert.Single(ours, o => o.Code.Coding.Single().Code == "needs-assessment");
        Assert.Equal(11, assessment.Component.Count);
        Assert.Equal(("high", "moderate"), (Level(assessment, "drug-use"), Level(assessment, "physical-health")));
        var review = Assert.Single(ours, o => o.Code.Coding.Single().Code == "review-outcome-scores");
        Assert.Equal([("drug-use", 4), ("housing-and-accommodation", 6)], Scores(review));
        Assert.Equal($"CarePlan/{reviewed.CarePlanId}", Assert.Single(review.BasedOn).Reference);
        Assert.True(ourPages.Count >= 2);

        // Housing: only the housing domain of each, by search and by id.
        var (theirs, theirPages) = await SearchAsync<Observation>(housing, $"Observation?patient=Patient/{person}");
        Assert.Equal(["housing-and-accommodation"], theirs.Single(o => o.Id == assessment.Id).Component.Select(c => c.Code.Coding.Single().Code));
        Assert.Equal([("housing-and-accommodation", 6)], Scores(theirs.Single(o => o.Id == review.Id)));
        var (byId, _) = await GetAsync<Observation>(housing, $"Observation/{review.Id}");
        Assert.Equal([("housing-and-accommodation", 6)], Scores(byId));
        Assert.DoesNotContain("drug-use", await (await housing.GetAsync($"Observation/{assessment.Id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A stranger agency learns nothing; a forged id or page token is the caller's mistake or nothing at all.
        using var stranger = FhirClient(VoluntaryToken());
        var refused = await stranger.GetAsync($"Observation?patient=Patient/{person}");
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{(int)refused.StatusCode}");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"Observation/{review.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"Observation/{review.Id![..32]}{Guid.NewGuid():N}")).StatusCode);
        var forged = await lead.GetAsync($"Observation?patient=Patient/{person}&_page_token=pZm9yZ2Vk");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains((await ReadAsync<OperationOutcome>(forged)).Issue, i => i.Expression.Contains("_page_token"));

        foreach (var resource in ourPages.Concat(theirPages).Cast<Resource>().Append(byId))
        {
            Assert.Empty(FhirValidation.Errors(resource));
        }

        static string Level(Observation o, string domain) =>
            Assert.IsType<CodeableConcept>(o.Component.Single(c => c.Code.Coding.Single().Code == domain).Value).Coding.Single().Code!;

        static List<(string, int)> Scores(Observation o) => [.. o.Component.Select(c => (c.Code.Coding.Single().Code!, Assert.IsType<Integer>(c.Value).Value!.Value))];
    }

    [Fact]
    public async Task APatient_OverFhir_IsFoundByTheirChi_OnlyByAnAgencyThatMayIdentifyThem()
    {
        var (person, _) = await AssessedPersonWithDraftPlanAsync(AssessmentScenario.Person(identifiers: AssessmentScenario.Chi("1503851230")));
        await _scenario.HousingConsentAsync(person);
        using var housing = FhirClient(HousingToken());
        const string chi = "identifier=urn:oid:2.16.840.1.113883.2.1.3.2.4.16.53|1503851230";

        var (found, pages) = await SearchAsync<Patient>(housing, $"Patient?{chi}");
        Assert.Equal(person, Assert.Single(found).Id);
        var (byName, _) = await SearchAsync<Patient>(housing, "Patient?family=Johnstone&birthdate=1985-03-15");
        Assert.Contains(byName, p => p.Id == person);
        Assert.Empty(FhirValidation.Errors(pages.Single()));

        // A stranger agency finds no one; a number without its system, or a trawl by family name alone, is refused.
        using var stranger = FhirClient(VoluntaryToken());
        var (none, _) = await SearchAsync<Patient>(stranger, $"Patient?{chi}");
        Assert.Empty(none);
        foreach (var (query, field) in new[] { ("identifier=1503851230", "identifier"), ("identifier=https://example.org/id|1503851230", "identifier"), ("family=Johnstone", "family") })
        {
            var refused = await housing.GetAsync($"Patient?{query}");
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)refused.StatusCode}");
            Assert.Contains((await ReadAsync<OperationOutcome>(refused)).Issue, i => i.Expression.Contains(field));
        }
    }

    [Fact]
    public async Task SearchingCarePlans_ByStatus_OverFhir_ReturnsOnlyThoseStatuses_AndRefusesACodeThatIsNotOne()
    {
        var (person, _, plan) = await PlanWithAHousingActionAsync();
        using var housing = FhirClient(HousingToken());

        var (drafts, _) = await SearchAsync<FhirCarePlan>(housing, $"CarePlan?patient=Patient/{person}&status=draft,on-hold");
        Assert.Equal(plan.CarePlanId, Assert.Single(drafts).Id);
        var (actives, _) = await SearchAsync<FhirCarePlan>(housing, $"CarePlan?patient=Patient/{person}&status=active");
        Assert.Empty(actives);
        var refused = await housing.GetAsync($"CarePlan?patient=Patient/{person}&status=open");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains((await ReadAsync<OperationOutcome>(refused)).Issue, i => i.Expression.Contains("status"));
    }

    [Fact]
    public async Task APartnersWorklist_OverFhir_IsItsTasksAndReferrals_ByOwnerStatusAndLastUpdated_AndNoOneElses()
    {
        var (person, _, plan) = await PlanWithAHousingActionAsync();
        var referral = await HousingReferralAsync(person);
        var actionTask = FhirIds(plan.CarePlanId, plan.Actions.Single().ActionId);
        var me = $"Organization/{_scenario.Housing.AgencyId}";
        using var housing = FhirClient(HousingToken());

        // Everything housing owes, a page at a time: its plan action and the referral to it, each once.
        var (owed, pages) = await SearchAsync<FhirTask>(housing, $"Task?owner={me}&_count=1");
        Assert.Equal(new[] { actionTask, referral.ReferralId }.Order(StringComparer.Ordinal), owed.Select(t => t.Id).Order(StringComparer.Ordinal));
        Assert.True(pages.Count >= 2, $"{pages.Count} page(s)");
        Assert.All(owed, t => Assert.Equal(me, t.Owner!.Reference));

        // Answered, it leaves the list of what is still requested; before now it was not changed.
        await _housing.AcceptActionAsync(new AcceptActionRequest { CarePlanId = plan.CarePlanId, ExpectedVersion = plan.Version, ActionId = plan.Actions.Single().ActionId, AssignedWorker = "Officer" });
        var (requested, _) = await SearchAsync<FhirTask>(housing, $"Task?owner={me}&status=requested,received");
        Assert.Equal([referral.ReferralId], requested.Select(t => t.Id));
        var (accepted, _) = await SearchAsync<FhirTask>(housing, $"Task?patient=Patient/{person}&status=accepted");
        Assert.Equal([actionTask], accepted.Select(t => t.Id));
        var minuteAgo = _clock.GetUtcNow().AddMinutes(-1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var (recent, _) = await SearchAsync<FhirTask>(housing, $"Task?owner={me}&_lastUpdated=ge{minuteAgo}");
        Assert.Equal(2, recent.Count);
        var (older, _) = await SearchAsync<FhirTask>(housing, $"Task?owner={me}&_lastUpdated=lt{minuteAgo}");
        Assert.Empty(older);

        // The referral as a ServiceRequest: to housing, of this person, still active; none completed.
        var (incoming, requestPages) = await SearchAsync<ServiceRequest>(housing, $"ServiceRequest?performer={me}&patient=Patient/{person}&status=active");
        Assert.Equal(referral.ReferralId, Assert.Single(incoming).Id);
        var (completed, _) = await SearchAsync<ServiceRequest>(housing, $"ServiceRequest?performer={me}&status=completed");
        Assert.Empty(completed);

        // Another agency asking for housing's work finds none of it.
        using var stranger = FhirClient(VoluntaryToken());
        Assert.Empty((await SearchAsync<FhirTask>(stranger, $"Task?owner={me}")).Matches);
        Assert.Empty((await SearchAsync<ServiceRequest>(stranger, $"ServiceRequest?performer={me}")).Matches);
        Assert.DoesNotContain((await SearchAsync<FhirTask>(stranger, "Task")).Matches, t => t.Id == actionTask || t.Id == referral.ReferralId);

        // Never more than _count on a page; our id in capitals is still our id; open-ended and year-precision bounds.
        Assert.All(pages, p => Assert.True(p.Entry.Count <= 1, $"{p.Entry.Count} entries on a page of 1"));
        var (upper, _) = await SearchAsync<FhirTask>(housing, $"Task?owner=Organization/{_scenario.Housing.AgencyId.ToUpperInvariant()}");
        Assert.Equal(2, upper.Count);
        Assert.Equal(2, (await SearchAsync<FhirTask>(housing, $"Task?owner={me}&_lastUpdated=lt9999-12-31")).Matches.Count);
        Assert.Equal(2, (await SearchAsync<FhirTask>(housing, $"Task?owner={me}&_lastUpdated={_clock.GetUtcNow().Year}")).Matches.Count);
        Assert.Empty((await SearchAsync<FhirTask>(housing, $"Task?owner={me}&_lastUpdated=gt{_clock.GetUtcNow().UtcDateTime:yyyy-MM}")).Matches);

        // A token with no agency is refused as ListCarePlans and ListReferrals refuse it, even when the parameters rule everything out.
        using var admin = FhirClient(_host.Token(null, Roles.SystemAdmin));
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("Task")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"ServiceRequest?performer={me}&requester={me}")).StatusCode);

        // Malformed parameters are the caller's mistake, named.
        foreach (var (query, field) in new[]
        {
            ("Task?_lastUpdated=xx2026-01-01", "_lastUpdated"), ("Task?_lastUpdated=ge2026-13-01", "_lastUpdated"), ("Task?status=done", "status"),
            ($"Task?owner=Patient/{person}", "owner"), ("Task?_page_token=zzz", "_page_token"), ("ServiceRequest?status=requested", "status"),
            ("Task?_lastUpdated=ge2026-01-01&_lastUpdated=lt2027-01-01&_lastUpdated=lt2028-01-01", "_lastUpdated"),
            ("Task?_lastUpdated=ge2026-12-01T10", "_lastUpdated"), ("Task?_lastUpdated=ge1 Dec 2026", "_lastUpdated"),
            ("Task?patient=Patient/00000000-0000-0000-0000-000000000000", "patient"), ("Task?_page_token=p-1.x", "_page_token"),
        })
        {
            var refused = await housing.GetAsync(query);
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)refused.StatusCode}");
            Assert.Contains((await ReadAsync<OperationOutcome>(refused)).Issue, i => i.Expression.Contains(field));
        }

        foreach (var bundle in pages.Concat(requestPages))
        {
            Assert.Empty(FhirValidation.Errors(bundle));
        }

        static string FhirIds(string planId, string actionId) => Guid.Parse(planId).ToString("N") + Guid.Parse(actionId).ToString("N");
    }

    /// <summary>Every match of a search, by its next links, and the pages that held them.</summary>
    private static async Task<(List<T> Matches, List<Bundle> Pages)> SearchAsync<T>(HttpClient client, string first)
        where T : Resource
    {
        var matches = new List<T>();
        var pages = new List<Bundle>();
        for (string? next = first; next is not null;)
        {
            var (page, _) = await GetAsync<Bundle>(client, next);
            pages.Add(page);
            matches.AddRange(page.Entry.Select(e => Assert.IsType<T>(e.Resource)));
            next = page.NextLink?.ToString();
            Assert.True(pages.Count < 50, "a search that never ends");
        }

        return (matches, pages);
    }

    private string HousingToken() => _host.Token("housing-system", ActorKind.AgencySystem, _scenario.Housing.AgencyId, Roles.AgencySystem);

    private string VoluntaryToken() => _host.Token("voluntary-system", ActorKind.AgencySystem, _scenario.Voluntary.AgencyId, Roles.AgencySystem);

    private static FhirTask Accepted(FhirTask task)
    {
        var copy = (FhirTask)task.DeepCopy();
        copy.Status = FhirTask.TaskStatus.Accepted;
        copy.Owner!.Display = "Officer";
        return copy;
    }

    private HttpClient FhirClient(string? token)
    {
        var client = _host.CreateClient();
        client.BaseAddress = new Uri(client.BaseAddress!, "/fhir/r4/");
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private static async Task<(T Resource, string? ETag)> GetAsync<T>(HttpClient client, string path)
        where T : Resource
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        return (await ReadAsync<T>(response), response.Headers.ETag?.ToString());
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string path, Resource resource, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(resource, Fhir), Encoding.UTF8, "application/fhir+json"),
        };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return await client.SendAsync(request);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
        where T : Resource =>
        Assert.IsType<T>(JsonSerializer.Deserialize<Resource>(await response.Content.ReadAsStringAsync(), Fhir));
}
