using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.GapsAndBlocks.Application.Forms;
using IntegratedCare.GapsAndBlocks.Domain.Details;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Details.GiveMoreDetail;

/// <summary>
/// The case manager gives the detail asked for, which may identify the person: only under a consent in
/// force that their agency recorded for that person (FAILED_PRECONDITION otherwise).
/// </summary>
[Authorize(Roles.CaseManager)]
[Audit(AuditAction.Update, "gaps-blocks-detail")]
public sealed record GiveMoreDetailCommand(string FormId, string DetailId, string ServiceUserId, string ConsentId, string Detail) : ICommand<MoreDetailDto>;

internal sealed class GiveMoreDetailValidator : AbstractValidator<GiveMoreDetailCommand>
{
    public GiveMoreDetailValidator()
    {
        RuleFor(x => x.FormId).MustBeId();
        RuleFor(x => x.DetailId).MustBeId();
        RuleFor(x => x.ServiceUserId).MustBeId();
        RuleFor(x => x.ConsentId).MustBeId();
        RuleFor(x => x.Detail).RequiredText(4000);
    }
}

internal sealed class GiveMoreDetailHandler(IMoreDetailRepository details, FormAccess access, Ladder ladder, IMediator mediator, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<GiveMoreDetailCommand, MoreDetailDto>
{
    public async Task<MoreDetailDto> Handle(GiveMoreDetailCommand request, CancellationToken cancellationToken)
    {
        var (form, _) = await access.LoadAsync(request.FormId, cancellationToken);
        ladder.Require(ladder.IsAuthor(form), "the case manager who drafted the form");
        var detail = await details.FindAsync(Guid.Parse(request.DetailId), cancellationToken);
        if (detail is null || detail.FormId != form.Id.Value)
        {
            throw new RequestValidationException("detail_id", "the form has no request for detail with this id");
        }

        audit.ServiceUser(request.ServiceUserId);
        var consent = await mediator.Send(new ConsentStatusQuery(request.ConsentId), cancellationToken);
        Rule.Check(new MoreDetailNeedsThePersonsConsentRule(consent, Guid.Parse(request.ServiceUserId), form.AgencyId));
        detail.Give(consent!.ServiceUserId, consent.ConsentId, request.Detail, ladder.Actor.Id, clock.GetUtcNow());
        audit.Basis($"consent {consent.ConsentId:D}");
        return MoreDetailDto.From(detail);
    }
}
