using IntegratedCare.Assessment.Domain.Assessments;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.Protocols.Contracts;

namespace IntegratedCare.Assessment.Application.Assessments;

/// <summary>Loading an assessment for a call, and showing it to the caller no further than the sharing decision allows.</summary>
internal sealed class AssessmentAccess(IAssessmentRepository assessments, DisclosureGate gate, IAuditScope audit)
{
    /// <summary>The assessment, or NOT_FOUND when there is none or the caller's agency may not know the person exists.</summary>
    public async Task<SingleSharedAssessment> LoadAsync(string assessmentId, AgencyProfile caller, CancellationToken cancellationToken)
    {
        var id = new AssessmentId(Guid.Parse(assessmentId));
        audit.Resource(id.ToString());
        var assessment = await assessments.FindAsync(id, cancellationToken) ?? throw new NotFoundException("Assessment", id.ToString());
        audit.ServiceUser(assessment.ServiceUserId.ToString("D"));
        if (assessment.LeadAgencyId != caller.AgencyId && !await gate.KnowsOfPersonAsync(assessment.ServiceUserId, caller, cancellationToken))
        {
            throw new NotFoundException("Assessment", id.ToString(), hidden: true);
        }

        return assessment;
    }

    /// <summary>
    /// Every domain and the risk flags, each under its own category; the lead agency sees all. A caller
    /// permitted nothing gets PERMISSION_DENIED.
    /// </summary>
    public async Task<AssessmentDto> ViewAsync(SingleSharedAssessment assessment, AgencyProfile caller, CancellationToken cancellationToken)
    {
        var lead = assessment.LeadAgencyId == caller.AgencyId;
        var bases = new SortedSet<string>(StringComparer.Ordinal);
        var visible = new HashSet<NeedDomain>();
        foreach (var domain in NeedDomains.All)
        {
            var decision = await gate.DecideAsync(assessment.ServiceUserId, caller, lead, AssessmentCategories.Of(domain), cancellationToken);
            if (decision.Permitted)
            {
                visible.Add(domain);
                bases.Add(decision.Basis);
            }
        }

        var flags = await gate.DecideAsync(assessment.ServiceUserId, caller, lead, DataCategories.RiskFlags, cancellationToken);
        if (flags.Permitted)
        {
            bases.Add(flags.Basis);
        }

        if (visible.Count == 0 && !flags.Permitted)
        {
            audit.Basis(flags.Basis);
            await gate.HideFromStrangerAsync(assessment.ServiceUserId, caller, cancellationToken);
            throw new ForbiddenException("The information sharing agreements and the person's consents let your agency see no part of this assessment.");
        }

        audit.Basis(string.Join(";", bases));
        return ToDto(assessment, visible, flags.Permitted);
    }

    private static AssessmentDto ToDto(SingleSharedAssessment a, IReadOnlySet<NeedDomain> visible, bool flagsVisible)
    {
        var recommendation = a.RecommendedTier is { } tier ? new TierRecommendation(tier, a.TierRationale ?? string.Empty) : a.Recommend();
        return new AssessmentDto(
            a.Id.ToString(),
            a.ServiceUserId.ToString("D"),
            a.LeadAgencyId.ToString("D"),
            a.Status,
            a.IsReassessment,
            a.Supersedes?.ToString() ?? string.Empty,
            a.SupersededBy?.ToString() ?? string.Empty,
            a.Findings.Where(f => visible.Contains(f.Domain))
                .Select(f => new DomainFindingDto(f.Domain, f.Need, f.Notes, f.ContributingAgencyId.ToString("D"), f.ContributedBy, f.ContributedAt, f.ChildrenInHousehold, f.ChildProtectionConcern))
                .ToList(),
            NeedDomains.All.Where(d => !visible.Contains(d)).ToList(),
            a.Outstanding,
            flagsVisible
                ? a.RiskFlags.Select(f => new RiskFlagDto(f.Flag, f.Note, f.RaisedByAgencyId.ToString("D"), f.RaisedBy, f.RaisedAt)).ToList()
                : [],
            !flagsVisible,
            recommendation.Tier,
            recommendation.Rationale,
            a.AssessorName ?? string.Empty,
            a.AssessorRole ?? string.Empty,
            a.StartedBy,
            a.StartedAt,
            a.CompletedAt,
            a.UpdatedAt,
            a.Version);
    }
}
