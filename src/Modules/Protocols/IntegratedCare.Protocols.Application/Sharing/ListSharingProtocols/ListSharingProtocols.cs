using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Domain.Sharing;
using MediatR;

namespace IntegratedCare.Protocols.Application.Sharing.ListSharingProtocols;

[Authorize]
[Audit(AuditAction.Read, "sharing-protocol")]
public sealed record ListSharingProtocolsQuery(int PageSize, string PageToken) : IQuery<Page<SharingProtocolDto>>;

internal interface ISharingProtocolReadStore
{
    Task<(IReadOnlyList<SharingProtocol> Items, int Total)> ListAsync(int offset, int limit, CancellationToken cancellationToken);
}

internal sealed class ListSharingProtocolsValidator : AbstractValidator<ListSharingProtocolsQuery>
{
    public ListSharingProtocolsValidator() => RuleFor(x => x.PageSize).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
}

internal sealed class ListSharingProtocolsHandler(ISharingProtocolReadStore store) : IRequestHandler<ListSharingProtocolsQuery, Page<SharingProtocolDto>>
{
    private const string Filter = "sharing-protocols";

    public async Task<Page<SharingProtocolDto>> Handle(ListSharingProtocolsQuery request, CancellationToken cancellationToken)
    {
        var offset = PageToken.Decode(request.PageToken, Filter);
        var (items, total) = await store.ListAsync(offset, PageToken.PageSize(request.PageSize), cancellationToken);
        return Page<SharingProtocolDto>.At(items.Select(SharingProtocolDto.From).ToList(), offset, total, Filter);
    }
}
