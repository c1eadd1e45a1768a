using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.V1;

namespace IntegratedCare.IntegrationTests;

/// <summary>Steps several tests share: a system administrator's client, an area, an agency.</summary>
internal sealed class AgencyScenario(TestHost host)
{
    public AgencyService.AgencyServiceClient Admin { get; } = new(host.Invoker(host.Token(null, Roles.SystemAdmin)));

    public AgencyService.AgencyServiceClient Client(string? agencyId, params string[] roles) =>
        new(host.Invoker(host.Token(agencyId, roles)));

    public async Task<Area> CreateAreaAsync(string name = "West Dunbartonshire") =>
        await Admin.CreateAreaAsync(new CreateAreaRequest
        {
            Name = name,
            Kind = AreaKind.CouncilArea,
            TimeZone = "Europe/London",
            Jurisdiction = Jurisdiction.Scotland,
            RehabilitationCoordinator = new RehabilitationCoordinator
            {
                StaffId = "coordinator-1",
                Name = "Area Co-ordinator",
                Email = "rehab.coordinator@example.org",
            },
        });

    /// <summary>The three partners most scenarios need: an addiction service, housing, and a third party.</summary>
    public async Task<Partners> RegisterPartnersAsync(string areaId) => new(
        await Admin.RegisterAgencyAsync(NewAgency(areaId, "Clydebank Addiction Service", AgencyType.SpecialistAddictionService)),
        await Admin.RegisterAgencyAsync(NewAgency(areaId, "Dumbarton Housing Options", AgencyType.HousingAndHomelessness)),
        await Admin.RegisterAgencyAsync(NewAgency(areaId, "Leven Project", AgencyType.VoluntarySector)));

    /// <summary>An active housing–addiction protocol with the given response time and review date.</summary>
    public async Task<InterAgencyProtocol> ActiveHousingProtocolAsync(int responseDays, ResponseTimeUnit unit, string reviewDate)
    {
        var protocols = new ProtocolService.ProtocolServiceClient(host.Invoker(host.Token(null, Roles.SystemAdmin)));
        var draft = await protocols.CreateProtocolAsync(new CreateProtocolRequest
        {
            Name = "Housing and addiction services protocol",
            PartyAgencyTypes = { AgencyType.SpecialistAddictionService, AgencyType.HousingAndHomelessness },
            ReferralCriteria = "A person in addiction treatment who is homeless or at risk of homelessness.",
            ResponseTimeAmount = responseDays,
            ResponseTimeUnit = unit,
            EscalationContact = new EscalationContact { Role = "Housing Options Team Leader", Email = "housing.lead@example.org" },
            ReviewDate = reviewDate,
        });
        return await protocols.ActivateProtocolAsync(new ActivateProtocolRequest { ProtocolId = draft.ProtocolId, ExpectedVersion = draft.Version });
    }

    /// <summary>Registers a person, with a name and date of birth no other test person shares, for the agency's case manager.</summary>
    public async Task<string> RegisterPersonAsync(string agencyId)
    {
        var people = new IntegratedCare.Assessment.V1.ServiceUserService.ServiceUserServiceClient(
            host.Invoker(host.Token("case-manager-1", ActorKind.Staff, agencyId, Roles.CaseManager)));
        string Letters() => new(Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());
        var person = await people.RegisterServiceUserAsync(new IntegratedCare.Assessment.V1.RegisterServiceUserRequest
        {
            Details = new IntegratedCare.Assessment.V1.ServiceUserDetails
            {
                Name = new IntegratedCare.Assessment.V1.PersonName { GivenName = Letters(), FamilyName = Letters() },
                DateOfBirth = new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(15_000)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            },
        });
        return person.ServiceUserId;
    }

    public static RegisterAgencyRequest NewAgency(string areaId, string name = "Dumbarton Housing Options", AgencyType type = AgencyType.HousingAndHomelessness) =>
        new()
        {
            Name = name,
            Type = type,
            AreaIds = { areaId },
            Contact = new AgencyContact { Email = "referrals@example.org", Phone = "+44 1389 000000" },
            OrganisationCode = "WDC01",
        };
}

internal sealed record Partners(Agency Addiction, Agency Housing, Agency Voluntary);
