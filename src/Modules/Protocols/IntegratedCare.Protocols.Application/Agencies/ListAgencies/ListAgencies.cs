using IntegratedCare.BuildingBlocks.Contracts;
using System.Globalization;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Areas;
using MediatR;

namespace IntegratedCare.Protocols.Application.Agencies.ListAgencies;

[Authorize]
[Audit(AuditAction.Read, "agency")]
public sealed record ListAgenciesQuery(int PageSize, string PageToken, AgencyType? Type, string AreaId, bool IncludeInactive)
    : IQuery<Page<AgencyDto>>;

/// <summary>The filter of a listing, as the read side needs it.</summary>
public sealed record AgencyFilter(AgencyType? Type, AreaId? AreaId, bool IncludeInactive)
{
    public string Fingerprint() => string.Create(CultureInfo.InvariantCulture, $"agencies|{(int?)Type}|{AreaId}|{IncludeInactive}");
}

/// <summary>The read side of the agency registry.</summary>
public interface IAgencyReadStore
{
    Task<(IReadOnlyList<Agency> Items, int Total)> ListAsync(AgencyFilter filter, int offset, int limit, CancellationToken cancellationToken);
}

internal sealed class ListAgenciesValidator : AbstractValidator<ListAgenciesQuery>
{
    public ListAgenciesValidator()
    {
        RuleFor(x => x.PageSize).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
        RuleFor(x => x.Type).IsInEnum().When(x => x.Type is not null).WithMessage("is not a known agency type");
        RuleFor(x => x.AreaId).MustBeId().When(x => !string.IsNullOrEmpty(x.AreaId));
    }
}

internal sealed class ListAgenciesHandler(IAgencyReadStore store) : IRequestHandler<ListAgenciesQuery, Page<AgencyDto>>
{
    public async Task<Page<AgencyDto>> Handle(ListAgenciesQuery request, CancellationToken cancellationToken)
    {
        var filter = new AgencyFilter(
            request.Type,
            string.IsNullOrEmpty(request.AreaId) ? null : new AreaId(Guid.Parse(request.AreaId)),
            request.IncludeInactive);
        var offset = PageToken.Decode(request.PageToken, filter.Fingerprint());
        var size = PageToken.PageSize(request.PageSize);
        var (items, total) = await store.ListAsync(filter, offset, size, cancellationToken);
        return Page<AgencyDto>.At(items.Select(AgencyDto.From).ToList(), offset, total, filter.Fingerprint());
    }
}
