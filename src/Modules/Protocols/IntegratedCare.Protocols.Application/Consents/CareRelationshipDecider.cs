using IntegratedCare.Assessment.Contracts;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.CarePlan.Contracts;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Consents;
using IntegratedCare.Protocols.Domain.Referrals;
using MediatR;

namespace IntegratedCare.Protocols.Application.Consents;

/// <summary>Asks the register (Assessment) and the plans (CarePlan), and looks at Protocols' own referrals.</summary>
internal sealed class CareRelationshipDecider(
    IMediator mediator,
    IReferralRepository referrals,
    IConsentRepository consents,
    IActingAgencies agencies,
    CareRelationshipMemo memo,
    IAuditScope audit,
    TimeProvider clock)
{
    public async Task<CareRelationship> RelationshipAsync(CareRelationshipQuery request, CancellationToken cancellationToken)
    {
        audit.ServiceUser(request.ServiceUserId);
        var key = (request.ServiceUserId.ToLowerInvariant(), request.AgencyId.ToLowerInvariant());
        if (memo.Known.TryGetValue(key, out var known))
        {
            audit.Basis("care-relationship: " + known.Describe());
            return known;
        }

        var relationship = await DecideAsync(request, cancellationToken);
        memo.Known[key] = relationship;
        audit.Basis("care-relationship: " + relationship.Describe());
        return relationship;
    }

    private async Task<CareRelationship> DecideAsync(CareRelationshipQuery request, CancellationToken cancellationToken)
    {
        var register = await mediator.Send(new RegisterRelationshipQuery(request.ServiceUserId, request.AgencyId), cancellationToken);
        if (!register.PersonExists)
        {
            return CareRelationship.None;
        }

        var plans = await mediator.Send(new CarePlanRelationshipQuery(request.ServiceUserId, request.AgencyId), cancellationToken);
        var referral = await referrals.IsPartyToAcceptedReferralAsync(Guid.Parse(request.ServiceUserId), new AgencyId(Guid.Parse(request.AgencyId)), cancellationToken);
        var relationship = new CareRelationship(
            true, register.Registered, register.LeadsAssessment, plans.LeadsPlan, plans.OnCareTeam, referral,
            await PermittedByConsentAsync(Guid.Parse(request.ServiceUserId), new AgencyId(Guid.Parse(request.AgencyId)), cancellationToken));
        return relationship;
    }

    public async Task<bool> PermittedByConsentAsync(Guid serviceUserId, AgencyId agencyId, CancellationToken cancellationToken)
    {
        var agency = await agencies.FindAsync(agencyId.Value, cancellationToken);
        var now = clock.GetUtcNow();
        return agency is not null
            && (await consents.ForServiceUserAsync(serviceUserId, cancellationToken)).Any(c => c.IsInForceAt(now) && c.PermitsSomethingTo(agencyId, Enum.Parse<AgencyType>(agency.AgencyType)));
    }
}
