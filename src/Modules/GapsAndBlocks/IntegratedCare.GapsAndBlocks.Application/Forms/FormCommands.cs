using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.GapsAndBlocks.Domain.Forms;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Forms;

/// <summary>A case manager drafts a form for their agency. Identifying text is refused (INVALID_ARGUMENT) and nothing is stored.</summary>
[Authorize(Roles.CaseManager)]
[Audit(AuditAction.Create, "gaps-blocks-form")]
public sealed record CreateFormCommand(FormInput? Form, string? RequestId = null) : ICommand<FormDto>, IntegratedCare.BuildingBlocks.Application.Idempotency.IIdempotentCommand;

/// <summary>The case manager edits their draft (or a form returned to them).</summary>
[Authorize(Roles.CaseManager)]
[Audit(AuditAction.Update, "gaps-blocks-form")]
public sealed record UpdateFormCommand(string FormId, long ExpectedVersion, FormInput? Form) : ICommand<FormDto>;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.RehabilitationCoordinator, Roles.SubgroupMember, Roles.NationalCoordinator)]
[Audit(AuditAction.Read, "gaps-blocks-form")]
public sealed record GetFormQuery(string FormId) : IQuery<FormDto>;

public sealed record TextToCheck(string Field, string Text);

/// <summary>Checks draft text without saving it: what looks identifying, and where.</summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.RehabilitationCoordinator)]
[Audit(AuditAction.Execute, "anonymity-check")]
public sealed record CheckFormTextQuery(IReadOnlyList<TextToCheck> Texts) : IQuery<IReadOnlyList<IdentifyingFinding>>;

internal sealed class CreateFormValidator : AbstractValidator<CreateFormCommand>
{
    public CreateFormValidator(TimeProvider clock) =>
        RuleFor(x => x.Form).NotNull().WithMessage("is required").SetValidator(new FormInputValidator(clock)!);
}

internal sealed class UpdateFormValidator : AbstractValidator<UpdateFormCommand>
{
    public UpdateFormValidator(TimeProvider clock)
    {
        RuleFor(x => x.FormId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeAVersion();
        RuleFor(x => x.Form).NotNull().WithMessage("is required").SetValidator(new FormInputValidator(clock)!);
    }
}

internal sealed class GetFormValidator : AbstractValidator<GetFormQuery>
{
    public GetFormValidator() => RuleFor(x => x.FormId).MustBeId();
}

internal sealed class CheckFormTextValidator : AbstractValidator<CheckFormTextQuery>
{
    public CheckFormTextValidator()
    {
        RuleFor(x => x.Texts).Must(t => t.Count is >= 1 and <= 30).WithMessage("must hold one to 30 texts");
        RuleForEach(x => x.Texts).ChildRules(t =>
        {
            t.RuleFor(x => x.Field).RequiredText(100);
            t.RuleFor(x => x.Text).MaximumLength(4000).WithMessage("must be at most 4000 characters");
        });
    }
}

internal sealed class FormHandlers(
    IFormRepository forms,
    FormAccess access,
    AnonymityGuard guard,
    IMediator mediator,
    Ladder ladder,
    IAuditScope audit,
    TimeProvider clock) :
    IRequestHandler<CreateFormCommand, FormDto>,
    IRequestHandler<UpdateFormCommand, FormDto>,
    IRequestHandler<GetFormQuery, FormDto>,
    IRequestHandler<CheckFormTextQuery, IReadOnlyList<IdentifyingFinding>>
{
    public async Task<FormDto> Handle(CreateFormCommand request, CancellationToken cancellationToken)
    {
        var input = request.Form!;
        var actor = ladder.Actor;
        if (!Guid.TryParse(actor.AgencyId, out var agencyId))
        {
            throw new ForbiddenException("A form is raised by a case manager for their agency: the token must name it.");
        }

        var area = await ladder.AreaAsync(Guid.Parse(input.AreaId), cancellationToken);
        var about = await PersonOfLinkAsync(input, agencyId, cancellationToken);
        await guard.EnsureAnonymousAsync(input.Texts("form."), cancellationToken, about);
        await guard.EnsureNoRegisteredPersonAsync(input.CaseManagerTexts("form."), cancellationToken);
        var now = clock.GetUtcNow();
        var form = GapsBlocksForm.Draft(area.AreaId, agencyId, actor.Id, input.ToContent(), LinkOf(input), now);
        forms.Add(form);
        audit.Resource(form.Id.ToString());
        return ladder.View(form, area, now);
    }

    public async Task<FormDto> Handle(UpdateFormCommand request, CancellationToken cancellationToken)
    {
        var (form, area) = await access.LoadAsync(request.FormId, cancellationToken);
        ladder.Require(ladder.IsAuthor(form), "the case manager who drafted the form");
        var input = request.Form!;
        var about = await PersonOfLinkAsync(input, form.AgencyId, cancellationToken);
        await guard.EnsureAnonymousAsync(input.Texts("form."), cancellationToken, about);
        await guard.EnsureNoRegisteredPersonAsync(input.CaseManagerTexts("form."), cancellationToken);
        var now = clock.GetUtcNow();
        form.Edit(request.ExpectedVersion, input.ToContent(), LinkOf(input), now);
        return ladder.View(form, area, now);
    }

    public async Task<FormDto> Handle(GetFormQuery request, CancellationToken cancellationToken)
    {
        var (form, area) = await access.LoadAsync(request.FormId, cancellationToken);
        return ladder.View(form, area, clock.GetUtcNow());
    }

    public Task<IReadOnlyList<IdentifyingFinding>> Handle(CheckFormTextQuery request, CancellationToken cancellationToken) =>
        guard.FindAsync(request.Texts.Select(t => (t.Field.Trim(), t.Text ?? string.Empty)).ToList(), cancellationToken);

    /// <summary>
    /// A form links only to a variance on a care plan the case manager's agency leads; the person of that
    /// plan is whom the anonymity guard then checks given names against (never stored with the form).
    /// </summary>
    private async Task<IReadOnlyList<Guid>?> PersonOfLinkAsync(FormInput input, Guid agencyId, CancellationToken cancellationToken)
    {
        if (LinkOf(input) is not { } variance)
        {
            return null;
        }

        var person = await mediator.Send(new CarePlan.Contracts.PersonOfVarianceQuery(variance.ToString("D"), agencyId.ToString("D")), cancellationToken);
        return person is { } about ? [about] : throw new RequestValidationException("form.linked_variance_id", "is not a variance on a care plan your agency leads");
    }

    private static Guid? LinkOf(FormInput input) => string.IsNullOrEmpty(input.LinkedVarianceId) ? null : Guid.Parse(input.LinkedVarianceId);
}

/// <summary>Loads a form for a call; a caller who may not see it is told it does not exist.</summary>
internal sealed class FormAccess(IFormRepository forms, Ladder ladder, IAuditScope audit)
{
    public async Task<(GapsBlocksForm Form, Protocols.Contracts.AreaProfile Area)> LoadAsync(string formId, CancellationToken cancellationToken)
    {
        var id = new FormId(Guid.Parse(formId));
        audit.Resource(id.ToString());
        var form = await forms.FindAsync(id, cancellationToken) ?? throw new NotFoundException("Form", id.ToString());
        var area = await ladder.AreaAsync(form.AreaId, cancellationToken);
        return ladder.MaySee(form, area) ? (form, area) : throw new NotFoundException("Form", id.ToString());
    }
}

/// <summary>
/// The forms the caller works with, overdue ones flagged: a case manager their own, a line manager their
/// agency's, a co-ordinator their area's, sub-group members what reached the sub-group in an area, the
/// national co-ordinator what reached NDRIC.
/// </summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.RehabilitationCoordinator, Roles.SubgroupMember, Roles.NationalCoordinator)]
[Audit(AuditAction.Read, "gaps-blocks-form")]
public sealed record ListFormsQuery(string AreaId, bool IncludeClosed, int PageSize = 0, string PageToken = "") : IQuery<Page<FormDto>>;

internal sealed class ListFormsValidator : AbstractValidator<ListFormsQuery>
{
    public ListFormsValidator()
    {
        RuleFor(x => x.AreaId).MustBeId().When(x => !string.IsNullOrEmpty(x.AreaId));
        RuleFor(x => x.PageSize).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
    }
}

internal sealed class ListFormsHandler(IFormRepository forms, Ladder ladder, TimeProvider clock) : IRequestHandler<ListFormsQuery, Page<FormDto>>
{
    private static readonly FormStage[] FromSubGroup = [FormStage.AtSubGroup, FormStage.AtNdric, FormStage.ReportingBack, FormStage.AwaitingAcknowledgement, FormStage.Closed];
    private static readonly FormStage[] FromNdric = [FormStage.AtNdric, FormStage.ReportingBack, FormStage.AwaitingAcknowledgement, FormStage.Closed];

    public async Task<Page<FormDto>> Handle(ListFormsQuery request, CancellationToken cancellationToken)
    {
        var actor = ladder.Actor;
        Guid? area = string.IsNullOrEmpty(request.AreaId) ? null : Guid.Parse(request.AreaId);
        Guid? agency = Guid.TryParse(actor.AgencyId, out var a) ? a : null;
        // The drafter is a subject of an agency: the same subject in another agency's token drafted nothing.
        var listing = new FormListing(
            actor.IsInRole(Roles.CaseManager) && agency is { } own ? (actor.Id, own) : null,
            actor.IsInRole(Roles.LineManager) ? agency : null,
            actor.IsInRole(Roles.RehabilitationCoordinator) && area is { } coordinated && ladder.IsCoordinator(await ladder.AreaAsync(coordinated, cancellationToken)) ? area : null,
            actor.IsInRole(Roles.SubgroupMember) && area is { } sitting && ladder.IsSubGroup(await ladder.AreaAsync(sitting, cancellationToken)) ? area : null,
            FromSubGroup,
            ladder.IsNational,
            FromNdric,
            area,
            request.IncludeClosed);
        var fingerprint = $"{actor.Id}|{actor.AgencyId}|{area}|{request.IncludeClosed}";
        var offset = PageToken.Decode(request.PageToken, fingerprint);
        var (found, total) = await forms.PageAsync(listing, offset, PageToken.PageSize(request.PageSize), cancellationToken);

        var now = clock.GetUtcNow();
        var areas = new Dictionary<Guid, Protocols.Contracts.AreaProfile>();
        var views = new List<FormDto>();
        foreach (var form in found)
        {
            if (!areas.TryGetValue(form.AreaId, out var profile))
            {
                areas[form.AreaId] = profile = await ladder.AreaAsync(form.AreaId, cancellationToken);
            }

            views.Add(ladder.View(form, profile, now));
        }

        return Page<FormDto>.At(views, offset, total, fingerprint);
    }
}
