using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Forms.UpdateForm;

/// <summary>The case manager edits their draft (or a form returned to them).</summary>
[Authorize(Roles.CaseManager)]
[Audit(AuditAction.Update, "gaps-blocks-form")]
public sealed record UpdateFormCommand(string FormId, long ExpectedVersion, FormInput? Form) : ICommand<FormDto>;

internal sealed class UpdateFormValidator : AbstractValidator<UpdateFormCommand>
{
    public UpdateFormValidator(TimeProvider clock)
    {
        RuleFor(x => x.FormId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeAVersion();
        RuleFor(x => x.Form).NotNull().WithMessage("is required").SetValidator(new FormInputValidator(clock)!);
    }
}

internal sealed class UpdateFormHandler(FormAccess access, AnonymityGuard guard, IMediator mediator, Ladder ladder, TimeProvider clock)
    : IRequestHandler<UpdateFormCommand, FormDto>
{
    public async Task<FormDto> Handle(UpdateFormCommand request, CancellationToken cancellationToken)
    {
        var (form, area) = await access.LoadAsync(request.FormId, cancellationToken);
        ladder.Require(ladder.IsAuthor(form), "the case manager who drafted the form");
        var input = request.Form!;
        var about = await FormLink.PersonOfLinkAsync(mediator, input, form.AgencyId, cancellationToken);
        await guard.EnsureAnonymousAsync(input.Texts("form."), cancellationToken, about);
        await guard.EnsureNoRegisteredPersonAsync(input.CaseManagerTexts("form."), cancellationToken);
        var now = clock.GetUtcNow();
        form.Edit(request.ExpectedVersion, input.ToContent(), FormLink.LinkOf(input), now);
        return ladder.View(form, area, now);
    }
}
