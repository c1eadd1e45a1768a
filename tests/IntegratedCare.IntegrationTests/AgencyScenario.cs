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
