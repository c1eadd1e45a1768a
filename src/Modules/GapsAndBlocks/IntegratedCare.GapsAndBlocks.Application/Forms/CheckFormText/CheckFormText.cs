using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Forms.CheckFormText;

public sealed record TextToCheck(string Field, string Text);

/// <summary>Checks draft text without saving it: what looks identifying, and where.</summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.RehabilitationCoordinator)]
[Audit(AuditAction.Execute, "anonymity-check")]
public sealed record CheckFormTextQuery(IReadOnlyList<TextToCheck> Texts) : IQuery<IReadOnlyList<IdentifyingFinding>>;

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

internal sealed class CheckFormTextHandler(AnonymityGuard guard) : IRequestHandler<CheckFormTextQuery, IReadOnlyList<IdentifyingFinding>>
{
    public Task<IReadOnlyList<IdentifyingFinding>> Handle(CheckFormTextQuery request, CancellationToken cancellationToken) =>
        guard.FindAsync(request.Texts.Select(t => (t.Field.Trim(), t.Text ?? string.Empty)).ToList(), cancellationToken);
}
