using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.Application.Agencies;
using IntegratedCare.Protocols.Application.Agencies.RegisterAgency;
using IntegratedCare.Protocols.Application.Agencies.UpdateAgency;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Areas;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Protocols.Tests;

public sealed class AgencyHandlerTests
{
    private readonly IAgencyRepository _agencies = Substitute.For<IAgencyRepository>();
    private readonly IAreaRepository _areas = Substitute.For<IAreaRepository>();
    private readonly IAuditScope _audit = Substitute.For<IAuditScope>();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    public AgencyHandlerTests() =>
        _areas.MissingAsync(Arg.Any<IReadOnlyCollection<AreaId>>(), Arg.Any<CancellationToken>()).Returns([]);

    [Fact]
    public async Task Register_AddsTheAgencyAndNamesItToTheAuditTrail()
    {
        var handler = new RegisterAgencyHandler(_agencies, _areas, _audit, _clock);

        var dto = await handler.Handle(Command(Guid.NewGuid().ToString()), CancellationToken.None);

        _agencies.Received(1).Add(Arg.Is<Agency>(a => a.Id.ToString() == dto.AgencyId));
        _audit.Received(1).Resource(dto.AgencyId);
        Assert.Equal(_clock.GetUtcNow(), dto.CreatedAt);
    }

    [Fact]
    public async Task Register_InAnAreaThatDoesNotExist_NamesTheFieldAndAddsNothing()
    {
        var known = Guid.NewGuid().ToString();
        var unknown = Guid.NewGuid();
        _areas.MissingAsync(Arg.Any<IReadOnlyCollection<AreaId>>(), Arg.Any<CancellationToken>()).Returns([new AreaId(unknown)]);
        var handler = new RegisterAgencyHandler(_agencies, _areas, _audit, _clock);

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() =>
            handler.Handle(Command(known, unknown.ToString()), CancellationToken.None));

        Assert.Equal("area_ids[1]", Assert.Single(ex.Errors).Field);
        _agencies.DidNotReceive().Add(Arg.Any<Agency>());
    }

    [Fact]
    public async Task Update_ByTheAdministratorOfAnotherAgency_IsForbiddenAndChangesNothing()
    {
        var agency = Agency.Register(new AgencyDetails("Target", AgencyType.NhsAcute, [AreaId.New()], new AgencyContact("a@example.org", ""), ""), false, _clock.GetUtcNow());
        _agencies.FindAsync(agency.Id, Arg.Any<CancellationToken>()).Returns(agency);
        var actor = new CurrentActor();
        actor.Set(new Actor("admin-1", ActorKind.Staff, Guid.NewGuid().ToString(), new HashSet<string> { Roles.AgencyAdmin }));
        var handler = new UpdateAgencyHandler(_agencies, _areas, actor, _audit, Substitute.For<IUnitOfWork>(), Substitute.For<IActingAgencies>(), Substitute.For<IntegratedCare.BuildingBlocks.Application.Caching.ISharedCaches>(), _clock);
        var command = new UpdateAgencyCommand(agency.Id.ToString(), 0, "Renamed", AgencyType.NhsAcute, [Guid.NewGuid().ToString()], new AgencyContactInput("a@example.org", ""), "");

        await Assert.ThrowsAsync<ForbiddenException>(() => handler.Handle(command, CancellationToken.None));

        Assert.Equal("Target", agency.Name);
        Assert.Equal(0, agency.Version);
    }

    [Fact]
    public async Task Update_OfContactDetailsOnly_ReadsNoAreaOrNameAndTellsNoCache()
    {
        var (agency, handler, caches, _) = UpdateSetUp();
        var command = new UpdateAgencyCommand(agency.Id.ToString(), 0, " Target ", AgencyType.NhsAcute, agency.AreaIds.Select(a => a.ToString()).ToList(), new AgencyContactInput("new@example.org", ""), "");

        await handler.Handle(command, CancellationToken.None);

        Assert.Equal("new@example.org", agency.Contact.Email);
        await _areas.DidNotReceive().MissingAsync(Arg.Any<IReadOnlyCollection<AreaId>>(), Arg.Any<CancellationToken>());
        await _agencies.DidNotReceive().ActiveNameIsTakenAsync(Arg.Any<string>(), Arg.Any<AgencyId?>(), Arg.Any<CancellationToken>());
        await caches.DidNotReceive().ChangedAsync(Arg.Any<string>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Update_ThatRenamesAndAddsAnArea_ChecksBothAndTellsEveryHost()
    {
        var (agency, handler, caches, unitOfWork) = UpdateSetUp();
        var added = AreaId.New();
        var command = new UpdateAgencyCommand(agency.Id.ToString(), 0, "Renamed", AgencyType.NhsAcute, [agency.AreaIds[0].ToString(), added.ToString()], new AgencyContactInput("a@example.org", ""), "");

        await handler.Handle(command, CancellationToken.None);

        await _areas.Received(1).MissingAsync(Arg.Is<IReadOnlyCollection<AreaId>>(ids => ids.SequenceEqual(new[] { added })), Arg.Any<CancellationToken>());
        await _agencies.Received(1).ActiveNameIsTakenAsync("Renamed", agency.Id, Arg.Any<CancellationToken>());
        await caches.Received(1).ChangedAsync(IActingAgencies.CacheName, Arg.Any<CancellationToken>());
        unitOfWork.Received(1).AfterCommit(Arg.Any<Action>());
    }

    [Fact]
    public async Task Update_ToAnAreaThatDoesNotExist_NamesTheFieldItWasSentIn()
    {
        var (agency, handler, _, _) = UpdateSetUp();
        var unknown = AreaId.New();
        _areas.MissingAsync(Arg.Any<IReadOnlyCollection<AreaId>>(), Arg.Any<CancellationToken>()).Returns([unknown]);
        var command = new UpdateAgencyCommand(agency.Id.ToString(), 0, "Target", AgencyType.NhsAcute, [agency.AreaIds[0].ToString(), unknown.ToString()], new AgencyContactInput("a@example.org", ""), "");

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => handler.Handle(command, CancellationToken.None));

        Assert.Equal("area_ids[1]", Assert.Single(ex.Errors).Field);
        Assert.Equal(0, agency.Version);
    }

    private (Agency Agency, UpdateAgencyHandler Handler, IntegratedCare.BuildingBlocks.Application.Caching.ISharedCaches Caches, IUnitOfWork UnitOfWork) UpdateSetUp()
    {
        var agency = Agency.Register(new AgencyDetails("Target", AgencyType.NhsAcute, [AreaId.New()], new AgencyContact("a@example.org", ""), ""), false, _clock.GetUtcNow());
        _agencies.FindAsync(agency.Id, Arg.Any<CancellationToken>()).Returns(agency);
        var actor = new CurrentActor();
        actor.Set(new Actor("admin-1", ActorKind.Staff, null, new HashSet<string> { Roles.SystemAdmin }));
        var caches = Substitute.For<IntegratedCare.BuildingBlocks.Application.Caching.ISharedCaches>();
        var unitOfWork = Substitute.For<IUnitOfWork>();
        return (agency, new UpdateAgencyHandler(_agencies, _areas, actor, _audit, unitOfWork, Substitute.For<IActingAgencies>(), caches, _clock), caches, unitOfWork);
    }

    private static RegisterAgencyCommand Command(params string[] areaIds) => new(
        "Clydebank Addiction Service", AgencyType.SpecialistAddictionService, areaIds, new AgencyContactInput("intake@example.org", "+44 141 000 0000"), "CAS1");
}
