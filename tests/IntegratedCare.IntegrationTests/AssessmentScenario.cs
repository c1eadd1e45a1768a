using IntegratedCare.Assessment.V1;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.V1;
using ProtocolsV1 = IntegratedCare.Protocols.V1;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// An area with an addiction service, a housing service and an NHS mental health team, and an active
/// information sharing protocol that lets the NHS team see a person's identity, health domains and risk
/// flags, and housing their identity and housing domain — each only with the person's consent.
/// </summary>
internal sealed class AssessmentScenario(TestHost host)
{
    public static readonly string[] NhsCategories =
        [DataCategories.Identity, DataCategories.AssessmentPhysicalHealth, DataCategories.AssessmentMentalHealth, DataCategories.RiskFlags];

    public static readonly string[] HousingCategories = [DataCategories.Identity, DataCategories.AssessmentHousing, DataCategories.CarePlan];

    private ConsentService.ConsentServiceClient _consents = null!;

    public Agency Addiction { get; private set; } = null!;

    public Agency Voluntary { get; private set; } = null!;

    public string AreaId { get; private set; } = null!;

    public Agency Housing { get; private set; } = null!;

    public Agency Nhs { get; private set; } = null!;

    public ServiceUserService.ServiceUserServiceClient CaseManagerPeople { get; private set; } = null!;

    public AssessmentService.AssessmentServiceClient CaseManagerAssessments { get; private set; } = null!;

    public ServiceUserService.ServiceUserServiceClient NhsPeople { get; private set; } = null!;

    public AssessmentService.AssessmentServiceClient NhsAssessments { get; private set; } = null!;

    public ServiceUserService.ServiceUserServiceClient HousingPeople { get; private set; } = null!;

    public AssessmentService.AssessmentServiceClient HousingAssessments { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var agencies = new AgencyScenario(host);
        var area = await agencies.CreateAreaAsync();
        AreaId = area.AreaId;
        (Addiction, Housing, Voluntary) = await agencies.RegisterPartnersAsync(area.AreaId);
        Nhs = await agencies.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(area.AreaId, "Vale of Leven Community Mental Health Team", AgencyType.NhsMentalHealth));

        var sharing = new InformationSharingService.InformationSharingServiceClient(host.Invoker(host.Token(null, Roles.SystemAdmin)));
        var draft = await sharing.CreateSharingProtocolAsync(new CreateSharingProtocolRequest
        {
            Name = "West Dunbartonshire Information Sharing Protocol",
            Rules =
            {
                NhsCategories.Select(c => Rule(c, AgencyType.NhsMentalHealth)),
                Rule(DataCategories.CarePlan, AgencyType.NhsMentalHealth),
                HousingCategories.Select(c => Rule(c, AgencyType.HousingAndHomelessness)),
            },
        });
        var version = draft.Version;
        foreach (var agency in new[] { Addiction, Housing, Nhs })
        {
            var signer = new InformationSharingService.InformationSharingServiceClient(host.Invoker(host.Token(agency.AgencyId, Roles.AgencyAdmin)));
            version = (await signer.SignSharingProtocolAsync(new SignSharingProtocolRequest { SharingProtocolId = draft.SharingProtocolId, ExpectedVersion = version, AgencyId = agency.AgencyId })).Version;
        }

        await sharing.ActivateSharingProtocolAsync(new ActivateSharingProtocolRequest { SharingProtocolId = draft.SharingProtocolId, ExpectedVersion = version });

        var caseManager = host.Invoker(host.Token("case-manager-1", ActorKind.Staff, Addiction.AgencyId, Roles.CaseManager));
        _consents = new(caseManager);
        CaseManagerPeople = new(caseManager);
        CaseManagerAssessments = new(caseManager);
        var nhsSystem = host.Invoker(host.Token("nhs-cmht-system", ActorKind.AgencySystem, Nhs.AgencyId, Roles.AgencySystem));
        NhsPeople = new(nhsSystem);
        NhsAssessments = new(nhsSystem);
        var housingSystem = host.Invoker(host.Token("housing-system", ActorKind.AgencySystem, Housing.AgencyId, Roles.AgencySystem));
        HousingPeople = new(housingSystem);
        HousingAssessments = new(housingSystem);
    }

    /// <summary>The person's consent, recorded by the case manager, for the NHS team to see the categories the protocol names.</summary>
    public Task<ProtocolsV1.Consent> NhsConsentAsync(string serviceUserId, bool carePlan = false) =>
        ConsentAsync(serviceUserId, Nhs.AgencyId, carePlan ? [.. NhsCategories, DataCategories.CarePlan] : NhsCategories);

    /// <summary>The person's consent for the housing service to see their identity, housing domain and care plan.</summary>
    public Task<ProtocolsV1.Consent> HousingConsentAsync(string serviceUserId) => ConsentAsync(serviceUserId, Housing.AgencyId, HousingCategories);

    private async Task<ProtocolsV1.Consent> ConsentAsync(string serviceUserId, string agencyId, string[] categories)
    {
        return await _consents.RecordConsentAsync(new RecordConsentRequest
        {
            ServiceUserId = serviceUserId,
            Method = ConsentMethod.Written,
            Provisions = { new ConsentProvision { Type = ProvisionType.Permit, DataCategories = { categories }, AgencyIds = { agencyId } } },
        });
    }

    public static ServiceUserDetails Person(
        string given = "Catherine", string family = "Johnstone", string dateOfBirth = "1985-03-15", params PersonIdentifier[] identifiers) =>
        new()
        {
            Name = new PersonName { GivenName = given, FamilyName = family, KnownAs = "Kate" },
            DateOfBirth = dateOfBirth,
            SexOrGender = "Female",
            Identifiers = { identifiers },
            Contact = new ContactDetails { Phone = "07700 900123", Email = "kate@example.org" },
            Address = new IntegratedCare.Assessment.V1.Address { Line1 = "1 Glebe Street", Town = "Dumbarton", Postcode = "G82 1AA" },
            PreferredLanguage = "English",
        };

    public static PersonIdentifier Chi(string value) => new() { Scheme = IdentifierScheme.Chi, Value = value };

    public static DomainInput Domain(NeedDomain domain, NeedLevel need, string notes = "Assessed at interview") =>
        new() { Domain = domain, Need = need, Notes = notes };

    private static SharingRule Rule(string category, AgencyType recipient) =>
        new() { DataCategory = category, RecipientAgencyType = recipient, Purpose = SharingPurpose.DirectCare, Basis = SharingBasis.Consent };
}
