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
        var consent = await housing.GetAsync("Consent/1");
        Assert.Equal(HttpStatusCode.NotFound, consent.StatusCode);
        Assert.Equal(OperationOutcome.IssueType.NotSupported, Assert.Single((await ReadAsync<OperationOutcome>(consent)).Issue).Code);
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
