using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.GapsAndBlocks.Domain.Variances;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Variances.ListHandedVariances;

/// <summary>
/// The variances the caller's agency handed over from its care plans, oldest first: the ones still waiting
/// for a form, or all of them with <see cref="IncludeRaised"/>. Another agency's are never listed.
/// </summary>
[Authorize(Roles.CaseManager, Roles.LineManager)]
[Audit(AuditAction.Read, "gaps-blocks-handed-variance")]
public sealed record ListHandedVariancesQuery(bool IncludeRaised = false, int PageSize = 0, string PageToken = "") : IQuery<Page<HandedVarianceDto>>;

internal sealed class ListHandedVariancesValidator : AbstractValidator<ListHandedVariancesQuery>
{
    public ListHandedVariancesValidator() => RuleFor(x => x.PageSize).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
}

internal sealed class ListHandedVariancesHandler(IHandedVarianceRepository variances, ICurrentActor current)
    : IRequestHandler<ListHandedVariancesQuery, Page<HandedVarianceDto>>
{
    public async Task<Page<HandedVarianceDto>> Handle(ListHandedVariancesQuery request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(current.Required.AgencyId, out var agencyId))
        {
            throw new ForbiddenException("Handed-over variances belong to an agency: the token must name the caller's agency.");
        }

        var bound = $"{agencyId:D}|{request.IncludeRaised}";
        var offset = PageToken.Decode(request.PageToken, bound);
        var (page, total) = await variances.ForAgencyAsync(agencyId, request.IncludeRaised, offset, PageToken.PageSize(request.PageSize), cancellationToken);
        return Page<HandedVarianceDto>.At(page.Select(HandedVarianceDto.From).ToList(), offset, total, bound);
    }
}
