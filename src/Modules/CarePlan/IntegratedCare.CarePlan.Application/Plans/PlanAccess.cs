using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.CarePlan.Domain.Plans;
using IntegratedCare.Protocols.Contracts;

namespace IntegratedCare.CarePlan.Application.Plans;

/// <summary>
/// Who may see a plan, and how much of it. An agency that takes no part in a plan is told it does not
/// exist (NOT_FOUND). The lead agency sees it all; another team agency needs the sharing decision's
/// "care-plan" permit, and sees the goals, progress and scores of a need domain only under that domain's
/// category, and each part of a Treatment Outcomes Profile only under that part's category. Its own actions
/// it always sees: it must deliver them.
/// </summary>
internal sealed class PlanAccess(RequestSharingDecisions decisions, IAuditScope audit, TimeProvider clock)
{
    public void EnsureTakesPart(Guid carePlanId, IReadOnlyList<Guid> teamAgencyIds, AgencyProfile caller)
    {
        if (!teamAgencyIds.Contains(caller.AgencyId))
        {
            throw new NotFoundException("Care plan", carePlanId.ToString("D"));
        }
    }

    public async Task<CarePlanDto> ViewAsync(CarePlanDto plan, AgencyProfile caller, CancellationToken cancellationToken)
    {
        var planId = Guid.Parse(plan.CarePlanId);
        EnsureTakesPart(planId, plan.TeamAgencyIds, caller);
        audit.ServiceUser(plan.ServiceUserId);
        if (plan.LeadAgencyId == caller.AgencyId.ToString("D"))
        {
            audit.Basis("own-record");
            return plan;
        }

        var serviceUserId = Guid.Parse(plan.ServiceUserId);
        var whole = await DecideAsync(serviceUserId, caller.AgencyId, DataCategories.CarePlan, cancellationToken);
        if (!whole.Permitted)
        {
            audit.Basis(whole.Basis);
            throw new ForbiddenException("The information sharing agreements and the person's consents do not let your agency see this person's care plan.");
        }

        var withheld = new HashSet<NeedDomain>();
        foreach (var domain in plan.Goals.Select(g => g.Domain).Concat(plan.Reviews.SelectMany(r => r.OutcomeScores.Select(s => s.Domain))).Distinct())
        {
            if (!(await DecideAsync(serviceUserId, caller.AgencyId, Categories.Of(domain), cancellationToken)).Permitted)
            {
                withheld.Add(domain);
            }
        }

        var withheldSections = new HashSet<TopSection>();
        if (plan.OutcomeProfiles.Count > 0)
        {
            foreach (var section in Enum.GetValues<TopSection>())
            {
                if (!(await DecideAsync(serviceUserId, caller.AgencyId, Categories.Of(section), cancellationToken)).Permitted)
                {
                    withheldSections.Add(section);
                }
            }
        }

        audit.Basis(whole.Basis);
        var hiddenGoals = plan.Goals.Where(g => withheld.Contains(g.Domain)).Select(g => g.GoalId).ToHashSet();
        var actions = plan.Actions.Where(a => a.AgencyId == caller.AgencyId || a.GoalId is not { } goal || !hiddenGoals.Contains(goal)).ToList();
        var visibleActions = actions.Select(a => a.ActionId).ToHashSet();
        return plan with
        {
            Goals = plan.Goals.Where(g => !hiddenGoals.Contains(g.GoalId)).ToList(),
            Actions = actions,
            Variances = plan.Variances.Where(v => v.ActionId is { } action ? visibleActions.Contains(action) : v.AgencyId == caller.AgencyId).ToList(),
            Reviews = plan.Reviews.Select(r => r with
            {
                GoalProgress = r.GoalProgress.Where(p => !hiddenGoals.Contains(p.GoalId)).ToList(),
                OutcomeScores = r.OutcomeScores.Where(s => !withheld.Contains(s.Domain)).ToList(),
            }).ToList(),
            WithheldDomains = withheld.Order().ToList(),
            OutcomeProfiles = plan.OutcomeProfiles.Select(p => p with
            {
                SubstanceUse = withheldSections.Contains(TopSection.SubstanceUse) ? null : p.SubstanceUse,
                Crime = withheldSections.Contains(TopSection.Crime) ? null : p.Crime,
                Health = withheldSections.Contains(TopSection.HealthAndWellbeing) ? null : p.Health,
                Housing = withheldSections.Contains(TopSection.Housing) ? null : p.Housing,
                Work = withheldSections.Contains(TopSection.WorkAndEducation) ? null : p.Work,
            }).ToList(),
            WithheldOutcomeSections = withheldSections.Order().ToList(),
        };
    }

    public CarePlanDto Current(IntegratedCarePlan plan) => CarePlanDto.From(plan, clock.GetUtcNow());

    private Task<MaySeeResult> DecideAsync(Guid serviceUserId, Guid agencyId, string category, CancellationToken cancellationToken) =>
        decisions.DecideAsync(serviceUserId, agencyId, category, cancellationToken);
}
