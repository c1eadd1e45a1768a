using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.Domain.Agencies;
using MediatR;

namespace IntegratedCare.Protocols.Application.Consents.KnowsOfPerson;

internal sealed class KnowsOfPersonValidator : AbstractValidator<KnowsOfPersonQuery>
{
    public KnowsOfPersonValidator()
    {
        RuleFor(x => x.ServiceUserId).MustBeId();
        RuleFor(x => x.AgencyId).MustBeId();
    }
}

internal sealed class KnowsOfPersonHandler(CareRelationshipDecider decider, CareRelationshipMemo memo, IAuditScope audit)
    : IRequestHandler<KnowsOfPersonQuery, bool>
{
    public async Task<bool> Handle(KnowsOfPersonQuery request, CancellationToken cancellationToken)
    {
        audit.ServiceUser(request.ServiceUserId);
        var key = (request.ServiceUserId.ToLowerInvariant(), request.AgencyId.ToLowerInvariant());
        if (!memo.Known.ContainsKey(key) && await decider.PermittedByConsentAsync(Guid.Parse(request.ServiceUserId), new AgencyId(Guid.Parse(request.AgencyId)), cancellationToken))
        {
            // A consent names only a person the register holds: the agency may know of them.
            audit.Basis("knows-of-person: consent in force");
            return true;
        }

        return (await decider.RelationshipAsync(new CareRelationshipQuery(request.ServiceUserId, request.AgencyId), cancellationToken)).KnowsOfPerson;
    }
}
