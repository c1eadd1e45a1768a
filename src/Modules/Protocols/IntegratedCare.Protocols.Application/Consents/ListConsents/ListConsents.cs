using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Domain.Consents;
using MediatR;

namespace IntegratedCare.Protocols.Application.Consents.ListConsents;

/// <summary>A person's consent history, newest first: all of it for the agencies holding the record, otherwise what the caller's agency recorded or is named in.</summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem, Roles.SystemAdmin)]
[Audit(AuditAction.Read, "consent")]
public sealed record ListConsentsQuery(string ServiceUserId, int PageSize, string PageToken) : IQuery<Page<ConsentDto>>;

internal sealed class ListConsentsValidator : AbstractValidator<ListConsentsQuery>
{
    public ListConsentsValidator()
    {
        RuleFor(x => x.ServiceUserId).MustBeId();
        RuleFor(x => x.PageSize).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
    }
}

internal sealed class ListConsentsHandler(IConsentRepository consents, IMediator mediator, ICurrentActor currentActor, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<ListConsentsQuery, Page<ConsentDto>>
{
    public async Task<Page<ConsentDto>> Handle(ListConsentsQuery request, CancellationToken cancellationToken)
    {
        var serviceUserId = Guid.Parse(request.ServiceUserId);
        audit.ServiceUser(serviceUserId.ToString("D"));
        var filter = $"consents|{serviceUserId:D}";
        var offset = PageToken.Decode(request.PageToken, filter);
        var actor = currentActor.Required;
        var maySee = await ConsentAccess.VisibilityAsync(mediator, serviceUserId, actor, cancellationToken)
            ?? throw new NotFoundException("Service user", serviceUserId.ToString("D"), hidden: true);
        var visible = (await consents.ForServiceUserAsync(serviceUserId, cancellationToken)).Where(maySee).ToList();
        var now = clock.GetUtcNow();
        var page = visible.Skip(offset).Take(PageToken.PageSize(request.PageSize)).Select(c => ConsentDto.From(c, now)).ToList();
        return Page<ConsentDto>.At(page, offset, visible.Count, filter);
    }
}
