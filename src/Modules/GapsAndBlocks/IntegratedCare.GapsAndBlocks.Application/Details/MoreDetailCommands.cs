using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.GapsAndBlocks.Application.Forms;
using IntegratedCare.GapsAndBlocks.Domain.Details;
using IntegratedCare.GapsAndBlocks.Domain.Forms;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Details;

public sealed record MoreDetailDto(
    string DetailId, string FormId, string Question, string AskedBy, DateTimeOffset AskedAt, string ServiceUserId, string ConsentId, string Detail, string GivenBy, DateTimeOffset? GivenAt);

/// <summary>The area's co-ordinator asks the case manager for more detail on a form (the question itself must not identify anyone).</summary>
[Authorize(Roles.RehabilitationCoordinator)]
[Audit(AuditAction.Create, "gaps-blocks-detail")]
public sealed record AskForMoreDetailCommand(string FormId, string Question) : ICommand<MoreDetailDto>;

/// <summary>
/// The case manager gives the detail asked for, which may identify the person: only under a consent in
/// force that their agency recorded for that person (FAILED_PRECONDITION otherwise).
/// </summary>
[Authorize(Roles.CaseManager)]
[Audit(AuditAction.Update, "gaps-blocks-detail")]
public sealed record GiveMoreDetailCommand(string FormId, string DetailId, string ServiceUserId, string ConsentId, string Detail) : ICommand<MoreDetailDto>;

/// <summary>The detail on a form: the area's co-ordinator and the case manager's agency alone; anyone else is told there is none.</summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.RehabilitationCoordinator)]
[Audit(AuditAction.Read, "gaps-blocks-detail")]
public sealed record ListMoreDetailQuery(string FormId, int PageSize = 0, string PageToken = "") : IQuery<Page<MoreDetailDto>>;

internal sealed class AskForMoreDetailValidator : AbstractValidator<AskForMoreDetailCommand>
{
    public AskForMoreDetailValidator()
    {
        RuleFor(x => x.FormId).MustBeId();
        RuleFor(x => x.Question).RequiredText(1000);
    }
}

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

internal sealed class ListMoreDetailValidator : AbstractValidator<ListMoreDetailQuery>
{
    public ListMoreDetailValidator()
    {
        RuleFor(x => x.FormId).MustBeId();
        RuleFor(x => x.PageSize).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
    }
}

internal sealed class MoreDetailHandlers(
    IMoreDetailRepository details,
    FormAccess access,
    Ladder ladder,
    AnonymityGuard guard,
    IMediator mediator,
    IAuditScope audit,
    TimeProvider clock) :
    IRequestHandler<AskForMoreDetailCommand, MoreDetailDto>,
    IRequestHandler<GiveMoreDetailCommand, MoreDetailDto>,
    IRequestHandler<ListMoreDetailQuery, Page<MoreDetailDto>>
{
    public async Task<MoreDetailDto> Handle(AskForMoreDetailCommand request, CancellationToken cancellationToken)
    {
        var (form, area) = await access.LoadAsync(request.FormId, cancellationToken);
        ladder.Require(ladder.IsCoordinator(area), "the area's rehabilitation co-ordinator");
        Rule.Check(new DetailIsAskedOfAnOpenSubmittedFormRule(form));
        await guard.EnsureAnonymousAsync([("question", request.Question)], cancellationToken);
        var detail = MoreDetail.Ask(form.Id.Value, request.Question, ladder.Actor.Id, clock.GetUtcNow());
        details.Add(detail);
        return ToDto(detail);
    }

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
        return ToDto(detail);
    }

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
                shown.Add(ToDto(detail));
                continue;
            }

            var consent = await mediator.Send(new ConsentStatusQuery(detail.ConsentId!.Value.ToString("D")), cancellationToken);
            if (consent is { InForce: true })
            {
                audit.Disclosed(detail.ServiceUserId.Value.ToString("D"), $"consent {detail.ConsentId:D}");
                shown.Add(ToDto(detail));
            }
            else
            {
                shown.Add(ToDto(detail) with { ServiceUserId = string.Empty, Detail = string.Empty });
            }
        }

        return Page<MoreDetailDto>.At(shown, offset, total, form.Id.ToString());
    }

    private static MoreDetailDto ToDto(MoreDetail d) => new(
        d.DetailId.ToString("D"), d.FormId.ToString("D"), d.Question, d.AskedBy, d.AskedAt,
        d.ServiceUserId?.ToString("D") ?? string.Empty, d.ConsentId?.ToString("D") ?? string.Empty, d.Answer, d.AnsweredBy, d.AnsweredAt);
}

public sealed class DetailIsAskedOfAnOpenSubmittedFormRule(GapsBlocksForm form) : IBusinessRule
{
    public bool IsBroken() => form.Stage is FormStage.Draft or FormStage.AwaitingEndorsement or FormStage.Closed;

    public string Message => $"Form {form.Id} is at {form.Stage}: more detail is asked of a form sent on and still open.";
}

public sealed class MoreDetailNeedsThePersonsConsentRule(ConsentStatusResult? consent, Guid serviceUserId, Guid caseManagerAgency) : IBusinessRule
{
    public bool IsBroken() => consent is not { InForce: true, Permits: true } || consent.ServiceUserId != serviceUserId || consent.RecordingAgencyId != caseManagerAgency;

    public string Message => "More detail needs the person's consent: a consent in force that permits sharing, for this person, recorded by the case manager's agency.";
}
