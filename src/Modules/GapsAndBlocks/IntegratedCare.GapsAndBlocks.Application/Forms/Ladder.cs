using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.GapsAndBlocks.Domain.Forms;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Forms;

/// <summary>Who the caller is on the ladder, for one form: only the role that holds a stage may move it.</summary>
internal sealed class Ladder(ICurrentActor currentActor, IMediator mediator)
{
    public Actor Actor => currentActor.Required;

    public async Task<AreaProfile> AreaAsync(Guid areaId, CancellationToken cancellationToken) =>
        await mediator.Send(new AreaProfileQuery(areaId.ToString("D")), cancellationToken)
        ?? throw new RequestValidationException("area_id", "no area has this id");

    public bool IsAuthor(GapsBlocksForm form) => Actor.IsInRole(Roles.CaseManager) && Actor.Id == form.CaseManagerId;

    public bool IsLineManager(GapsBlocksForm form) =>
        Actor.IsInRole(Roles.LineManager) && Guid.TryParse(Actor.AgencyId, out var agency) && agency == form.AgencyId;

    public bool IsCoordinator(AreaProfile area) => Actor.IsInRole(Roles.RehabilitationCoordinator) && Actor.Id == area.CoordinatorStaffId;

    public bool IsSubGroup(AreaProfile area) => Actor.IsInRole(Roles.SubgroupMember) || IsCoordinator(area);

    public bool IsNational => Actor.IsInRole(Roles.NationalCoordinator);

    /// <summary>Whether the caller may see the form at all: its agency, the area's co-ordinator, and the committees once it reaches them.</summary>
    public bool MaySee(GapsBlocksForm form, AreaProfile area) =>
        IsAuthor(form) || IsLineManager(form) || IsCoordinator(area)
        || (Actor.IsInRole(Roles.SubgroupMember) && form.Transitions.Any(t => t.To == FormStage.AtSubGroup))
        || (IsNational && form.Transitions.Any(t => t.To == FormStage.AtNdric));

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
