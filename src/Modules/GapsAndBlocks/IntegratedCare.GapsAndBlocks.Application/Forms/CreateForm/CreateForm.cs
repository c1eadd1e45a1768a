using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.GapsAndBlocks.Domain.Forms;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Forms.CreateForm;

/// <summary>A case manager drafts a form for their agency. Identifying text is refused (INVALID_ARGUMENT) and nothing is stored.</summary>
[Authorize(Roles.CaseManager)]
[Audit(AuditAction.Create, "gaps-blocks-form")]
public sealed record CreateFormCommand(FormInput? Form, string? RequestId = null) : ICommand<FormDto>, IntegratedCare.BuildingBlocks.Application.Idempotency.IIdempotentCommand;

internal sealed class CreateFormValidator : AbstractValidator<CreateFormCommand>
{
    public CreateFormValidator(TimeProvider clock) =>
        RuleFor(x => x.Form).NotNull().WithMessage("is required").SetValidator(new FormInputValidator(clock)!);
}

internal sealed class CreateFormHandler(
    IFormRepository forms, Domain.Variances.IHandedVarianceRepository handed, AnonymityGuard guard, IMediator mediator, Ladder ladder, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<CreateFormCommand, FormDto>
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
        var about = await FormLink.PersonOfLinkAsync(mediator, input, agencyId, cancellationToken);
        await guard.EnsureAnonymousAsync(input.Texts("form."), cancellationToken, about);
        await guard.EnsureNoRegisteredPersonAsync(input.CaseManagerTexts("form."), cancellationToken);
        var now = clock.GetUtcNow();
        var form = GapsBlocksForm.Draft(area.AreaId, agencyId, actor.Id, input.ToContent(), FormLink.LinkOf(input), now);
        forms.Add(form);
        if (form.LinkedVarianceId is { } variance && await handed.FindAsync(variance, cancellationToken) is { } waiting)
        {
            // A form about a variance handed over from the plan: it is no longer waiting for one.
            waiting.RaisedBy(form.Id.Value, agencyId, now);
        }

        audit.Resource(form.Id.ToString());
        return ladder.View(form, area, now);
    }
}
