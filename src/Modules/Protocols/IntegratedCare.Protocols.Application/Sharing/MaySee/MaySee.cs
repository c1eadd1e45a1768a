using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.Protocols.Application.Consents;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.Domain.Sharing;
using MediatR;

namespace IntegratedCare.Protocols.Application.Sharing.MaySee;

internal sealed class MaySeeValidator : AbstractValidator<MaySeeQuery>
{
    public MaySeeValidator()
    {
        RuleFor(x => x.ServiceUserId).MustBeId();
        RuleFor(x => x.AgencyId).MustBeId();
        RuleFor(x => x.Category).Must(c => DataCategoryCodes.TryParse(c, out _))
            .WithMessage($"must be one of {string.Join(", ", DataCategoryCodes.All)}");
        RuleFor(x => x.Purpose).Must(p => p is not null && Purposes.ByCode.ContainsKey(p))
            .WithMessage($"must be one of {string.Join(", ", Purposes.ByCode.Keys)}");
        When(x => !string.IsNullOrEmpty(x.OverrideBasis), () =>
        {
            RuleFor(x => x.OverrideBasis!).Matches("^[a-z][a-z0-9-]{1,49}$").WithMessage("must be a legal basis code, e.g. child-protection");
            RuleFor(x => x.OverrideReason!).RequiredText(200);
        });
    }
}

/// <summary>
/// Answers the sharing decision for every module. The decision and its basis go to the audit trail of
/// the request that asked; a partner system may ask only about disclosures to its own agency.
/// </summary>
internal sealed class MaySeeHandler(
    SharingDecider decider,
    IMediator mediator,
    ICurrentActor currentActor,
    IAuditScope audit) : IRequestHandler<MaySeeQuery, MaySeeResult>
{
    public async Task<MaySeeResult> Handle(MaySeeQuery request, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required;
        if (actor.Kind == ActorKind.AgencySystem && !string.Equals(actor.AgencyId, request.AgencyId, StringComparison.OrdinalIgnoreCase))
        {
            throw new ForbiddenException("A partner system may ask only about disclosures to its own agency.");
        }

        var serviceUserId = Guid.Parse(request.ServiceUserId);
        audit.ServiceUser(serviceUserId.ToString("D"));

        // Asking about one's own agency is always allowed: it is the question "may we see this?". Asking
        // about another agency's access says something about the person, so only an agency in a care
        // relationship with them may ask; to any other the person does not exist.
        if (actor.Kind != ActorKind.System && !actor.IsInRole(Roles.SystemAdmin)
            && !string.Equals(actor.AgencyId, request.AgencyId, StringComparison.OrdinalIgnoreCase))
        {
            await CareRelationships.RequireAsync(mediator, request.ServiceUserId, CareRelationships.AgencyOf(actor, "Asking about another agency's access"), cancellationToken);
        }

        DataCategoryCodes.TryParse(request.Category, out var category);
        var decision = (await decider.DecideAsync(serviceUserId, Guid.Parse(request.AgencyId), [category], request.Purpose, request.OverrideBasis, request.OverrideReason, cancellationToken))[0];
        audit.Basis(decision.Basis);
        return SharingDecider.ToResult(decision);
    }
}
