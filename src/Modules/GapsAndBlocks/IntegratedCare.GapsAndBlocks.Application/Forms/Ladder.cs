using IntegratedCare.BuildingBlocks.Application.Calendar;
using IntegratedCare.BuildingBlocks.Domain.Calendar;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.GapsAndBlocks.Domain.Forms;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Forms;

/// <summary>
/// Who the caller is on the ladder, for one form: only the role that holds a stage may move it, and the
/// actor is checked whole — its subject, its role and the agency its token names. A case manager is the
/// one who drafted the form, for the agency it was drafted for; a co-ordinator is the area's, acting for
/// no agency or one that serves the area; a sub-group member sits on the sub-groups of the areas its
/// agency serves.
/// </summary>
internal sealed class Ladder(ICurrentActor currentActor, IMediator mediator, IActingAgencies agencies, IWorkingCalendars calendars)
{
    /// <summary>The calendar the area's rungs are counted in.</summary>
    public WorkingCalendar CalendarOf(AreaProfile area) => calendars.For(area.Jurisdiction);

    /// <summary>NDRIC sits nationally: the national calendar.</summary>
    public WorkingCalendar NationalCalendar => calendars.National;

    private IReadOnlyList<Guid>? _actorAreas;

    public Actor Actor => currentActor.Required;

    /// <summary>The areas the caller's agency serves (none without an active agency).</summary>
    public async Task<IReadOnlyList<Guid>> ActorAreasAsync(CancellationToken cancellationToken) =>
        _actorAreas ??= Guid.TryParse(Actor.AgencyId, out var agency) && await agencies.FindAsync(agency, cancellationToken) is { Active: true } acting
            ? acting.AreaIds
            : [];

    /// <summary>The areas the caller co-ordinates (by the area's record; <see cref="IsCoordinator"/> still decides each).</summary>
    public async Task<IReadOnlyList<AreaProfile>> CoordinatedAreasAsync(CancellationToken cancellationToken)
    {
        await ActorAreasAsync(cancellationToken);
        return await mediator.Send(new AreasCoordinatedByQuery(Actor.Id), cancellationToken);
    }

    /// <summary>The area, and (once per call) the areas the caller's agency serves, which the sub-group checks need.</summary>
    public async Task<AreaProfile> AreaAsync(Guid areaId, CancellationToken cancellationToken)
    {
        await ActorAreasAsync(cancellationToken);
        return await mediator.Send(new AreaProfileQuery(areaId.ToString("D")), cancellationToken)
            ?? throw new RequestValidationException("area_id", "no area has this id");
    }

    public bool IsAuthor(GapsBlocksForm form) =>
        Actor.IsInRole(Roles.CaseManager) && Actor.Id == form.CaseManagerId && ActsFor(form.AgencyId);

    public bool IsLineManager(GapsBlocksForm form) => Actor.IsInRole(Roles.LineManager) && ActsFor(form.AgencyId);

    public bool IsCoordinator(AreaProfile area) =>
        Actor.IsInRole(Roles.RehabilitationCoordinator) && Actor.Id == area.CoordinatorStaffId && (Actor.AgencyId is null || Serves(area));

    public bool IsSubGroup(AreaProfile area) => (Actor.IsInRole(Roles.SubgroupMember) && Serves(area)) || IsCoordinator(area);

    public bool IsNational => Actor.IsInRole(Roles.NationalCoordinator);

    /// <summary>Whether the caller may see the form at all: its agency, the area's co-ordinator, and the committees once it reaches them.</summary>
    public bool MaySee(GapsBlocksForm form, AreaProfile area) =>
        IsAuthor(form) || IsLineManager(form) || IsCoordinator(area)
        || (Actor.IsInRole(Roles.SubgroupMember) && Serves(area) && form.Transitions.Any(t => t.To == FormStage.AtSubGroup))
        || (IsNational && form.Transitions.Any(t => t.To == FormStage.AtNdric));

    private bool ActsFor(Guid agencyId) => Guid.TryParse(Actor.AgencyId, out var agency) && agency == agencyId;

    private bool Serves(AreaProfile area) =>
        (_actorAreas ?? throw new InvalidOperationException("The area is loaded through AreaAsync first.")).Contains(area.AreaId);

    public void Require(bool allowed, string who)
    {
        if (!allowed)
        {
            throw new ForbiddenException($"Only {who} may take this step.");
        }
    }

    public FormDto View(GapsBlocksForm form, AreaProfile area, DateTimeOffset now)
    {
        var withinAgency = IsAuthor(form) || IsLineManager(form);
        return FormDto.From(form, withinAgency, withinAgency || IsCoordinator(area), now);
    }
}
