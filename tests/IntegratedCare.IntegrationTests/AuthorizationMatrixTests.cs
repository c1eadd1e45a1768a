using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using IntegratedCare.Assessment.V1;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.CarePlan.V1;
using IntegratedCare.GapsBlocks.V1;
using IntegratedCare.Protocols.V1;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static IntegratedCare.IntegrationTests.AssessmentScenario;
using static IntegratedCare.IntegrationTests.Eventually;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// Who may call what, for every RPC method the host serves: each method has a row, each row the expected
/// answer for every kind of caller, called over the wire as raw protobuf (no generated client) on one
/// world — a person registered by the owning agency with an assessment, a plan, a consent, a referral, a
/// form and a meeting. A method the host serves without a row fails the test, so a new method cannot
/// ship without saying who may call it. README's access table is this table.
/// </summary>
public sealed class AuthorizationMatrixTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The callers, in the order of each row's letters.</summary>
    private static readonly string[] Callers =
    [
        "case manager, owning agency", "case manager, stranger agency", "system, owning agency", "system, stranger agency",
        "line manager, owning agency", "rehabilitation co-ordinator", "sub-group member of the area", "national co-ordinator",
        "agency administrator, owning agency", "system administrator",
    ];

    /// <summary>
    /// o = passes every access check (it may still be refused for what it sent: INVALID_ARGUMENT, ABORTED,
    /// FAILED_PRECONDITION); d = PERMISSION_DENIED; n = NOT_FOUND (existence hidden). Every row also expects
    /// PERMISSION_DENIED from a deactivated agency and from a token naming an agency nobody registered, and
    /// UNAUTHENTICATED without a token. Placeholders in the request are the world's ids; version 999 is stale.
    /// </summary>
    private static readonly Dictionary<string, (string Request, string Expected)> Matrix = new()
    {
        // ServiceUserService: a person is known to the agencies in a care relationship with them.
        ["ServiceUserService/RegisterServiceUser"] = ("""{"details":{"name":{"givenName":"Morven","familyName":"Reid"},"dateOfBirth":"1979-05-05"}}""", "oooooddddd"),
        ["ServiceUserService/GetServiceUser"] = ("""{"serviceUserId":"{person}"}""", "ononoddddd"),
        ["ServiceUserService/UpdateServiceUser"] = ("""{"serviceUserId":"{person}","expectedVersion":999,"details":{"name":{"givenName":"Catherine","familyName":"Johnstone"},"dateOfBirth":"1985-03-15"}}""", "ononoddddd"),
        ["ServiceUserService/SearchServiceUsers"] = ("""{"identifier":{"scheme":"IDENTIFIER_SCHEME_CHI","value":"1503851230"}}""", "oooooddddd"),

        // AssessmentService
        ["AssessmentService/StartAssessment"] = ("""{"serviceUserId":"{person}"}""", "ononoddddd"),
        ["AssessmentService/GetAssessment"] = ("""{"assessmentId":"{assessment}"}""", "ononoddddd"),
        ["AssessmentService/ListAssessments"] = ("""{"serviceUserId":"{person}"}""", "ononoddddd"),
        ["AssessmentService/ContributeDomains"] = ("""{"assessmentId":"{assessment}","expectedVersion":999,"domains":[{"domain":"NEED_DOMAIN_DRUG_USE","need":"NEED_LEVEL_LOW","notes":"x"}]}""", "ononoddddd"),
        ["AssessmentService/RaiseRiskFlag"] = ("""{"assessmentId":"{assessment}","expectedVersion":999,"flag":"RISK_FLAG_OVERDOSE","note":"x"}""", "ononoddddd"),
        ["AssessmentService/ClearRiskFlag"] = ("""{"assessmentId":"{assessment}","expectedVersion":999,"flag":"RISK_FLAG_OVERDOSE"}""", "ononoddddd"),
        ["AssessmentService/CompleteAssessment"] = ("""{"assessmentId":"{assessment}","expectedVersion":999,"assessorName":"Morag Campbell"}""", "ononoddddd"),
        ["AssessmentService/GetNeedsSummary"] = ("""{"serviceUserId":"{person}"}""", "ononoddddd"),

        // CarePlanService: an agency taking no part in a plan is told it does not exist.
        ["CarePlanService/GetCarePlan"] = ("""{"carePlanId":"{plan}"}""", "ononoddddd"),
        ["CarePlanService/ListCarePlans"] = ("""{"serviceUserId":"{person}"}""", "oooooddddd"),
        ["CarePlanService/ListCarePlanVersions"] = ("""{"carePlanId":"{plan}"}""", "ononoddddd"),
        ["CarePlanService/RecordParticipation"] = ("""{"carePlanId":"{plan}","expectedVersion":999,"tookPart":true}""", "ononoddddd"),
        ["CarePlanService/AddGoal"] = ("""{"carePlanId":"{plan}","expectedVersion":999,"domain":"NEED_DOMAIN_DRUG_USE","description":"Stop using"}""", "ononoddddd"),
        ["CarePlanService/UpdateGoal"] = ("""{"carePlanId":"{plan}","expectedVersion":999,"goalId":"{goal}","description":"Stop using","lifecycle":"GOAL_LIFECYCLE_ACTIVE"}""", "ononoddddd"),
        ["CarePlanService/ActivateCarePlan"] = ("""{"carePlanId":"{plan}","expectedVersion":999}""", "ononoddddd"),
        ["CarePlanService/PutCarePlanOnHold"] = ("""{"carePlanId":"{plan}","expectedVersion":999,"reason":"In hospital"}""", "ononoddddd"),
        ["CarePlanService/RevokeCarePlan"] = ("""{"carePlanId":"{plan}","expectedVersion":999,"reason":"Moved away"}""", "onddoddddd"),
        ["CarePlanService/AssignLeadCaseManager"] = ("""{"carePlanId":"{plan}","expectedVersion":999,"caseManager":"cm-2"}""", "onddoddddd"),
        ["CarePlanService/AddAction"] = ("""{"carePlanId":"{plan}","expectedVersion":999,"agencyId":"{owner}","tier":1,"what":"Key work","dueDate":"2030-01-01"}""", "ononoddddd"),
        ["CarePlanService/AcceptAction"] = ("""{"carePlanId":"{plan}","expectedVersion":999,"actionId":"{goal}","assignedWorker":"Officer"}""", "ononoddddd"),
        ["CarePlanService/DeclineAction"] = ("""{"carePlanId":"{plan}","expectedVersion":999,"actionId":"{goal}","reason":"VARIANCE_REASON_SERVICE_UNAVAILABLE","note":"x"}""", "ononoddddd"),
        ["CarePlanService/ReportProgress"] = ("""{"carePlanId":"{plan}","expectedVersion":999,"actionId":"{goal}","status":"ACTION_STATUS_IN_PROGRESS","note":"x"}""", "ononoddddd"),
        ["CarePlanService/CodeVariance"] = ("""{"carePlanId":"{plan}","expectedVersion":999,"varianceId":"{goal}","reason":"VARIANCE_REASON_SERVICE_UNAVAILABLE","note":"x"}""", "ononoddddd"),
        ["CarePlanService/HandVarianceToGapsAndBlocks"] = ("""{"carePlanId":"{plan}","expectedVersion":999,"varianceId":"{goal}"}""", "onddoddddd"),
        ["CarePlanService/SetReviewInterval"] = ("""{"carePlanId":"{plan}","expectedVersion":999,"weeks":12}""", "ononoddddd"),
        ["CarePlanService/RecordReview"] = ("""{"carePlanId":"{plan}","expectedVersion":999,"heldOn":"{today}","decisions":"Carry on"}""", "ononoddddd"),
        ["CarePlanService/RecordTreatmentOutcomes"] = ("""{"carePlanId":"{plan}","expectedVersion":999,"occasion":"TOP_OCCASION_START","periodEnd":"{today}","substanceUse":{},"crime":{},"health":{"psychologicalHealth":10,"physicalHealth":10,"qualityOfLife":10},"housing":{},"work":{}}""", "ononoddddd"),
        ["CarePlanService/GetTreatmentOutcomes"] = ("""{"carePlanId":"{plan}"}""", "ononoddddd"),
        ["CarePlanService/GetOutcomeReport"] = ("""{"dimension":"OUTCOME_REPORT_DIMENSION_TIER","from":"2026-01-01","to":"2027-01-01"}""", "dddddooodo"),
        ["CarePlanService/GetWaitingTimesReport"] = ("""{"dimension":"WAITING_TIMES_DIMENSION_AGENCY","from":"2026-01-01","to":"2027-01-01"}""", "dddddooodo"),
        ["CarePlanService/ListOverdueReviews"] = ("{}", "ooddoddddd"),
        ["CarePlanService/MoveToStage"] = ("""{"carePlanId":"{plan}","expectedVersion":999,"stage":"PATHWAY_STAGE_INTERVENTION"}""", "ononoddddd"),
        ["CarePlanService/ExitCarePlan"] = ("""{"carePlanId":"{plan}","expectedVersion":999,"reason":"Goals met"}""", "ononoddddd"),
        ["CarePlanService/FollowCarePlanChanges"] = ("""{"afterPosition":0}""", "oooooddddd"),

        // ConsentService: consent is given to an agency in a care relationship with the person.
        ["ConsentService/RecordConsent"] = ("""{"serviceUserId":"{person}","method":"CONSENT_METHOD_WRITTEN","provisions":[{"type":"PROVISION_TYPE_PERMIT","dataCategories":["identity"],"agencyIds":["{nhs}"]}]}""", "ondnoddddd"),
        ["ConsentService/WithdrawConsent"] = ("""{"consentId":"{consent}","expectedVersion":999,"reason":"The person asked"}""", "ononoddddo"),
        ["ConsentService/GetConsent"] = ("""{"consentId":"{consent}"}""", "ononoddddo"),
        ["ConsentService/ListConsents"] = ("""{"serviceUserId":"{person}"}""", "ononoddddo"),

        // ReferralService: a referral is made by an agency in a care relationship; its parties see it.
        ["ReferralService/MakeReferral"] = ("""{"protocolId":"{protocol}","serviceUserId":"{person}","toAgencyId":"{housing}","reason":"Needs a tenancy"}""", "ononoddddd"),
        ["ReferralService/GetReferral"] = ("""{"referralId":"{referral}"}""", "ononoddddd"),
        ["ReferralService/ListReferrals"] = ("{}", "oooooddddd"),
        ["ReferralService/ReceiveReferral"] = ("""{"referralId":"{referral}","expectedVersion":999}""", "dndndddddd"),
        ["ReferralService/AcceptReferral"] = ("""{"referralId":"{referral}","expectedVersion":999}""", "dndndddddd"),
        ["ReferralService/RejectReferral"] = ("""{"referralId":"{referral}","expectedVersion":999,"reason":"REJECTION_REASON_NO_CAPACITY"}""", "dndndddddd"),
        ["ReferralService/CompleteReferral"] = ("""{"referralId":"{referral}","expectedVersion":999,"outcome":"Housed"}""", "dndndddddd"),
        ["ReferralService/CancelReferral"] = ("""{"referralId":"{referral}","expectedVersion":999,"reason":"Withdrawn"}""", "ononoddddd"),

        // InformationSharingService
        ["InformationSharingService/CreateSharingProtocol"] = ("{}", "dddddddddo"),
        ["InformationSharingService/GetSharingProtocol"] = ("""{"sharingProtocolId":"{sharing}"}""", "oooooooooo"),
        ["InformationSharingService/ListSharingProtocols"] = ("{}", "oooooooooo"),
        ["InformationSharingService/SignSharingProtocol"] = ("""{"sharingProtocolId":"{sharing}","expectedVersion":999,"agencyId":"{owner}"}""", "ddddddddoo"),
        ["InformationSharingService/ActivateSharingProtocol"] = ("""{"sharingProtocolId":"{sharing}","expectedVersion":999}""", "dddddddddo"),
        ["InformationSharingService/RetireSharingProtocol"] = ("""{"sharingProtocolId":"{sharing}","expectedVersion":999}""", "dddddddddo"),
        ["InformationSharingService/CheckDisclosure"] = ("""{"serviceUserId":"{person}","agencyId":"{nhs}","dataCategory":"identity","purpose":"direct-care"}""", "onddododoo"),

        // ProtocolService (inter-agency protocols)
        ["ProtocolService/CreateProtocol"] = ("{}", "dddddddddo"),
        ["ProtocolService/GetProtocol"] = ("""{"protocolId":"{protocol}"}""", "oooooooooo"),
        ["ProtocolService/ListProtocols"] = ("{}", "oooooooooo"),
        ["ProtocolService/UpdateProtocol"] = ("""{"protocolId":"{protocol}","expectedVersion":999}""", "dddddddddo"),
        ["ProtocolService/ActivateProtocol"] = ("""{"protocolId":"{protocol}","expectedVersion":999}""", "dddddddddo"),
        ["ProtocolService/ExpireProtocol"] = ("""{"protocolId":"{protocol}","expectedVersion":999}""", "dddddddddo"),

        // AllocationService
        ["AllocationService/QueueForJointAllocation"] = ("""{"referralId":"{referral}","areaId":"{area}","reason":"Needs several agencies"}""", "ononoddddd"),
        ["AllocationService/ListAllocationQueue"] = ("""{"areaId":"{area}"}""", "ooddoooddo"),
        ["AllocationService/RecordAllocationMeeting"] = ("""{"areaId":"{area}","heldOn":"{today}"}""", "dddddodddo"),

        // AgencyService: the register of agencies and areas.
        ["AgencyService/RegisterAgency"] = ("{}", "ddddddddoo"),
        ["AgencyService/GetAgency"] = ("""{"agencyId":"{owner}"}""", "oooooooooo"),
        ["AgencyService/ListAgencies"] = ("{}", "oooooooooo"),
        ["AgencyService/UpdateAgency"] = ("""{"agencyId":"{owner}","expectedVersion":999}""", "ddddddddoo"),
        ["AgencyService/DeactivateAgency"] = ("""{"agencyId":"{stranger}","expectedVersion":999,"reason":"x"}""", "dddddddddo"),
        ["AgencyService/CreateArea"] = ("{}", "dddddddddo"),
        ["AgencyService/GetArea"] = ("""{"areaId":"{area}"}""", "oooooooooo"),
        ["AgencyService/ListAreas"] = ("{}", "oooooooooo"),
        ["AgencyService/ListHolidayCalendars"] = ("{}", "oooooooooo"),
        ["AgencyService/LoadHolidays"] = ("{}", "dddddddddo"),
        ["AgencyService/UpdateArea"] = ("""{"areaId":"{area}","expectedVersion":999}""", "dddddddddo"),

        // GapsBlocksService: only the role that holds a stage moves the form; a form is hidden from those who may not see it.
        ["GapsBlocksService/CreateForm"] = ("{}", "oodddddddd"),
        ["GapsBlocksService/UpdateForm"] = ("""{"formId":"{form}","expectedVersion":999,"form":{form-fields}}""", "ondddddddd"),
        ["GapsBlocksService/GetForm"] = ("""{"formId":"{form}"}""", "onddoonndd"),
        ["GapsBlocksService/ListForms"] = ("{}", "ooddoooodd"),
        ["GapsBlocksService/CheckFormText"] = ("""{"texts":[{"field":"overview","text":"A shortage of detox beds."}]}""", "ooddoodddd"),
        ["GapsBlocksService/Attest"] = ("""{"formId":"{form}","expectedVersion":999,"text":"Discussed"}""", "onddddnndd"),
        ["GapsBlocksService/Endorse"] = ("""{"formId":"{form}","expectedVersion":999,"text":"Endorsed"}""", "dnddodnndd"),
        ["GapsBlocksService/ReturnForm"] = ("""{"formId":"{form}","expectedVersion":999,"text":"More please"}""", "dnddodnndd"),
        ["GapsBlocksService/ResolveByCoordinator"] = ("""{"formId":"{form}","expectedVersion":999,"text":"Resolved"}""", "dndddonndd"),
        ["GapsBlocksService/RaiseToSubGroup"] = ("""{"formId":"{form}","expectedVersion":999,"text":"Raised"}""", "dndddonndd"),
        ["GapsBlocksService/ResolveBySubGroup"] = ("""{"formId":"{form}","expectedVersion":999,"text":"Resolved"}""", "dndddonndd"),
        ["GapsBlocksService/ReferToNdric"] = ("""{"formId":"{form}","expectedVersion":999,"text":"Referred"}""", "dndddonndd"),
        ["GapsBlocksService/RecordNdricDecision"] = ("""{"formId":"{form}","expectedVersion":999,"text":"Decided"}""", "dnddddnndd"),
        ["GapsBlocksService/ReportBack"] = ("""{"formId":"{form}","expectedVersion":999,"text":"Reported"}""", "dndddonndd"),
        ["GapsBlocksService/AcknowledgeForSubGroup"] = ("""{"formId":"{form}","expectedVersion":999}""", "dndddonndd"),
        ["GapsBlocksService/AcknowledgeAsCaseManager"] = ("""{"formId":"{form}","expectedVersion":999}""", "onddddnndd"),
        ["GapsBlocksService/ScheduleMeeting"] = ("""{"kind":"MEETING_KIND_SUB_GROUP","areaId":"{area}","heldOn":"{today}"}""", "dddddodddd"),
        ["GapsBlocksService/ListMeetings"] = ("{}", "dddddooodd"),
        ["GapsBlocksService/GetMeetingPack"] = ("""{"meetingId":"{meeting}"}""", "dddddoondd"),
        ["GapsBlocksService/RecordMinutes"] = ("""{"meetingId":"{meeting}","expectedVersion":999,"decisions":[{"formId":"{form}","decision":"ITEM_DECISION_DEFERRED","text":"Later"}]}""", "dddddodndd"),
        ["GapsBlocksService/GetPlanningReport"] = ("""{"dimension":"REPORT_DIMENSION_CATEGORY","from":"2026-01-01","to":"2026-12-31"}""", "dddddooodo"),
        ["GapsBlocksService/AskForMoreDetail"] = ("""{"formId":"{form}","question":"Which service?"}""", "dddddodddd"),
        ["GapsBlocksService/GiveMoreDetail"] = ("""{"formId":"{form}","detailId":"{form}","serviceUserId":"{person}","consentId":"{consent}","detail":"x"}""", "ondddddddd"),
        ["GapsBlocksService/ListMoreDetail"] = ("""{"formId":"{form}"}""", "onddoodddd"),
        ["GapsBlocksService/ListHandedVariances"] = ("{}", "ooddoddddd"),
    };

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);
    private readonly DataFolder _folder = new();
    private TestHost _host = null!;
    private Dictionary<string, string> _ids = null!;
    private CallInvoker[] _callers = null!;
    private CallInvoker _deactivated = null!;
    private CallInvoker _unknown = null!;
    private CallInvoker _anonymous = null!;

    public async Task InitializeAsync()
    {
        _host = new TestHost(_folder);
        var s = new AssessmentScenario(_host);
        await s.InitializeAsync();
        var agencies = new AgencyScenario(_host);
        var gone = await agencies.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(s.AreaId, "Closed Project", IntegratedCare.Protocols.V1.AgencyType.VoluntarySector));
        await agencies.Admin.DeactivateAgencyAsync(new DeactivateAgencyRequest { AgencyId = gone.AgencyId, ExpectedVersion = gone.Version, Reason = "Service closed" });

        // The world: a person of the owning (addiction) agency, assessed, with a plan, a consent, a referral to housing, a form and a meeting.
        var owner = s.Addiction.AgencyId;
        var person = (await s.CaseManagerPeople.RegisterServiceUserAsync(new RegisterServiceUserRequest { Details = Person(identifiers: AssessmentScenario.Chi("1503851230")) })).ServiceUserId;
        var started = await s.CaseManagerAssessments.StartAssessmentAsync(new StartAssessmentRequest { ServiceUserId = person });
        var contributed = await s.CaseManagerAssessments.ContributeDomainsAsync(new ContributeDomainsRequest
        {
            AssessmentId = started.AssessmentId, ExpectedVersion = started.Version,
            Domains = { Enum.GetValues<IntegratedCare.Assessment.V1.NeedDomain>().Where(d => d != IntegratedCare.Assessment.V1.NeedDomain.Unspecified).Select(d => Domain(d, d == IntegratedCare.Assessment.V1.NeedDomain.DrugUse ? NeedLevel.High : NeedLevel.Low)) },
        });
        await s.CaseManagerAssessments.CompleteAssessmentAsync(new CompleteAssessmentRequest { AssessmentId = started.AssessmentId, ExpectedVersion = contributed.Version, AssessorName = "Morag Campbell" });
        var plans = new CarePlanService.CarePlanServiceClient(Staff(owner, Roles.CaseManager));
        var plan = (await WaitForAsync(() => plans.ListCarePlansAsync(new ListCarePlansRequest { ServiceUserId = person }).ResponseAsync, r => r.CarePlans.Count > 0)).CarePlans.Single();
        var consent = await s.NhsConsentAsync(person);
        var protocol = await agencies.ActiveHousingProtocolAsync(5, ResponseTimeUnit.WorkingDays, "2030-01-01");
        var referral = await new ReferralService.ReferralServiceClient(Staff(owner, Roles.CaseManager)).MakeReferralAsync(new MakeReferralRequest
        {
            ProtocolId = protocol.ProtocolId, ServiceUserId = person, ToAgencyId = s.Housing.AgencyId, Reason = "Homeless on discharge",
        });
        var sharing = (await new InformationSharingService.InformationSharingServiceClient(_host.Invoker(_host.Token(null, Roles.SystemAdmin))).ListSharingProtocolsAsync(new ListSharingProtocolsRequest())).SharingProtocols.Single();
        var fields = new FormFields
        {
            AreaId = s.AreaId, ProjectName = "Clydebank Addiction Service", FormDate = Today(),
            CaseManager = new CaseManagerContact { Name = "A. Case Manager", Email = "case.manager@example.org", Phone = "01389 000000" },
            Overview = "A person leaving residential detox has no supported accommodation to go to.",
            Actions = { new ActionStep { Who = "Case manager", What = "Referred to the housing options team", Outcome = "No supported places", Date = Today() } },
            CurrentSituation = "Discharge planned with no accommodation.", Recommendations = "Commission supported accommodation places.",
            Category = FormCategory.Housing, Kind = FormKind.ResourceGap,
        };
        var form = await new GapsBlocksService.GapsBlocksServiceClient(Staff(owner, Roles.CaseManager, "cm-1")).CreateFormAsync(new CreateFormRequest { Form = fields });
        var meeting = await new GapsBlocksService.GapsBlocksServiceClient(_host.Invoker(_host.Token("coordinator-1", ActorKind.Staff, null, Roles.RehabilitationCoordinator)))
            .ScheduleMeetingAsync(new ScheduleMeetingRequest { Kind = MeetingKind.SubGroup, AreaId = s.AreaId, HeldOn = Today() });

        _ids = new()
        {
            ["{person}"] = person, ["{assessment}"] = started.AssessmentId, ["{plan}"] = plan.CarePlanId, ["{goal}"] = plan.Goals.First().GoalId,
            ["{consent}"] = consent.ConsentId, ["{referral}"] = referral.ReferralId, ["{protocol}"] = protocol.ProtocolId, ["{sharing}"] = sharing.SharingProtocolId,
            ["{form}"] = form.FormId, ["{meeting}"] = meeting.MeetingId, ["{area}"] = s.AreaId, ["{owner}"] = owner, ["{stranger}"] = s.Voluntary.AgencyId,
            ["{housing}"] = s.Housing.AgencyId, ["{nhs}"] = s.Nhs.AgencyId, ["{today}"] = Today(),
            ["{form-fields}"] = JsonFormatter.Default.Format(fields),
        };
        var stranger = s.Voluntary.AgencyId;
        _callers =
        [
            Staff(owner, Roles.CaseManager, "cm-1"), Staff(stranger, Roles.CaseManager, "cm-stranger"),
            PartnerSystem(owner), PartnerSystem(stranger),
            Staff(owner, Roles.LineManager), _host.Invoker(_host.Token("coordinator-1", ActorKind.Staff, null, Roles.RehabilitationCoordinator)),
            Staff(owner, Roles.SubgroupMember), _host.Invoker(_host.Token("nc-1", ActorKind.Staff, null, Roles.NationalCoordinator)),
            Staff(owner, Roles.AgencyAdmin), _host.Invoker(_host.Token("admin-1", ActorKind.Staff, null, Roles.SystemAdmin)),
        ];
        _deactivated = _host.Invoker(_host.Token("cm-gone", ActorKind.Staff, gone.AgencyId, [.. Roles.All.Where(r => r != Roles.AgencySystem)]));
        _unknown = _host.Invoker(_host.Token("cm-ghost", ActorKind.Staff, Guid.NewGuid().ToString(), [.. Roles.All.Where(r => r != Roles.AgencySystem)]));
        _anonymous = _host.Invoker(null);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task EveryRpcMethod_HasARow_AndEveryCallerGetsWhatItsRowSays()
    {
        var methods = ServedMethods();
        Assert.Empty(methods.Keys.Where(m => !Matrix.ContainsKey(m)).Order());
        Assert.Empty(Matrix.Keys.Where(m => !methods.ContainsKey(m)).Order());

        var wrong = new List<string>();
        var table = new StringBuilder();
        foreach (var (name, (request, expected)) in Matrix.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var method = methods[name];
            var body = Body(method.Request, request);
            var got = new StringBuilder();
            for (var i = 0; i < _callers.Length; i++)
            {
                got.Append(Letter(await CallAsync(_callers[i], method, body)));
            }

            foreach (var (who, invoker, want) in new[] { ("deactivated agency", _deactivated, StatusCode.PermissionDenied), ("unknown agency", _unknown, StatusCode.PermissionDenied), ("no token", _anonymous, StatusCode.Unauthenticated) })
            {
                var status = await CallAsync(invoker, method, body);
                if (status != want)
                {
                    wrong.Add($"{name}: {who} got {status}, expected {want}");
                }
            }

            table.AppendLine($"{name,-50} {got}");
            for (var i = 0; i < Callers.Length; i++)
            {
                if (expected[i] != '?' && expected[i] != got[i])
                {
                    wrong.Add($"{name}: {Callers[i]} got '{got[i]}', expected '{expected[i]}'");
                }
            }
        }

        output.WriteLine(table.ToString());
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private static char Letter(StatusCode status) => status switch
    {
        StatusCode.PermissionDenied => 'd',
        StatusCode.NotFound => 'n',
        StatusCode.Unauthenticated => 'u',
        StatusCode.Internal or StatusCode.Unknown => '!',
        _ => 'o',
    };

    /// <summary>Every method the host maps, from the gRPC endpoints themselves (the health check is open by design).</summary>
    private Dictionary<string, (string Service, string Method, MethodType Type, MessageDescriptor Request)> ServedMethods() =>
        _host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>())
            .OfType<GrpcMethodMetadata>()
            .Where(m => !m.Method.ServiceName.StartsWith("grpc.", StringComparison.Ordinal))
            .DistinctBy(m => m.Method.FullName)
            .ToDictionary(
                m => $"{m.Method.ServiceName[(m.Method.ServiceName.LastIndexOf('.') + 1)..]}/{m.Method.Name}",
                m => (m.Method.ServiceName, m.Method.Name, m.Method.Type, RequestDescriptor(m.Method)));

    private static MessageDescriptor RequestDescriptor(IMethod method) =>
        (MessageDescriptor)method.GetType().GetGenericArguments()[0].GetProperty("Descriptor")!.GetValue(null)!;

    private byte[] Body(MessageDescriptor descriptor, string template)
    {
        var json = _ids.Aggregate(template, (text, id) => text.Replace(id.Key, id.Value, StringComparison.Ordinal));
        return JsonParser.Default.Parse(json, descriptor).ToByteArray();
    }

    private static async Task<StatusCode> CallAsync(CallInvoker invoker, (string Service, string Method, MethodType Type, MessageDescriptor Request) method, byte[] body)
    {
        try
        {
            if (method.Type == MethodType.ServerStreaming)
            {
                // A stream that passes its checks stays open: the client hangs up after a moment (CANCELLED), or
                // reads a first message. A refusal comes back at once.
                using var hangUp = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
                using var stream = invoker.AsyncServerStreamingCall(
                    new Method<byte[], byte[]>(MethodType.ServerStreaming, method.Service, method.Method, Bytes, Bytes), null, new CallOptions(cancellationToken: hangUp.Token), body);
                await stream.ResponseStream.MoveNext(hangUp.Token);
                return StatusCode.OK;
            }

            var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30));

            await invoker.AsyncUnaryCall(new Method<byte[], byte[]>(MethodType.Unary, method.Service, method.Method, Bytes, Bytes), null, options, body);
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    private CallInvoker Staff(string agencyId, string role, string? subject = null) =>
        _host.Invoker(_host.Token(subject ?? $"{role}-{agencyId[..8]}", ActorKind.Staff, agencyId, role));

    private CallInvoker PartnerSystem(string agencyId) => _host.Invoker(_host.Token($"system-{agencyId[..8]}", ActorKind.AgencySystem, agencyId, Roles.AgencySystem));

    /// <summary>Today in the area's calendar, as YYYY-MM-DD.</summary>
    private static string Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
