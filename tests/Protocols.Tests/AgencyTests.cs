using IntegratedCare.BuildingBlocks.Domain.Calendar;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Areas;

namespace Protocols.Tests;

public sealed class AgencyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static AgencyDetails Details(string name = " Leven Project ", params AreaId[] areas) => new(
        name,
        AgencyType.VoluntarySector,
        areas.Length == 0 ? [AreaId.New()] : areas,
        new AgencyContact(" team@example.org ", "01389 000000"),
        "lp01");

    [Fact]
    public void Register_NormalisesDetailsStartsActiveAtVersionZeroAndRaisesAnEvent()
    {
        var agency = Agency.Register(Details(), nameIsTaken: false, Now);

        Assert.Equal("Leven Project", agency.Name);
        Assert.Equal("team@example.org", agency.Contact.Email);
        Assert.Equal("LP01", agency.OrganisationCode);
        Assert.Equal(AgencyStatus.Active, agency.Status);
        Assert.Equal(0, agency.Version);
        var registered = Assert.IsType<AgencyRegistered>(Assert.Single(agency.DomainEvents));
        Assert.Equal(agency.Id, registered.AgencyId);
    }

    [Fact]
    public void Register_WhenTheNameIsTaken_IsRefusedAsAUniquenessRule()
    {
        var ex = Assert.Throws<BusinessRuleViolationException>(() => Agency.Register(Details(), nameIsTaken: true, Now));

        Assert.Equal(nameof(AgencyNameMustBeUniqueRule), ex.Rule);
        Assert.True(ex.IsUniqueness);
    }

    [Fact]
    public void Register_WithoutAnArea_IsRefused()
    {
        var details = Details() with { AreaIds = [] };

        var ex = Assert.Throws<BusinessRuleViolationException>(() => Agency.Register(details, nameIsTaken: false, Now));

        Assert.Equal(nameof(AgencyMustServeAnAreaRule), ex.Rule);
    }

    [Fact]
    public void Update_WithTheCurrentVersion_AppliesAndMovesTheVersionOn()
    {
        var agency = Agency.Register(Details(), false, Now);
        var area = AreaId.New();

        agency.Update(0, Details("Leven Recovery Project", area), false, Now.AddDays(1));

        Assert.Equal("Leven Recovery Project", agency.Name);
        Assert.Equal([area], agency.AreaIds);
        Assert.Equal(1, agency.Version);
        Assert.Equal(Now.AddDays(1), agency.UpdatedAt);
        Assert.IsType<AgencyUpdated>(agency.DomainEvents.Last());
    }

    [Fact]
    public void Update_WithAStaleVersion_IsAConcurrencyConflictAndChangesNothing()
    {
        var agency = Agency.Register(Details(), false, Now);
        agency.Update(0, Details("Renamed Once"), false, Now);

        var ex = Assert.Throws<ConcurrencyConflictException>(() => agency.Update(0, Details("Renamed From Stale"), false, Now));

        Assert.Equal((0L, 1L), (ex.ExpectedVersion!.Value, ex.ActualVersion!.Value));
        Assert.Equal("Renamed Once", agency.Name);
    }

    [Fact]
    public void Deactivate_RecordsWhyAndWhen_ThenRefusesEveryChange()
    {
        var agency = Agency.Register(Details(), false, Now);

        agency.Deactivate(0, " Service closed ", Now.AddDays(3));

        Assert.Equal(AgencyStatus.Inactive, agency.Status);
        Assert.Equal("Service closed", agency.DeactivationReason);
        Assert.Equal(Now.AddDays(3), agency.DeactivatedAt);
        Assert.Equal(nameof(InactiveAgencyCannotChangeRule),
            Assert.Throws<BusinessRuleViolationException>(() => agency.Update(1, Details(), false, Now)).Rule);
        Assert.Equal(nameof(InactiveAgencyCannotChangeRule),
            Assert.Throws<BusinessRuleViolationException>(() => agency.Deactivate(1, "again", Now)).Rule);
    }

    [Fact]
    public void Area_Create_TakesItsClockFromItsJurisdiction_AndNeedsAUniqueName()
    {
        var coordinator = new RehabilitationCoordinator("rc-1", "Co-ordinator", "rc@example.org", string.Empty);

        var area = Area.Create(" Clydebank ", AreaKind.CouncilArea, Jurisdiction.Scotland, coordinator, false, Now);

        Assert.Equal("Clydebank", area.Name);
        Assert.Equal("Europe/London", area.TimeZone);
        Assert.Equal("Europe/Dublin", Area.Create("Ballymun", AreaKind.DrugsTaskForceArea, Jurisdiction.Ireland, coordinator, false, Now).TimeZone);
        Assert.IsType<AreaCreated>(Assert.Single(area.DomainEvents));
        Assert.True(Assert.Throws<BusinessRuleViolationException>(
            () => Area.Create("X", AreaKind.CouncilArea, Jurisdiction.Ireland, coordinator, true, Now)).IsUniqueness);
    }
}
