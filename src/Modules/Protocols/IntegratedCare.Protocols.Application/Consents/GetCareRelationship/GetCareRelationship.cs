using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Protocols.Application.Consents.GetCareRelationship;

internal sealed class CareRelationshipValidator : AbstractValidator<CareRelationshipQuery>
{
    public CareRelationshipValidator()
    {
        RuleFor(x => x.ServiceUserId).MustBeId();
        RuleFor(x => x.AgencyId).MustBeId();
    }
}

internal sealed class CareRelationshipHandler(CareRelationshipDecider decider) : IRequestHandler<CareRelationshipQuery, CareRelationship>
{
    public Task<CareRelationship> Handle(CareRelationshipQuery request, CancellationToken cancellationToken) =>
        decider.RelationshipAsync(request, cancellationToken);
}
