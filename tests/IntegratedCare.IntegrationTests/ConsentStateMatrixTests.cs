using Grpc.Core;
using IntegratedCare.Assessment.V1;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.CarePlan.V1;
using IntegratedCare.Protocols.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static IntegratedCare.IntegrationTests.AssessmentScenario;
using static IntegratedCare.IntegrationTests.Eventually;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// The disclosing methods, by the state of the person's consent, for two recipients the sharing protocol
/// covers: the NHS team (no care relationship: it knows the person only through a consent in force) and
/// housing (in a care relationship: it accepted a referral and holds an action on the plan). Letters as
/// in <see cref="AuthorizationMatrixTests"/>, for GetServiceUser, GetAssessment, GetNeedsSummary and GetCarePlan.
/// </summary>
public sealed class ConsentStateMatrixTests : IAsyncLifetime
{
    private readonly DataFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestHost _host = null!;
    private AssessmentScenario _s = null!;
    private string _person = null!;
    private string _assessment = null!;
    private string _plan = null!;
    private readonly Dictionary<string, CallInvoker> _systems = [];
    private CallInvoker _caseManager = null!;

    public async Task InitializeAsync()
    {
        _host = new TestHost(_folder, services: s => s.AddSingleton<TimeProvider>(_clock));
        _s = new AssessmentScenario(_host);
        await _s.InitializeAsync();

        // Tokens are minted now: the fake clock moves on later, the token validator's does not.
        _caseManager = _host.Invoker(_host.Token("case-manager-1", ActorKind.Staff, _s.Addiction.AgencyId, Roles.CaseManager));
        foreach (var agency in new[] { _s.Nhs.AgencyId, _s.Housing.AgencyId })
        {
            _systems[agency] = _host.Invoker(_host.Token($"system-{agency[..8]}", ActorKind.AgencySystem, agency, Roles.AgencySystem));
        }
        _person = (await _s.CaseManagerPeople.RegisterServiceUserAsync(new RegisterServiceUserRequest { Details = Person() })).ServiceUserId;
        var started = await _s.CaseManagerAssessments.StartAssessmentAsync(new StartAssessmentRequest { ServiceUserId = _person });
        var contributed = await _s.CaseManagerAssessments.ContributeDomainsAsync(new ContributeDomainsRequest
        {
            AssessmentId = started.AssessmentId, ExpectedVersion = started.Version,
            Domains = { Enum.GetValues<IntegratedCare.Assessment.V1.NeedDomain>().Where(d => d != IntegratedCare.Assessment.V1.NeedDomain.Unspecified).Select(d => Domain(d, NeedLevel.High)) },
        });
        await _s.CaseManagerAssessments.CompleteAssessmentAsync(new CompleteAssessmentRequest { AssessmentId = started.AssessmentId, ExpectedVersion = contributed.Version, AssessorName = "Morag Campbell" });
        _assessment = started.AssessmentId;
        var plans = new CarePlanService.CarePlanServiceClient(CaseManager());
        var plan = (await WaitForAsync(() => plans.ListCarePlansAsync(new ListCarePlansRequest { ServiceUserId = _person }).ResponseAsync, r => r.CarePlans.Count > 0)).CarePlans.Single();
        await plans.AddActionAsync(new AddActionRequest
        {
            CarePlanId = plan.CarePlanId, ExpectedVersion = plan.Version, AgencyId = _s.Housing.AgencyId, Tier = 1, What = "Housing options interview",
            DueDate = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        _plan = plan.CarePlanId;

        var protocol = await new AgencyScenario(_host).ActiveHousingProtocolAsync(5, ResponseTimeUnit.WorkingDays, "2030-01-01");
        var made = await new ReferralService.ReferralServiceClient(CaseManager()).MakeReferralAsync(new MakeReferralRequest
        {
            ProtocolId = protocol.ProtocolId, ServiceUserId = _person, ToAgencyId = _s.Housing.AgencyId, Reason = "Homeless on discharge",
        });
        var housing = new ReferralService.ReferralServiceClient(_systems[_s.Housing.AgencyId]);
        var received = await housing.ReceiveReferralAsync(new ReceiveReferralRequest { ReferralId = made.ReferralId, ExpectedVersion = made.Version });
        await housing.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = made.ReferralId, ExpectedVersion = received.Version });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("none", "nnnn", "dddd")]
    [InlineData("permit", "ooon", "oooo")]
    [InlineData("deny", "dddn", "dddd")]
    [InlineData("withdrawn", "nnnn", "dddd")]
    [InlineData("expired", "nnnn", "dddd")]
    public async Task WhatARecipientIsShown_FollowsTheConsentState(string state, string nhs, string housing)
    {
        var consents = new ConsentService.ConsentServiceClient(CaseManager());
        if (state != "none")
        {
            var permit = await consents.RecordConsentAsync(new RecordConsentRequest
            {
                ServiceUserId = _person,
                Method = ConsentMethod.Written,
                Provisions =
                {
                    Provision(ProvisionType.Permit, _s.Nhs.AgencyId, [.. NhsCategories, IntegratedCare.Protocols.Contracts.DataCategories.CarePlan]),
                    Provision(ProvisionType.Permit, _s.Housing.AgencyId, HousingCategories),
                },
                ExpiresAt = state == "expired" ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(_clock.GetUtcNow().AddDays(1)) : null,
            });
            switch (state)
            {
                case "deny":
                    await consents.RecordConsentAsync(new RecordConsentRequest
                    {
                        ServiceUserId = _person,
                        Method = ConsentMethod.Verbal,
                        Provisions =
                        {
                            Provision(ProvisionType.Deny, _s.Nhs.AgencyId, [.. NhsCategories, IntegratedCare.Protocols.Contracts.DataCategories.CarePlan]),
                            Provision(ProvisionType.Deny, _s.Housing.AgencyId, HousingCategories),
                        },
                    });
                    break;
                case "withdrawn":
                    await consents.WithdrawConsentAsync(new WithdrawConsentRequest { ConsentId = permit.ConsentId, ExpectedVersion = permit.Version, Reason = "The person asked us to stop" });
                    break;
                case "expired":
                    _clock.Advance(TimeSpan.FromDays(2));
                    break;
            }
        }

        Assert.Equal(nhs, await ShownAsync(_s.Nhs.AgencyId));
        Assert.Equal(housing, await ShownAsync(_s.Housing.AgencyId));
    }

    private async Task<string> ShownAsync(string agencyId)
    {
        var invoker = _systems[agencyId];
        var people = new ServiceUserService.ServiceUserServiceClient(invoker);
        var assessments = new AssessmentService.AssessmentServiceClient(invoker);
        var plans = new CarePlanService.CarePlanServiceClient(invoker);
        return string.Concat(
            await LetterAsync(people.GetServiceUserAsync(new GetServiceUserRequest { ServiceUserId = _person }).ResponseAsync),
            await LetterAsync(assessments.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = _assessment }).ResponseAsync),
            await LetterAsync(assessments.GetNeedsSummaryAsync(new GetNeedsSummaryRequest { ServiceUserId = _person }).ResponseAsync),
            await LetterAsync(plans.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = _plan }).ResponseAsync));
    }

    private static async Task<char> LetterAsync<T>(Task<T> call)
    {
        try
        {
            await call;
            return 'o';
        }
        catch (RpcException ex)
        {
            return ex.StatusCode switch { StatusCode.PermissionDenied => 'd', StatusCode.NotFound => 'n', _ => '!' };
        }
    }

    private CallInvoker CaseManager() => _caseManager;

    private static IntegratedCare.Protocols.V1.ConsentProvision Provision(ProvisionType type, string agencyId, string[] categories) =>
        new() { Type = type, DataCategories = { categories }, AgencyIds = { agencyId } };
}
