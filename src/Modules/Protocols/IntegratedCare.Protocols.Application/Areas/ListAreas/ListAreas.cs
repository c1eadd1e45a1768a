using IntegratedCare.BuildingBlocks.Contracts;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.Domain.Areas;
using MediatR;

namespace IntegratedCare.Protocols.Application.Areas.ListAreas;

[Authorize]
[Audit(AuditAction.Read, "area")]
public sealed record ListAreasQuery(int PageSize, string PageToken) : IQuery<Page<AreaDto>>;

/// <summary>The read side of the areas.</summary>
public interface IAreaReadStore
{
    Task<(IReadOnlyList<Area> Items, int Total)> ListAsync(int offset, int limit, CancellationToken cancellationToken);
}

internal sealed class ListAreasValidator : AbstractValidator<ListAreasQuery>
{
    public ListAreasValidator() => RuleFor(x => x.PageSize).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
}

internal sealed class ListAreasHandler(IAreaReadStore store) : IRequestHandler<ListAreasQuery, Page<AreaDto>>
{
    private const string Filter = "areas";

    public async Task<Page<AreaDto>> Handle(ListAreasQuery request, CancellationToken cancellationToken)
    {
        var offset = PageToken.Decode(request.PageToken, Filter);
        var size = PageToken.PageSize(request.PageSize);
        var (items, total) = await store.ListAsync(offset, size, cancellationToken);
        return Page<AreaDto>.At(items.Select(AreaDto.From).ToList(), offset, total, Filter);
    }
}
