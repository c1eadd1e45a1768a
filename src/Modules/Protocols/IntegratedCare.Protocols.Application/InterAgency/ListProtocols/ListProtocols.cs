using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Domain.InterAgency;
using MediatR;

namespace IntegratedCare.Protocols.Application.InterAgency.ListProtocols;

[Authorize]
[Audit(AuditAction.Read, "protocol")]
public sealed record ListProtocolsQuery(int PageSize, string PageToken) : IQuery<Page<InterAgencyProtocolDto>>;

public interface IInterAgencyProtocolReadStore
{
    Task<(IReadOnlyList<InterAgencyProtocol> Items, int Total)> ListAsync(int offset, int limit, CancellationToken cancellationToken);
}

internal sealed class ListProtocolsValidator : AbstractValidator<ListProtocolsQuery>
{
    public ListProtocolsValidator() => RuleFor(x => x.PageSize).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
}

internal sealed class ListProtocolsHandler(IInterAgencyProtocolReadStore store, TimeProvider clock) : IRequestHandler<ListProtocolsQuery, Page<InterAgencyProtocolDto>>
{
    private const string Filter = "protocols";

    public async Task<Page<InterAgencyProtocolDto>> Handle(ListProtocolsQuery request, CancellationToken cancellationToken)
    {
        var offset = PageToken.Decode(request.PageToken, Filter);
        var (items, total) = await store.ListAsync(offset, PageToken.PageSize(request.PageSize), cancellationToken);
        var now = clock.GetUtcNow();
        return Page<InterAgencyProtocolDto>.At(items.Select(p => InterAgencyProtocolDto.From(p, now)).ToList(), offset, total, Filter);
    }
}
