using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Domain.Sharing;
using MediatR;

namespace IntegratedCare.Protocols.Application.Sharing.CreateSharingProtocol;

[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Create, "sharing-protocol")]
public sealed record CreateSharingProtocolCommand(string Name, IReadOnlyList<SharingRuleInput> Rules, string? RequestId = null) : ICommand<SharingProtocolDto>, IntegratedCare.BuildingBlocks.Application.Idempotency.IIdempotentCommand;

internal sealed class CreateSharingProtocolValidator : AbstractValidator<CreateSharingProtocolCommand>
{
    public CreateSharingProtocolValidator()
    {
        RuleFor(x => x.Name).RequiredText(200);
        RuleFor(x => x.Rules).NotEmpty().WithMessage("must hold at least one rule")
            .Must(r => r.Count <= 500).WithMessage("must hold at most 500 rules");
        RuleForEach(x => x.Rules).ChildRules(rule =>
        {
            rule.RuleFor(r => r.DataCategory).Must(c => DataCategoryCodes.TryParse(c, out _))
                .WithMessage($"must be one of {string.Join(", ", DataCategoryCodes.All)}");
            rule.RuleFor(r => r.RecipientAgencyType).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known agency type");
            rule.RuleFor(r => r.Purpose).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known purpose");
            rule.RuleFor(r => r.Basis).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known basis");
            rule.RuleFor(r => r.LegalBasisCode).Matches("^[a-z][a-z0-9-]{1,49}$").When(r => r.Basis == SharingBasis.LegalOverride)
                .WithMessage("must name the legal basis in lower-case words joined by hyphens, e.g. child-protection");
            rule.RuleFor(r => r.LegalBasisCode).Empty().When(r => r.Basis == SharingBasis.Consent)
                .WithMessage("must be empty for a consent-based rule");
        });
    }
}

internal sealed class CreateSharingProtocolHandler(ISharingProtocolRepository protocols, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<CreateSharingProtocolCommand, SharingProtocolDto>
{
    public Task<SharingProtocolDto> Handle(CreateSharingProtocolCommand request, CancellationToken cancellationToken)
    {
        var rules = request.Rules.Select(r =>
        {
            DataCategoryCodes.TryParse(r.DataCategory, out var category);
            return new SharingRule(category, r.RecipientAgencyType!.Value, r.Purpose!.Value, r.Basis!.Value, r.LegalBasisCode ?? string.Empty);
        }).ToList();
        var protocol = SharingProtocol.Create(request.Name, rules, clock.GetUtcNow());
        protocols.Add(protocol);
        audit.Resource(protocol.Id.ToString());
        return Task.FromResult(SharingProtocolDto.From(protocol));
    }
}
