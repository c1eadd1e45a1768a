using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.GapsAndBlocks.Domain.Details;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Details.ListDetailRequests;

/// <summary>A request for more detail as a worktray shows it: the question and whether it is answered, never the answer or the person.</summary>
public sealed record DetailRequestDto(string DetailId, string FormId, string Question, string AskedBy, DateTimeOffset AskedAt, bool Answered, DateTimeOffset? AnsweredAt);

/// <summary>
/// The worktray of requests for more detail: a case manager's are those asked on the forms they drafted
/// for their agency (<paramref name="AskedByMe"/> false); a co-ordinator's are those they asked (true).
/// Open ones only, oldest first, unless <paramref name="IncludeAnswered"/>. The answer, which may identify
/// the person, is read on the form (<c>ListMoreDetail</c>), where the consent it was given under is checked.
/// </summary>
[Authorize(Roles.CaseManager, Roles.RehabilitationCoordinator)]
[Audit(AuditAction.Read, "gaps-blocks-detail")]
public sealed record ListDetailRequestsQuery(bool AskedByMe, bool IncludeAnswered, int PageSize = 0, string PageToken = "") : IQuery<Page<DetailRequestDto>>;

internal sealed class ListDetailRequestsValidator : AbstractValidator<ListDetailRequestsQuery>
{
    public ListDetailRequestsValidator() => RuleFor(x => x.PageSize).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
}

internal sealed class ListDetailRequestsHandler(IMoreDetailRepository details, ICurrentActor currentActor)
    : IRequestHandler<ListDetailRequestsQuery, Page<DetailRequestDto>>
{
    public async Task<Page<DetailRequestDto>> Handle(ListDetailRequestsQuery request, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required;
        string? askedBy = null;
        (string, Guid)? author = null;
        if (request.AskedByMe)
        {
            askedBy = actor.IsInRole(Roles.RehabilitationCoordinator)
                ? actor.Id
                : throw new ForbiddenException("Only a rehabilitation co-ordinator asks for more detail.");
        }
        else
        {
            author = actor.IsInRole(Roles.CaseManager) && Guid.TryParse(actor.AgencyId, out var agency)
                ? (actor.Id, agency)
                : throw new ForbiddenException("More detail is asked of the case manager who drafted the form, for their agency.");
        }

        var filter = $"detail-requests|{request.AskedByMe}|{request.IncludeAnswered}|{actor.Id}";
        var offset = PageToken.Decode(request.PageToken, filter);
        var (found, total) = await details.AskedAsync(askedBy, author, request.IncludeAnswered, offset, PageToken.PageSize(request.PageSize), cancellationToken);
        var rows = found.Select(d => new DetailRequestDto(
            d.DetailId.ToString("D"), d.FormId.ToString("D"), d.Question, d.AskedBy, d.AskedAt, d.AnsweredAt is not null, d.AnsweredAt)).ToList();
        return Page<DetailRequestDto>.At(rows, offset, total, filter);
    }
}
