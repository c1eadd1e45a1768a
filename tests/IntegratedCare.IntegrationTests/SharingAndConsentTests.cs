using Google.Rpc;
using Grpc.Core;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// The sharing decision over real gRPC: an addiction service, a housing service and a third agency, an
/// active information sharing protocol, and a person's consent.
/// </summary>
public sealed class SharingAndConsentTests : IAsyncLifetime
{
    private string _person = null!;
    private readonly DataFolder _folder = new();
    private TestHost _host = null!;
    private Agency _addiction = null!;
    private Agency _housing = null!;
    private Agency _voluntary = null!;
    private SharingProtocol _protocol = null!;

    public async Task InitializeAsync()
    {
        _host = new TestHost(_folder);
        var scenario = new AgencyScenario(_host);
        var area = await scenario.CreateAreaAsync();
        (_addiction, _housing, _voluntary) = await scenario.RegisterPartnersAsync(area.AreaId);
        _person = await scenario.RegisterPersonAsync(_addiction.AgencyId);

        var sharing = Sharing(_host.Token(null, Roles.SystemAdmin));
        var draft = await sharing.CreateSharingProtocolAsync(new CreateSharingProtocolRequest
        {
            Name = "West Dunbartonshire Information Sharing Protocol",
            Rules =
            {
                new SharingRule { DataCategory = DataCategories.AssessmentHousing, RecipientAgencyType = AgencyType.HousingAndHomelessness, Purpose = SharingPurpose.DirectCare, Basis = SharingBasis.Consent },
                new SharingRule { DataCategory = DataCategories.AssessmentFamilyAndChildren, RecipientAgencyType = AgencyType.HousingAndHomelessness, Purpose = SharingPurpose.Safeguarding, Basis = SharingBasis.LegalOverride, LegalBasisCode = "child-protection" },
            },
        });
        var signed = await sharing.SignSharingProtocolAsync(new SignSharingProtocolRequest { SharingProtocolId = draft.SharingProtocolId, ExpectedVersion = draft.Version, AgencyId = _addiction.AgencyId });
        var housingAdmin = Sharing(_host.Token(_housing.AgencyId, Roles.AgencyAdmin));
        signed = await housingAdmin.SignSharingProtocolAsync(new SignSharingProtocolRequest { SharingProtocolId = draft.SharingProtocolId, ExpectedVersion = signed.Version, AgencyId = _housing.AgencyId });
        _protocol = await sharing.ActivateSharingProtocolAsync(new ActivateSharingProtocolRequest { SharingProtocolId = draft.SharingProtocolId, ExpectedVersion = signed.Version });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task AWithdrawnConsent_TurnsAPermitIntoADenyForTheNextRequest()
    {
        var caseManager = Consents(_host.Token("cm-1", ActorKind.Staff, _addiction.AgencyId, Roles.CaseManager));
        var housingSystem = Sharing(_host.Token("housing-system", ActorKind.AgencySystem, _housing.AgencyId, Roles.AgencySystem));
        var ask = new CheckDisclosureRequest { ServiceUserId = _person, AgencyId = _housing.AgencyId, DataCategory = DataCategories.AssessmentHousing, Purpose = SharingPurposes.DirectCare };

        var beforeConsent = await housingSystem.CheckDisclosureAsync(ask);
        var consent = await caseManager.RecordConsentAsync(new RecordConsentRequest
        {
            ServiceUserId = _person,
            Method = ConsentMethod.Written,
            Provisions = { new ConsentProvision { Type = ProvisionType.Permit, DataCategories = { DataCategories.AssessmentHousing }, AgencyIds = { _housing.AgencyId } } },
        });
        var withConsent = await housingSystem.CheckDisclosureAsync(ask);
        var withdrawn = await caseManager.WithdrawConsentAsync(new WithdrawConsentRequest { ConsentId = consent.ConsentId, ExpectedVersion = consent.Version, Reason = "The person asked us to stop sharing" });
        var afterWithdrawal = await housingSystem.CheckDisclosureAsync(ask);

        Assert.False(beforeConsent.Permitted);
        Assert.True(withConsent.Permitted);
        Assert.Equal((consent.ConsentId, _protocol.SharingProtocolId), (withConsent.ConsentId, withConsent.SharingProtocolId));
        Assert.Equal(ConsentStatus.Inactive, withdrawn.Status);
        Assert.False(afterWithdrawal.Permitted);
        var decisions = (await _host.AuditAsync()).Where(r => r.Operation == "Protocols.MaySeeQuery").ToList();
        Assert.Equal(3, decisions.Count);
        Assert.All(decisions, d => Assert.Equal((_person, "housing-system", _housing.AgencyId), (d.ServiceUserId, d.ActorId, d.AgencyId)));
        Assert.Contains($"consent {consent.ConsentId}", decisions[1].Basis, StringComparison.Ordinal);
        Assert.StartsWith("deny: ", decisions[2].Basis, StringComparison.Ordinal);
        Assert.Contains(await OutboxTypesAsync(), t => t.Contains(nameof(ConsentWithdrawnIntegrationEvent), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AChildProtectionOverride_PermitsWithoutConsent_AndTheReasonIsAudited()
    {
        var caseManager = Sharing(_host.Token("cm-2", ActorKind.Staff, _addiction.AgencyId, Roles.CaseManager));

        var decision = await caseManager.CheckDisclosureAsync(new CheckDisclosureRequest
        {
            ServiceUserId = _person,
            AgencyId = _housing.AgencyId,
            DataCategory = DataCategories.AssessmentFamilyAndChildren,
            Purpose = SharingPurposes.Safeguarding,
            OverrideBasis = "child-protection",
            OverrideReason = "Duty to share: concern for a child in the household",
        });

        Assert.True(decision.Permitted);
        Assert.Equal(string.Empty, decision.ConsentId);
        var audit = Assert.Single(await _host.AuditAsync(), r => r.Operation == "Protocols.MaySeeQuery");
        Assert.Contains("legal basis child-protection: Duty to share: concern for a child in the household", audit.Basis, StringComparison.Ordinal);
        Assert.Equal(AuditOutcome.Success, audit.Outcome);
    }

    [Fact]
    public async Task AnOverrideWithoutAReason_IsInvalid()
    {
        var caseManager = Sharing(_host.Token("cm-2", ActorKind.Staff, _addiction.AgencyId, Roles.CaseManager));

        var ex = await Assert.ThrowsAsync<RpcException>(() => caseManager.CheckDisclosureAsync(new CheckDisclosureRequest
        {
            ServiceUserId = _person, AgencyId = _housing.AgencyId, DataCategory = DataCategories.AssessmentFamilyAndChildren,
            Purpose = SharingPurposes.Safeguarding, OverrideBasis = "child-protection",
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("override_reason", Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task AConsentForSomeoneNotOnTheRegister_IsNotFound_AsForAPersonTheAgencyHasNoRelationshipWith()
    {
        var caseManager = Consents(_host.Token("cm-1", ActorKind.Staff, _addiction.AgencyId, Roles.CaseManager));

        var ex = await Assert.ThrowsAsync<RpcException>(() => caseManager.RecordConsentAsync(new RecordConsentRequest
        {
            ServiceUserId = Guid.NewGuid().ToString(),
            Method = ConsentMethod.Written,
            Provisions = { new ConsentProvision { Type = ProvisionType.Permit, DataCategories = { DataCategories.AssessmentHousing }, AgencyIds = { _housing.AgencyId } } },
        }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal(0, await _host.RowsAsync("protocols_consents"));
    }

    [Fact]
    public async Task APartnerSystem_MayAskOnlyAboutItsOwnAgency()
    {
        var housingSystem = Sharing(_host.Token("housing-system", ActorKind.AgencySystem, _housing.AgencyId, Roles.AgencySystem));

        var ex = await Assert.ThrowsAsync<RpcException>(() => housingSystem.CheckDisclosureAsync(new CheckDisclosureRequest
        {
            ServiceUserId = _person, AgencyId = _voluntary.AgencyId, DataCategory = DataCategories.Identity, Purpose = SharingPurposes.DirectCare,
        }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains(await _host.AuditAsync(), r => r.Operation == "Protocols.CheckDisclosureQuery" && r.Outcome == AuditOutcome.Denied);
    }

    [Fact]
    public async Task AConsent_IsInvisibleToAnotherAgency()
    {
        var recorder = Consents(_host.Token("cm-1", ActorKind.Staff, _addiction.AgencyId, Roles.CaseManager));
        var stranger = Consents(_host.Token("cm-9", ActorKind.Staff, _voluntary.AgencyId, Roles.CaseManager));
        var consent = await recorder.RecordConsentAsync(new RecordConsentRequest
        {
            ServiceUserId = _person, Method = ConsentMethod.Verbal,
            Provisions = { new ConsentProvision { Type = ProvisionType.Permit, DataCategories = { DataCategories.Identity }, AgencyTypes = { AgencyType.NhsPrimaryCare } } },
        });

        var get = await Assert.ThrowsAsync<RpcException>(() => stranger.GetConsentAsync(new GetConsentRequest { ConsentId = consent.ConsentId }).ResponseAsync);
        var withdraw = await Assert.ThrowsAsync<RpcException>(() => stranger.WithdrawConsentAsync(
            new WithdrawConsentRequest { ConsentId = consent.ConsentId, ExpectedVersion = 0, Reason = "x" }).ResponseAsync);
        var listed = await Assert.ThrowsAsync<RpcException>(() => stranger.ListConsentsAsync(new ListConsentsRequest { ServiceUserId = _person }).ResponseAsync);
        var own = await recorder.ListConsentsAsync(new ListConsentsRequest { ServiceUserId = _person });

        Assert.Equal(StatusCode.NotFound, get.StatusCode);
        Assert.Equal(StatusCode.NotFound, withdraw.StatusCode);
        Assert.Equal(StatusCode.NotFound, listed.StatusCode);
        Assert.Equal(consent.ConsentId, Assert.Single(own.Consents).ConsentId);
    }

    [Fact]
    public async Task AConsentNamingAnUnknownCategoryOrAgency_IsRefusedByFieldAndNothingIsStored()
    {
        var caseManager = Consents(_host.Token("cm-1", ActorKind.Staff, _addiction.AgencyId, Roles.CaseManager));

        var badCategory = await Assert.ThrowsAsync<RpcException>(() => caseManager.RecordConsentAsync(new RecordConsentRequest
        {
            ServiceUserId = _person, Method = ConsentMethod.Written,
            Provisions = { new ConsentProvision { Type = ProvisionType.Permit, DataCategories = { "shoe-size" }, AgencyIds = { _housing.AgencyId } } },
        }).ResponseAsync);
        var unknownAgency = await Assert.ThrowsAsync<RpcException>(() => caseManager.RecordConsentAsync(new RecordConsentRequest
        {
            ServiceUserId = _person, Method = ConsentMethod.Written,
            Provisions = { new ConsentProvision { Type = ProvisionType.Permit, DataCategories = { DataCategories.Identity }, AgencyIds = { Guid.NewGuid().ToString() } } },
        }).ResponseAsync);

        Assert.Equal("provisions[0].data_categories[0]", Assert.Single(badCategory.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal("provisions[0].agency_ids[0]", Assert.Single(unknownAgency.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Empty((await caseManager.ListConsentsAsync(new ListConsentsRequest { ServiceUserId = _person })).Consents);
    }

    [Fact]
    public async Task RetiringTheProtocol_TakesEffectOnTheNextDecision()
    {
        var caseManager = Consents(_host.Token("cm-1", ActorKind.Staff, _addiction.AgencyId, Roles.CaseManager));
        await caseManager.RecordConsentAsync(new RecordConsentRequest
        {
            ServiceUserId = _person, Method = ConsentMethod.Written,
            Provisions = { new ConsentProvision { Type = ProvisionType.Permit, DataCategories = { DataCategories.AssessmentHousing }, AgencyTypes = { AgencyType.HousingAndHomelessness } } },
        });
        var admin = Sharing(_host.Token(null, Roles.SystemAdmin));
        var ask = new CheckDisclosureRequest { ServiceUserId = _person, AgencyId = _housing.AgencyId, DataCategory = DataCategories.AssessmentHousing, Purpose = SharingPurposes.DirectCare };

        var before = await admin.CheckDisclosureAsync(ask);
        await admin.RetireSharingProtocolAsync(new RetireSharingProtocolRequest { SharingProtocolId = _protocol.SharingProtocolId, ExpectedVersion = _protocol.Version });
        var after = await admin.CheckDisclosureAsync(ask);

        Assert.True(before.Permitted);
        Assert.False(after.Permitted);
    }

    private InformationSharingService.InformationSharingServiceClient Sharing(string token) => new(_host.Invoker(token));

    private ConsentService.ConsentServiceClient Consents(string token) => new(_host.Invoker(token));

    private async Task<List<string>> OutboxTypesAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().OutboxMessages.Select(m => m.Type).ToListAsync();
    }
}
