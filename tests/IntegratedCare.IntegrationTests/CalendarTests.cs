using Google.Rpc;
using Grpc.Core;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// Deadlines in each area's jurisdiction, with real published holidays, over real gRPC on a fake clock:
/// Friday 28 November 2025, before Scotland's St Andrew's Day substitute Monday (1 December 2025).
/// </summary>
public sealed class CalendarTests : IAsyncLifetime
{
    private static readonly DateTimeOffset FridayBeforeStAndrewsSubstitute = new(2025, 11, 28, 15, 0, 0, TimeSpan.Zero);
    private readonly DataFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(FridayBeforeStAndrewsSubstitute);
    private TestHost _host = null!;
    private AgencyScenario _scenario = null!;
    private Area _area = null!;
    private string _person = null!;
    private Agency _housing = null!;
    private InterAgencyProtocol _protocol = null!;
    private ReferralService.ReferralServiceClient _caseManager = null!;

    public async Task InitializeAsync()
    {
        // Tokens are minted on the fake clock, a year back, and checked on the real one: they must outlive the gap.
        _host = new TestHost(
            _folder,
            new Dictionary<string, string?> { ["Authentication:DefaultTokenLifetime"] = "800.00:00:00" },
            s => s.AddSingleton<TimeProvider>(_clock));
        _scenario = new AgencyScenario(_host);
        _area = await _scenario.CreateAreaAsync();
        var (addiction, housing, _) = await _scenario.RegisterPartnersAsync(_area.AreaId);
        _housing = housing;
        _person = await _scenario.RegisterPersonAsync(addiction.AgencyId);
        _protocol = await _scenario.ActiveHousingProtocolAsync(1, ResponseTimeUnit.WorkingDays, "2027-11-01");
        _caseManager = new(_host.Invoker(_host.Token("cm-1", ActorKind.Staff, addiction.AgencyId, Roles.CaseManager)));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task AReferralOnTheFridayBeforeAScottishBankHolidayMonday_IsDueOnTuesday_ButOnMondayInEngland()
    {
        var scottish = await _caseManager.MakeReferralAsync(NewReferral());
        await _scenario.Admin.UpdateAreaAsync(new UpdateAreaRequest
        {
            AreaId = _area.AreaId, ExpectedVersion = _area.Version, Name = _area.Name, Kind = _area.Kind,
            Jurisdiction = Jurisdiction.EnglandAndWales, RehabilitationCoordinator = _area.RehabilitationCoordinator,
        });
        var english = await _caseManager.MakeReferralAsync(NewReferral());

        // One working day: Tuesday 2 December in Scotland (ends at midnight GMT), Monday 1 December in England.
        Assert.Equal(new DateTimeOffset(2025, 12, 3, 0, 0, 0, TimeSpan.Zero), scottish.DueAt.ToDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2025, 12, 2, 0, 0, 0, TimeSpan.Zero), english.DueAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task AnAdministratorLoadsANewerHolidaysFile_AndDeadlinesFollowIt_WhileABadFileIsRefusedWhole()
    {
        var agencyAdmin = _scenario.Client(_housing.AgencyId, Roles.AgencyAdmin);
        const string Newer = """
            { "scotland": { "division": "scotland", "events": [
                { "title": "St Andrew's Day", "date": "2025-12-01", "notes": "Substitute day" },
                { "title": "A day of mourning", "date": "2025-12-02", "notes": "" } ] } }
            """;
        const string Bad = """{ "scotland": { "events": [ { "title": "Typo", "date": "2025-13-01" } ] }, "wales": { "events": [] } }""";

        var denied = await Assert.ThrowsAsync<RpcException>(() => agencyAdmin.LoadHolidaysAsync(new LoadHolidaysRequest { File = Newer }).ResponseAsync);
        var invalid = await Assert.ThrowsAsync<RpcException>(() => _scenario.Admin.LoadHolidaysAsync(new LoadHolidaysRequest { File = Bad }).ResponseAsync);
        var notJson = await Assert.ThrowsAsync<RpcException>(() => _scenario.Admin.LoadHolidaysAsync(new LoadHolidaysRequest { File = "{ nope" }).ResponseAsync);
        var before = await _caseManager.MakeReferralAsync(NewReferral());
        var loaded = await _scenario.Admin.LoadHolidaysAsync(new LoadHolidaysRequest { File = Newer });
        var after = await _caseManager.MakeReferralAsync(NewReferral());
        var listed = await agencyAdmin.ListHolidayCalendarsAsync(new ListHolidayCalendarsRequest());

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Equal(
            new[] { "file.scotland.events[0].date", "file.wales" },
            invalid.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order().ToArray());
        Assert.Equal("file", Assert.Single(notJson.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal(new DateTimeOffset(2025, 12, 3, 0, 0, 0, TimeSpan.Zero), before.DueAt.ToDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2025, 12, 4, 0, 0, 0, TimeSpan.Zero), after.DueAt.ToDateTimeOffset());
        var scotland = Assert.Single(loaded.Calendars, c => c.Jurisdiction == Jurisdiction.Scotland);
        Assert.Equal(("loaded by an administrator", 2025, 2025, 2), (scotland.Source, scotland.FirstYear, scotland.LastYear, scotland.Holidays.Count));
        Assert.Equal(4, listed.Calendars.Count);
        Assert.StartsWith("shipped", Assert.Single(listed.Calendars, c => c.Jurisdiction == Jurisdiction.Ireland).Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAreaOnLondonTimeMustSayWhichJurisdiction_ForTheirHolidaysDiffer()
    {
        var request = new CreateAreaRequest
        {
            Name = "Somewhere on London time",
            Kind = AreaKind.CouncilArea,
            TimeZone = "Europe/London",
            RehabilitationCoordinator = new RehabilitationCoordinator { StaffId = "rc-9", Name = "Co-ordinator", Email = "rc9@example.org" },
        };

        var missing = await Assert.ThrowsAsync<RpcException>(() => _scenario.Admin.CreateAreaAsync(request).ResponseAsync);
        request.Jurisdiction = Jurisdiction.Ireland;
        var mismatched = await Assert.ThrowsAsync<RpcException>(() => _scenario.Admin.CreateAreaAsync(request).ResponseAsync);
        request.Jurisdiction = Jurisdiction.NorthernIreland;
        var created = await _scenario.Admin.CreateAreaAsync(request);

        Assert.Equal("jurisdiction", Assert.Single(missing.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal("time_zone", Assert.Single(mismatched.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal((Jurisdiction.NorthernIreland, "Europe/London"), (created.Jurisdiction, created.TimeZone));
    }

    private MakeReferralRequest NewReferral() => new()
    {
        ProtocolId = _protocol.ProtocolId,
        ServiceUserId = _person,
        ToAgencyId = _housing.AgencyId,
        Reason = "Homeless on discharge from residential rehabilitation; needs temporary accommodation.",
    };
}
