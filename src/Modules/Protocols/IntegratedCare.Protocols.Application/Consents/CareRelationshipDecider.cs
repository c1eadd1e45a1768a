using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Consents;
using IntegratedCare.Protocols.Domain.Referrals;

namespace IntegratedCare.Protocols.Application.Consents;

/// <summary>Combines the facts the register and the plans hold (<see cref="ICareRelationshipFacts"/>) with Protocols' own referrals and consents.</summary>
internal sealed class CareRelationshipDecider(
    IEnumerable<ICareRelationshipFacts> facts,
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
        var person = Guid.Parse(request.ServiceUserId);
        var agency = Guid.Parse(request.AgencyId);
        // One after another: every module's reads share the request's one connection.
        var known = new List<CareFacts>();
        foreach (var source in facts)
        {
            known.Add(await source.FactsAsync(person, agency, cancellationToken));
        }

        if (!known.Any(f => f.PersonExists == true) || known.Any(f => f.PersonExists == false))
        {
            return CareRelationship.None;
        }

        var referral = await referrals.IsPartyToAcceptedReferralAsync(person, new AgencyId(agency), cancellationToken);
        var relationship = new CareRelationship(
            true, known.Any(f => f.Registered), known.Any(f => f.LeadsAssessment), known.Any(f => f.LeadsCarePlan), known.Any(f => f.OnCareTeam), referral,
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
