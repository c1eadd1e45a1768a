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
