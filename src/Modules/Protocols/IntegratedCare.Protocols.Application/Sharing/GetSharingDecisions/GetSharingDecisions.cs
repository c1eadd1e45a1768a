using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Protocols.Application.Sharing.GetSharingDecisions;

internal sealed class SharingDecisionsValidator : AbstractValidator<SharingDecisionsQuery>
{
    public SharingDecisionsValidator()
    {
        RuleFor(x => x.ServiceUserId).MustBeId();
        RuleFor(x => x.AgencyId).MustBeId();
        RuleFor(x => x.Purpose).Must(p => p is not null && Purposes.ByCode.ContainsKey(p))
            .WithMessage($"must be one of {string.Join(", ", Purposes.ByCode.Keys)}");
    }
}

/// <summary>
/// Every category for one person and agency, once per request: what Assessment and CarePlan ask before
/// they show any of the person's data. Only about the caller's own agency (or by the platform): asking
/// about another agency's access goes through <see cref="MaySeeQuery"/> and its checks.
/// </summary>
internal sealed class SharingDecisionsHandler(SharingDecider decider, ICurrentActor currentActor, IAuditScope audit)
    : IRequestHandler<SharingDecisionsQuery, SharingDecisions>
{
    public async Task<SharingDecisions> Handle(SharingDecisionsQuery request, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required;
        var serviceUserId = Guid.Parse(request.ServiceUserId);
        audit.ServiceUser(serviceUserId.ToString("D"));
        if (actor.Kind != ActorKind.System && !string.Equals(actor.AgencyId, request.AgencyId, StringComparison.OrdinalIgnoreCase))
        {
            throw new ForbiddenException("The decisions for every category are asked only about the caller's own agency.");
        }

        var decisions = await decider.DecideAsync(serviceUserId, Guid.Parse(request.AgencyId), SharingDecisionSummary.AllCategories, request.Purpose, null, null, cancellationToken);
        var (result, basis) = SharingDecisionSummary.Summarise(decisions);
        audit.Basis(basis);
        return result;
    }
}
