using IntegratedCare.CarePlan.Domain.Plans;
using IntegratedCare.Protocols.Contracts;

namespace IntegratedCare.CarePlan.Application.Plans.PlanCareFacts;

/// <summary>
/// How an agency takes part in a person's care plans: whether it leads one (not entered in error), and
/// whether it is an active member of an open plan's care team (an action of its accepted or in progress;
/// merely proposed or declined is not).
/// </summary>
internal sealed class PlanCareFacts(ICarePlanRepository plans) : ICareRelationshipFacts
{
    public async Task<CareFacts> FactsAsync(Guid serviceUserId, Guid agencyId, CancellationToken cancellationToken)
    {
        var taking = (await plans.ParticipationAsync(serviceUserId, cancellationToken))
            .Where(p => p.Status != CarePlanStatus.EnteredInError)
            .ToList();

        // Proposed an action is not on the team: an agency joins when it accepts one (and leaves when its
        // last action ends), and only an open plan has a team that cares for the person now.
        return new CareFacts(
            PersonExists: null,
            LeadsCarePlan: taking.Any(p => p.LeadAgencyId == agencyId),
            OnCareTeam: taking.Any(p => p.IsOpen && p.LeadAgencyId != agencyId && p.Team.Any(m => m.AgencyId == agencyId && m.Status == TeamMemberStatus.Active)));
    }
}
