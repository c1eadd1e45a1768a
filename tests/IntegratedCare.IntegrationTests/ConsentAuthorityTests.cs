using Google.Rpc;
using Grpc.Core;
using IntegratedCare.Assessment.V1;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.V1;
using static IntegratedCare.IntegrationTests.AssessmentScenario;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// Who may give a person's data away, tried as a stranger agency, a partner system acting for itself and
/// a deactivated agency would: each finding of the consent-authority review, over real gRPC, refused with
/// the right status and with nothing stored or disclosed.
/// </summary>
public sealed class ConsentAuthorityTests : IAsyncLifetime
{
    private const string Chi = "1503851230";
    private readonly DataFolder _folder = new();
    private TestHost _host = null!;
    private AssessmentScenario _s = null!;
    private string _person = null!;

    public async Task InitializeAsync()
    {
        _host = new TestHost(_folder);
        _s = new AssessmentScenario(_host);
        await _s.InitializeAsync();
        _person = (await _s.CaseManagerPeople.RegisterServiceUserAsync(new RegisterServiceUserRequest { Details = Person(identifiers: AssessmentScenario.Chi(Chi)) })).ServiceUserId;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task AStrangerAgency_CannotFindThePersonByChi_NorForgeAConsentForThem_AndTheThirdAgencySeesNothing()
    {
        var strangerPeople = new ServiceUserService.ServiceUserServiceClient(StaffOf(_s.Voluntary.AgencyId, "cm-stranger"));
        var strangerConsents = new ConsentService.ConsentServiceClient(StaffOf(_s.Voluntary.AgencyId, "cm-stranger"));

        var search = await strangerPeople.SearchServiceUsersAsync(new SearchServiceUsersRequest { Identifier = AssessmentScenario.Chi(Chi) });
        var forged = await Assert.ThrowsAsync<RpcException>(() => strangerConsents.RecordConsentAsync(Permit(
            _person, _s.Housing.AgencyId, DataCategories.Identity, DataCategories.ContactDetails, DataCategories.AssessmentHousing, DataCategories.CarePlan)).ResponseAsync);
        var housingRead = await Assert.ThrowsAsync<RpcException>(() => _s.HousingPeople.GetServiceUserAsync(new GetServiceUserRequest { ServiceUserId = _person }).ResponseAsync);

        Assert.Empty(search.Matches);
        Assert.Equal(StatusCode.NotFound, forged.StatusCode);
        Assert.Equal(StatusCode.NotFound, housingRead.StatusCode);
        Assert.Equal(0, await _host.RowsAsync("protocols_consents"));
        Assert.DoesNotContain("Catherine", forged.Status.Detail + housingRead.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APartnerSystem_CannotGrantItsOwnAgencyData_NotEvenToUndoAWithdrawal()
    {
        await AcceptedReferralToHousingAsync();
        var lead = new ConsentService.ConsentServiceClient(StaffOf(_s.Addiction.AgencyId, "case-manager-1"));
        var housingSystem = new ConsentService.ConsentServiceClient(SystemOf(_s.Housing.AgencyId));
        var housingStaff = new ConsentService.ConsentServiceClient(StaffOf(_s.Housing.AgencyId, "housing-officer"));
        var given = await lead.RecordConsentAsync(Permit(_person, _s.Housing.AgencyId, DataCategories.AssessmentHousing));
        await lead.WithdrawConsentAsync(new WithdrawConsentRequest { ConsentId = given.ConsentId, ExpectedVersion = given.Version, Reason = "The person asked us to stop" });

        var bySystem = await Assert.ThrowsAsync<RpcException>(() => housingSystem.RecordConsentAsync(
            Permit(_person, _s.Housing.AgencyId, DataCategories.ContactDetails, DataCategories.RiskFlags)).ResponseAsync);
        var byStaff = await Assert.ThrowsAsync<RpcException>(() => housingStaff.RecordConsentAsync(
            Permit(_person, _s.Housing.AgencyId, DataCategories.AssessmentHousing)).ResponseAsync);
        var refusalWithPermit = Permit(_person, _s.Housing.AgencyId, DataCategories.ContactDetails);
        refusalWithPermit.Refused = true;
        var refusedBySystem = await Assert.ThrowsAsync<RpcException>(() => housingSystem.RecordConsentAsync(refusalWithPermit).ResponseAsync);
        var leadToItself = await Assert.ThrowsAsync<RpcException>(() => lead.RecordConsentAsync(
            Permit(_person, _s.Addiction.AgencyId, DataCategories.AssessmentHousing)).ResponseAsync);
        var decision = await new InformationSharingService.InformationSharingServiceClient(SystemOf(_s.Housing.AgencyId)).CheckDisclosureAsync(new CheckDisclosureRequest
        {
            ServiceUserId = _person, AgencyId = _s.Housing.AgencyId, DataCategory = DataCategories.AssessmentHousing, Purpose = SharingPurposes.DirectCare,
        });

        Assert.Equal(StatusCode.PermissionDenied, bySystem.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, byStaff.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, refusedBySystem.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, leadToItself.StatusCode);
        Assert.Equal("provisions[0].agency_ids[0]", Assert.Single(leadToItself.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.False(decision.Permitted);
        Assert.Equal(1, await _host.RowsAsync("protocols_consents"));
    }

    [Fact]
    public async Task AStranger_CannotBlockThePerson_AndADenyFromTheCareTeam_IsSeenAndWithdrawnByTheLead()
    {
        var lead = new ConsentService.ConsentServiceClient(StaffOf(_s.Addiction.AgencyId, "case-manager-1"));
        var stranger = new ConsentService.ConsentServiceClient(StaffOf(_s.Voluntary.AgencyId, "cm-stranger"));
        var permit = await _s.NhsConsentAsync(_person);

        var blocked = await Assert.ThrowsAsync<RpcException>(() => stranger.RecordConsentAsync(Deny(_person, _s.Nhs.AgencyId, DataCategories.Identity)).ResponseAsync);
        var stillSeen = await _s.NhsPeople.GetServiceUserAsync(new GetServiceUserRequest { ServiceUserId = _person });

        // Housing, once it has accepted a referral, is in a care relationship: its system may record a deny.
        await AcceptedReferralToHousingAsync();
        var deny = await new ConsentService.ConsentServiceClient(SystemOf(_s.Housing.AgencyId)).RecordConsentAsync(Deny(_person, _s.Nhs.AgencyId, DataCategories.Identity));
        var denied = await Assert.ThrowsAsync<RpcException>(() => _s.NhsPeople.GetServiceUserAsync(new GetServiceUserRequest { ServiceUserId = _person }).ResponseAsync);
        var seenByLead = await lead.ListConsentsAsync(new ListConsentsRequest { ServiceUserId = _person });

        // Lifting a deny lets data flow again: not for a partner system, nor an agency that does not hold the record.
        var liftedByHousing = await Assert.ThrowsAsync<RpcException>(() => new ConsentService.ConsentServiceClient(SystemOf(_s.Housing.AgencyId))
            .WithdrawConsentAsync(new WithdrawConsentRequest { ConsentId = deny.ConsentId, ExpectedVersion = deny.Version, Reason = "x" }).ResponseAsync);
        await lead.WithdrawConsentAsync(new WithdrawConsentRequest { ConsentId = deny.ConsentId, ExpectedVersion = deny.Version, Reason = "Recorded against the wrong team" });
        var seenAgain = await _s.NhsPeople.GetServiceUserAsync(new GetServiceUserRequest { ServiceUserId = _person });

        Assert.Equal(StatusCode.NotFound, blocked.StatusCode);
        Assert.Equal("Catherine", stillSeen.Name.GivenName);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(new[] { deny.ConsentId, permit.ConsentId }.Order(), seenByLead.Consents.Select(c => c.ConsentId).Order());
        Assert.Equal(_s.Housing.AgencyId, seenByLead.Consents.Single(c => c.ConsentId == deny.ConsentId).RecordingAgencyId);
        Assert.Equal(StatusCode.PermissionDenied, liftedByHousing.StatusCode);
        Assert.Equal("Catherine", seenAgain.Name.GivenName);
        Assert.Equal(2, await _host.RowsAsync("protocols_consents"));
    }

    [Fact]
    public async Task AReferralByAStranger_IsNotFound_AndNothingIsStored()
    {
        var protocol = await new AgencyScenario(_host).ActiveHousingProtocolAsync(5, ResponseTimeUnit.WorkingDays, "2030-01-01");
        var stranger = new ReferralService.ReferralServiceClient(StaffOf(_s.Voluntary.AgencyId, "cm-stranger"));

        var refused = await Assert.ThrowsAsync<RpcException>(() => stranger.MakeReferralAsync(new MakeReferralRequest
        {
            ProtocolId = protocol.ProtocolId, ServiceUserId = _person, ToAgencyId = _s.Housing.AgencyId, Reason = "Needs a tenancy",
        }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        Assert.Equal(0, await _host.RowsAsync("protocols_referrals"));
    }

    [Fact]
    public async Task ADeactivatedAgency_IsRefusedOnItsVeryNextCall_AndAnUnknownAgencyOnItsFirst()
    {
        var housingReferrals = new ReferralService.ReferralServiceClient(SystemOf(_s.Housing.AgencyId));
        var before = await housingReferrals.ListReferralsAsync(new ListReferralsRequest { Direction = ReferralDirection.Incoming });
        var admin = new AgencyService.AgencyServiceClient(_host.Invoker(_host.Token(null, Roles.SystemAdmin)));
        var housing = await admin.GetAgencyAsync(new GetAgencyRequest { AgencyId = _s.Housing.AgencyId });
        await admin.DeactivateAgencyAsync(new DeactivateAgencyRequest { AgencyId = housing.AgencyId, ExpectedVersion = housing.Version, Reason = "Service closed" });

        var after = await Assert.ThrowsAsync<RpcException>(() => housingReferrals.ListReferralsAsync(new ListReferralsRequest { Direction = ReferralDirection.Incoming }).ResponseAsync);
        var unknown = new ServiceUserService.ServiceUserServiceClient(StaffOf(Guid.NewGuid().ToString(), "cm-nowhere"));
        var byUnknown = await Assert.ThrowsAsync<RpcException>(() => unknown.RegisterServiceUserAsync(new RegisterServiceUserRequest { Details = Person("Ann", "Other", "1970-01-01") }).ResponseAsync);

        Assert.Empty(before.Referrals);
        Assert.Equal(StatusCode.PermissionDenied, after.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, byUnknown.StatusCode);
        Assert.Equal(1, await _host.RowsAsync("assessment_service_users"));
    }

    [Fact]
    public async Task RegisteringAPersonAnotherAgencyHolds_NamesNoRecordTheCallerMayNotSee()
    {
        var strangerPeople = new ServiceUserService.ServiceUserServiceClient(StaffOf(_s.Voluntary.AgencyId, "cm-stranger"));

        // The same name and date of birth, without the CHI: a likely match the stranger may not know of.
        var registered = await strangerPeople.RegisterServiceUserAsync(new RegisterServiceUserRequest { Details = Person() });
        var byLead = await Assert.ThrowsAsync<RpcException>(() => _s.CaseManagerPeople.RegisterServiceUserAsync(new RegisterServiceUserRequest { Details = Person() }).ResponseAsync);

        Assert.NotEqual(_person, registered.ServiceUserId);
        Assert.Equal(StatusCode.FailedPrecondition, byLead.StatusCode);
        Assert.Contains(_person, byLead.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(registered.ServiceUserId, byLead.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgencyPermittedOnlyByConsent_CannotMakeItselfARecordHolder_ByStartingAnAssessment()
    {
        await _s.NhsConsentAsync(_person);

        var started = await Assert.ThrowsAsync<RpcException>(() => _s.NhsAssessments.StartAssessmentAsync(new StartAssessmentRequest { ServiceUserId = _person }).ResponseAsync);
        var stillSeen = await _s.NhsPeople.GetServiceUserAsync(new GetServiceUserRequest { ServiceUserId = _person });

        Assert.Equal(StatusCode.PermissionDenied, started.StatusCode);
        Assert.Equal("Catherine", stillSeen.Name.GivenName);
        Assert.Equal(0, await _host.RowsAsync("assessment_assessments"));
    }

    [Fact]
    public async Task AStrangerAskingAboutItsOwnAccess_GetsTheSameBareRefusal_WhetherThePersonExistsOrNot()
    {
        var lead = new ConsentService.ConsentServiceClient(StaffOf(_s.Addiction.AgencyId, "case-manager-1"));
        await lead.RecordConsentAsync(new RecordConsentRequest
        {
            ServiceUserId = _person, Method = ConsentMethod.Verbal,
            Provisions = { new IntegratedCare.Protocols.V1.ConsentProvision { Type = ProvisionType.Deny, DataCategories = { DataCategories.Identity }, AgencyTypes = { AgencyType.VoluntarySector } } },
        });
        var stranger = new InformationSharingService.InformationSharingServiceClient(SystemOf(_s.Voluntary.AgencyId));
        CheckDisclosureRequest Ask(string person) => new() { ServiceUserId = person, AgencyId = _s.Voluntary.AgencyId, DataCategory = DataCategories.Identity, Purpose = SharingPurposes.DirectCare };

        var aboutThePerson = await stranger.CheckDisclosureAsync(Ask(_person));
        var aboutNobody = await stranger.CheckDisclosureAsync(Ask(Guid.NewGuid().ToString()));

        Assert.False(aboutThePerson.Permitted);
        Assert.Equal(aboutNobody.ToString(), aboutThePerson.ToString());
    }

    /// <summary>Housing receives and accepts a referral about the person from the addiction service: a care relationship.</summary>
    private async Task AcceptedReferralToHousingAsync()
    {
        var protocol = await new AgencyScenario(_host).ActiveHousingProtocolAsync(5, ResponseTimeUnit.WorkingDays, "2030-01-01");
        var referrer = new ReferralService.ReferralServiceClient(StaffOf(_s.Addiction.AgencyId, "case-manager-1"));
        var receiver = new ReferralService.ReferralServiceClient(SystemOf(_s.Housing.AgencyId));
        var made = await referrer.MakeReferralAsync(new MakeReferralRequest
        {
            ProtocolId = protocol.ProtocolId, ServiceUserId = _person, ToAgencyId = _s.Housing.AgencyId, Reason = "Homeless on discharge",
        });
        var received = await receiver.ReceiveReferralAsync(new ReceiveReferralRequest { ReferralId = made.ReferralId, ExpectedVersion = made.Version });
        await receiver.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = made.ReferralId, ExpectedVersion = received.Version });
    }

    private CallInvoker StaffOf(string agencyId, string subject) => _host.Invoker(_host.Token(subject, ActorKind.Staff, agencyId, Roles.CaseManager));

    private CallInvoker SystemOf(string agencyId) => _host.Invoker(_host.Token($"system-{agencyId}", ActorKind.AgencySystem, agencyId, Roles.AgencySystem));

    private static RecordConsentRequest Permit(string person, string agencyId, params string[] categories) => new()
    {
        ServiceUserId = person,
        Method = ConsentMethod.Written,
        Provisions = { new IntegratedCare.Protocols.V1.ConsentProvision { Type = ProvisionType.Permit, DataCategories = { categories }, AgencyIds = { agencyId } } },
    };

    private static RecordConsentRequest Deny(string person, string agencyId, params string[] categories) => new()
    {
        ServiceUserId = person,
        Method = ConsentMethod.Verbal,
        Provisions = { new IntegratedCare.Protocols.V1.ConsentProvision { Type = ProvisionType.Deny, DataCategories = { categories }, AgencyIds = { agencyId } } },
    };
}
