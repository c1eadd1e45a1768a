using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.GapsAndBlocks.Application.Forms;
using IntegratedCare.GapsAndBlocks.Domain.Details;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Details.ListMoreDetail;

/// <summary>The detail on a form: the area's co-ordinator and the case manager's agency alone; anyone else is told there is none.</summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.RehabilitationCoordinator)]
[Audit(AuditAction.Read, "gaps-blocks-detail")]
public sealed record ListMoreDetailQuery(string FormId, int PageSize = 0, string PageToken = "") : IQuery<Page<MoreDetailDto>>;

internal sealed class ListMoreDetailValidator : AbstractValidator<ListMoreDetailQuery>
{
    public ListMoreDetailValidator()
    {
        RuleFor(x => x.FormId).MustBeId();
        RuleFor(x => x.PageSize).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
    }
}

internal sealed class ListMoreDetailHandler(IMoreDetailRepository details, FormAccess access, Ladder ladder, IMediator mediator, IAuditScope audit)
    : IRequestHandler<ListMoreDetailQuery, Page<MoreDetailDto>>
{
    public async Task<Page<MoreDetailDto>> Handle(ListMoreDetailQuery request, CancellationToken cancellationToken)
    {
        var (form, area) = await access.LoadAsync(request.FormId, cancellationToken);
        if (!(ladder.IsCoordinator(area) || ladder.IsAuthor(form) || ladder.IsLineManager(form)))
        {
            throw new NotFoundException("Form", form.Id.ToString());
        }

        // Each answer is shown only while the consent it was given under is still in force: a withdrawal
        // or an expiry withholds it again (the question stays).
        var offset = PageToken.Decode(request.PageToken, form.Id.ToString());
        var (found, total) = await details.ForFormAsync(form.Id.Value, offset, PageToken.PageSize(request.PageSize), cancellationToken);
        var shown = new List<MoreDetailDto>();
        foreach (var detail in found)
        {
            if (detail.ServiceUserId is null)
            {
                shown.Add(MoreDetailDto.From(detail));
                continue;
            }

            var consent = await mediator.Send(new ConsentStatusQuery(detail.ConsentId!.Value.ToString("D")), cancellationToken);
            if (consent is { InForce: true })
            {
                audit.Disclosed(detail.ServiceUserId.Value.ToString("D"), $"consent {detail.ConsentId:D}");
                shown.Add(MoreDetailDto.From(detail));
            }
            else
            {
                shown.Add(MoreDetailDto.From(detail) with { ServiceUserId = string.Empty, Detail = string.Empty });
            }
        }

        return Page<MoreDetailDto>.At(shown, offset, total, form.Id.ToString());
    }
}
