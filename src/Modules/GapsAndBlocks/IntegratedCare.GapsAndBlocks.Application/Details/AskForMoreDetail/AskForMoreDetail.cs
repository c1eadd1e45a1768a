using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.GapsAndBlocks.Application.Forms;
using IntegratedCare.GapsAndBlocks.Domain.Details;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Details.AskForMoreDetail;

/// <summary>The area's co-ordinator asks the case manager for more detail on a form (the question itself must not identify anyone).</summary>
[Authorize(Roles.RehabilitationCoordinator)]
[Audit(AuditAction.Create, "gaps-blocks-detail")]
public sealed record AskForMoreDetailCommand(string FormId, string Question) : ICommand<MoreDetailDto>;

internal sealed class AskForMoreDetailValidator : AbstractValidator<AskForMoreDetailCommand>
{
    public AskForMoreDetailValidator()
    {
        RuleFor(x => x.FormId).MustBeId();
        RuleFor(x => x.Question).RequiredText(1000);
    }
}

internal sealed class AskForMoreDetailHandler(IMoreDetailRepository details, FormAccess access, Ladder ladder, AnonymityGuard guard, TimeProvider clock)
    : IRequestHandler<AskForMoreDetailCommand, MoreDetailDto>
{
    public async Task<MoreDetailDto> Handle(AskForMoreDetailCommand request, CancellationToken cancellationToken)
    {
        var (form, area) = await access.LoadAsync(request.FormId, cancellationToken);
        ladder.Require(ladder.IsCoordinator(area), "the area's rehabilitation co-ordinator");
        Rule.Check(new DetailIsAskedOfAnOpenSubmittedFormRule(form));
        await guard.EnsureAnonymousAsync([("question", request.Question)], cancellationToken);
        var detail = MoreDetail.Ask(form.Id.Value, request.Question, ladder.Actor.Id, clock.GetUtcNow());
        details.Add(detail);
        return MoreDetailDto.From(detail);
    }
}
