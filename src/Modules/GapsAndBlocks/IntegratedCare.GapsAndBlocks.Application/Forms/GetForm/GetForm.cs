using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Forms.GetForm;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.RehabilitationCoordinator, Roles.SubgroupMember, Roles.NationalCoordinator)]
[Audit(AuditAction.Read, "gaps-blocks-form")]
public sealed record GetFormQuery(string FormId) : IQuery<FormDto>;

internal sealed class GetFormValidator : AbstractValidator<GetFormQuery>
{
    public GetFormValidator() => RuleFor(x => x.FormId).MustBeId();
}

internal sealed class GetFormHandler(FormAccess access, Ladder ladder, TimeProvider clock) : IRequestHandler<GetFormQuery, FormDto>
{
    public async Task<FormDto> Handle(GetFormQuery request, CancellationToken cancellationToken)
    {
        var (form, area) = await access.LoadAsync(request.FormId, cancellationToken);
        return ladder.View(form, area, clock.GetUtcNow());
    }
}
