using IntegratedCare.Protocols.Application.Agencies;
using IntegratedCare.Protocols.Application.Agencies.DeactivateAgency;
using IntegratedCare.Protocols.Application.Agencies.ListAgencies;
using IntegratedCare.Protocols.Application.Agencies.RegisterAgency;
using IntegratedCare.Protocols.Domain.Agencies;

namespace Protocols.Tests;

public sealed class ValidatorTests
{
    private static readonly RegisterAgencyCommand Valid = new(
        "Alexandria Recovery Cafe", AgencyType.VoluntarySector, [Guid.NewGuid().ToString()], new AgencyContactInput("hello@example.org", ""), "");

    public static TheoryData<RegisterAgencyCommand, string> Invalid => new()
    {
        { Valid with { Name = "" }, "name" },
        { Valid with { Name = "tab\there" }, "name" },
        { Valid with { Type = null }, "type" },
        { Valid with { Type = (AgencyType)99 }, "type" },
        { Valid with { AreaIds = [] }, "area_ids" },
        { Valid with { AreaIds = ["nope"] }, "area_ids[0]" },
        { Valid with { AreaIds = [Guid.Empty.ToString()] }, "area_ids[0]" },
        { Valid with { Contact = null }, "contact" },
        { Valid with { Contact = new AgencyContactInput("", "") }, "contact.email" },
        { Valid with { Contact = new AgencyContactInput("a@b.org", "12") }, "contact.phone" },
        { Valid with { OrganisationCode = "$$" }, "organisation_code" },
    };

    [Fact]
    public void RegisterAgency_AValidCommand_Passes() =>
        Assert.True(new RegisterAgencyValidator().Validate(Valid).IsValid);

    [Theory]
    [MemberData(nameof(Invalid))]
    public void RegisterAgency_EachBadField_IsNamedAsOnTheWire(RegisterAgencyCommand command, string field)
    {
        var result = new RegisterAgencyValidator().Validate(command);

        Assert.Contains(field, result.Errors.Select(e => IntegratedCare.BuildingBlocks.Application.FieldNames.ToWireName(e.PropertyName)));
    }

    [Fact]
    public void Deactivate_NeedsAReasonAndAVersion()
    {
        var result = new DeactivateAgencyValidator().Validate(new DeactivateAgencyCommand(Guid.NewGuid().ToString(), -1, " "));

        Assert.Equal(["ExpectedVersion", "Reason"], result.Errors.Select(e => e.PropertyName).Order());
    }

    [Fact]
    public void ListAgencies_RefusesANegativePageSizeAndAMalformedArea()
    {
        var result = new ListAgenciesValidator().Validate(new ListAgenciesQuery(-1, "", null, "x", false));

        Assert.Equal(["AreaId", "PageSize"], result.Errors.Select(e => e.PropertyName).Order());
    }
}
