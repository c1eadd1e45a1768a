using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.GapsAndBlocks.Domain.Forms;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Forms.ListForms;

/// <summary>
/// The forms the caller works with, overdue ones flagged: a case manager their own, a line manager their
/// agency's, a co-ordinator their area's, sub-group members what reached the sub-group in an area, the
/// national co-ordinator what reached NDRIC. With no area named, each role's list covers every area it
/// works in (a co-ordinator's every area, a sub-group member's every area their agency serves).
/// </summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.RehabilitationCoordinator, Roles.SubgroupMember, Roles.NationalCoordinator)]
[Audit(AuditAction.Read, "gaps-blocks-form")]
public sealed record ListFormsQuery(string AreaId, bool IncludeClosed, int PageSize = 0, string PageToken = "") : IQuery<Page<FormDto>>;

internal sealed class ListFormsValidator : AbstractValidator<ListFormsQuery>
{
    public ListFormsValidator()
    {
        RuleFor(x => x.AreaId).MustBeId().When(x => !string.IsNullOrEmpty(x.AreaId));
        RuleFor(x => x.PageSize).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
    }
}

internal sealed class ListFormsHandler(IFormRepository forms, Ladder ladder, TimeProvider clock) : IRequestHandler<ListFormsQuery, Page<FormDto>>
{
    private static readonly FormStage[] FromSubGroup = [FormStage.AtSubGroup, FormStage.AtNdric, FormStage.ReportingBack, FormStage.AwaitingAcknowledgement, FormStage.Closed];
    private static readonly FormStage[] FromNdric = [FormStage.AtNdric, FormStage.ReportingBack, FormStage.AwaitingAcknowledgement, FormStage.Closed];

    public async Task<Page<FormDto>> Handle(ListFormsQuery request, CancellationToken cancellationToken)
    {
        var actor = ladder.Actor;
        Guid? area = string.IsNullOrEmpty(request.AreaId) ? null : Guid.Parse(request.AreaId);
        Guid? agency = Guid.TryParse(actor.AgencyId, out var a) ? a : null;
        // The drafter is a subject of an agency: the same subject in another agency's token drafted nothing.
        var listing = new FormListing(
            actor.IsInRole(Roles.CaseManager) && agency is { } own ? (actor.Id, own) : null,
            actor.IsInRole(Roles.LineManager) ? agency : null,
            actor.IsInRole(Roles.RehabilitationCoordinator) ? await CoordinatedAsync(area, cancellationToken) : [],
            actor.IsInRole(Roles.SubgroupMember) ? await SittingAsync(area, cancellationToken) : [],
            FromSubGroup,
            ladder.IsNational,
            FromNdric,
            area,
            request.IncludeClosed);
        var fingerprint = $"{actor.Id}|{actor.AgencyId}|{area}|{request.IncludeClosed}";
        var offset = PageToken.Decode(request.PageToken, fingerprint);
        var (found, total) = await forms.PageAsync(listing, offset, PageToken.PageSize(request.PageSize), cancellationToken);

        var now = clock.GetUtcNow();
        var areas = new Dictionary<Guid, Protocols.Contracts.AreaProfile>();
        var views = new List<FormDto>();
        foreach (var form in found)
        {
            if (!areas.TryGetValue(form.AreaId, out var profile))
            {
                areas[form.AreaId] = profile = await ladder.AreaAsync(form.AreaId, cancellationToken);
            }

            views.Add(ladder.View(form, profile, now));
        }

        return Page<FormDto>.At(views, offset, total, fingerprint);
    }

    /// <summary>The areas whose forms the caller sees as co-ordinator: the one named, or with none named every area they co-ordinate.</summary>
    private async Task<IReadOnlyCollection<Guid>> CoordinatedAsync(Guid? area, CancellationToken cancellationToken)
    {
        if (area is { } named)
        {
            return ladder.IsCoordinator(await ladder.AreaAsync(named, cancellationToken)) ? [named] : [];
        }

        var coordinated = new List<Guid>();
        foreach (var profile in await ladder.CoordinatedAreasAsync(cancellationToken))
        {
            if (ladder.IsCoordinator(profile))
            {
                coordinated.Add(profile.AreaId);
            }
        }

        return coordinated;
    }

    /// <summary>The areas whose sub-group the caller sits on: the one named, or with none named every area their agency serves.</summary>
    private async Task<IReadOnlyCollection<Guid>> SittingAsync(Guid? area, CancellationToken cancellationToken) =>
        area is { } named
            ? ladder.IsSubGroup(await ladder.AreaAsync(named, cancellationToken)) ? [named] : []
            : await ladder.ActorAreasAsync(cancellationToken);
}
