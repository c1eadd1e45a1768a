using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Consents;
using IntegratedCare.Protocols.Domain.Referrals;
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
