using IntegratedCare.BuildingBlocks.Domain;

namespace IntegratedCare.Assessment.Domain.Assessments;

/// <summary>One domain as an agency assessed it. Children and child protection belong to the family domain only.</summary>
internal sealed record DomainFinding(
    NeedDomain Domain,
    NeedLevel Need,
    string Notes,
    Guid ContributingAgencyId,
    string ContributedBy,
    DateTimeOffset ContributedAt,
    int? ChildrenInHousehold,
    bool ChildProtectionConcern);

/// <summary>A domain as a contributor sends it.</summary>
public sealed record DomainInput(NeedDomain Domain, NeedLevel Need, string Notes, int? ChildrenInHousehold, bool ChildProtectionConcern);

internal sealed record RiskFlagEntry(RiskFlag Flag, string Note, Guid RaisedByAgencyId, string RaisedBy, DateTimeOffset RaisedAt);

/// <summary>
/// The Single Shared Assessment (the report, §3.7): one assessment of a person's needs across eleven
/// domains, which several agencies contribute to, led by the agency that started it. A named assessor
/// completes it; from then on it never changes, and a reassessment supersedes it.
/// </summary>
internal sealed class SingleSharedAssessment : AggregateRoot<AssessmentId>
{
    private List<DomainFinding> _findings = [];
    private List<RiskFlagEntry> _riskFlags = [];

    private SingleSharedAssessment()
        : base(null!)
    {
    }

    private SingleSharedAssessment(AssessmentId id)
        : base(id)
    {
    }

    public Guid ServiceUserId { get; private set; }

    /// <summary>The agency that started the assessment and completes it; it may revise any domain.</summary>
    public Guid LeadAgencyId { get; private set; }

    public string StartedBy { get; private set; } = string.Empty;

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public AssessmentStatus Status { get; private set; }

    /// <summary>The completed assessment this reassessment replaces, if it is one.</summary>
    public AssessmentId? Supersedes { get; private set; }

    public AssessmentId? SupersededBy { get; private set; }

    public IReadOnlyList<DomainFinding> Findings => _findings;

    public IReadOnlyList<RiskFlagEntry> RiskFlags => _riskFlags;

    public string? AssessorName { get; private set; }

    public string? AssessorRole { get; private set; }

    public string? CompletedBy { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Fixed at completion; while in progress see <see cref="Recommend"/>.</summary>
    public int? RecommendedTier { get; private set; }

    public string? TierRationale { get; private set; }

    public bool IsReassessment => Supersedes is not null;

    /// <summary>The domains not yet assessed.</summary>
    public IReadOnlyList<NeedDomain> Outstanding => NeedDomains.All.Except(_findings.Select(f => f.Domain)).ToList();

    public static SingleSharedAssessment Start(Guid serviceUserId, Guid leadAgencyId, string startedBy, AssessmentId? supersedes, DateTimeOffset now)
    {
        var assessment = new SingleSharedAssessment(AssessmentId.New())
        {
            ServiceUserId = serviceUserId,
            LeadAgencyId = leadAgencyId,
            StartedBy = startedBy,
            StartedAt = now,
            UpdatedAt = now,
            Status = AssessmentStatus.InProgress,
            Supersedes = supersedes,
        };
        assessment.Raise(new AssessmentStarted(assessment.Id, serviceUserId, leadAgencyId, now));
        return assessment;
    }

    public TierRecommendation Recommend() =>
        TierRule.Recommend(_findings.ToDictionary(f => f.Domain, f => f.Need), _riskFlags.Select(f => f.Flag).ToList());

    /// <summary>
    /// An agency records its domains. A domain already assessed by another agency can be revised only by
    /// that agency or the lead. A child protection concern raises the child protection flag.
    /// </summary>
    public void Contribute(long expectedVersion, IReadOnlyList<DomainInput> domains, Guid agencyId, string contributedBy, DateTimeOffset now)
    {
        EnsureVersion(expectedVersion);
        CheckRule(new AssessmentMustBeInProgressRule(this));
        foreach (var input in domains)
        {
            var existing = _findings.FirstOrDefault(f => f.Domain == input.Domain);
            CheckRule(new DomainIsRevisedByItsContributorOrTheLeadRule(existing, agencyId, LeadAgencyId));
            CheckRule(new ChildDetailsBelongToTheFamilyDomainRule(input));
        }

        foreach (var input in domains)
        {
            _findings.RemoveAll(f => f.Domain == input.Domain);
            _findings.Add(new DomainFinding(
                input.Domain, input.Need, input.Notes.Trim(), agencyId, contributedBy, now,
                input.Domain == NeedDomain.FamilyAndChildren ? input.ChildrenInHousehold : null,
                input.Domain == NeedDomain.FamilyAndChildren && input.ChildProtectionConcern));
            if (input.ChildProtectionConcern && _riskFlags.All(f => f.Flag != RiskFlag.ChildProtection))
            {
                _riskFlags.Add(new RiskFlagEntry(RiskFlag.ChildProtection, "Raised by a child protection concern in the family and children domain.", agencyId, contributedBy, now));
            }
        }

        _findings = _findings.OrderBy(f => f.Domain).ToList();
        Changed(now);
    }

    public void RaiseRiskFlag(long expectedVersion, RiskFlag flag, string note, Guid agencyId, string raisedBy, DateTimeOffset now)
    {
        EnsureVersion(expectedVersion);
        CheckRule(new AssessmentMustBeInProgressRule(this));
        _riskFlags.RemoveAll(f => f.Flag == flag && f.RaisedByAgencyId == agencyId);
        _riskFlags.Add(new RiskFlagEntry(flag, note.Trim(), agencyId, raisedBy, now));
        _riskFlags = _riskFlags.OrderBy(f => f.Flag).ThenBy(f => f.RaisedAt).ToList();
        Changed(now);
    }

    /// <summary>Clears a flag: the agency that raised it, or the lead, which may clear it whoever raised it.</summary>
    public void ClearRiskFlag(long expectedVersion, RiskFlag flag, Guid agencyId, DateTimeOffset now)
    {
        EnsureVersion(expectedVersion);
        CheckRule(new AssessmentMustBeInProgressRule(this));
        var raised = _riskFlags.Where(f => f.Flag == flag).ToList();
        CheckRule(new RiskFlagIsClearedByItsRaiserOrTheLeadRule(flag, raised, agencyId, LeadAgencyId));
        _riskFlags.RemoveAll(f => f.Flag == flag && (agencyId == LeadAgencyId || f.RaisedByAgencyId == agencyId));
        Changed(now);
    }

    /// <summary>The named assessor completes the assessment; every domain must have been assessed.</summary>
    public void Complete(long expectedVersion, string assessorName, string assessorRole, string completedBy, DateTimeOffset now)
    {
        EnsureVersion(expectedVersion);
        CheckRule(new AssessmentMustBeInProgressRule(this));
        CheckRule(new AllDomainsMustBeAssessedRule(Outstanding));
        var recommendation = Recommend();
        Status = AssessmentStatus.Completed;
        AssessorName = assessorName.Trim();
        AssessorRole = assessorRole.Trim();
        CompletedBy = completedBy;
        CompletedAt = now;
        RecommendedTier = recommendation.Tier;
        TierRationale = recommendation.Rationale;
        Changed(now);
        Raise(new AssessmentCompleted(
            Id, ServiceUserId, LeadAgencyId, completedBy, _findings.ToList(), _riskFlags.Select(f => f.Flag).Distinct().Order().ToList(), recommendation, Supersedes, now));
    }

    /// <summary>A reassessment replaced this one. The content stays as completed; only the status says so.</summary>
    public void MarkSupersededBy(AssessmentId reassessment, DateTimeOffset now)
    {
        CheckRule(new OnlyACompletedAssessmentIsSupersededRule(this));
        Status = AssessmentStatus.Superseded;
        SupersededBy = reassessment;
        Changed(now);
    }

    private void Changed(DateTimeOffset now)
    {
        UpdatedAt = now;
        Touch();
    }
}

internal sealed record AssessmentStarted(AssessmentId AssessmentId, Guid ServiceUserId, Guid LeadAgencyId, DateTimeOffset OccurredAt) : IDomainEvent;

internal sealed record AssessmentCompleted(
    AssessmentId AssessmentId,
    Guid ServiceUserId,
    Guid LeadAgencyId,
    string CompletedBy,
    IReadOnlyList<DomainFinding> Findings,
    IReadOnlyList<RiskFlag> RiskFlags,
    TierRecommendation Recommendation,
    AssessmentId? Supersedes,
    DateTimeOffset OccurredAt) : IDomainEvent;

internal sealed class AssessmentMustBeInProgressRule(SingleSharedAssessment assessment) : IBusinessRule
{
    public bool IsBroken() => assessment.Status != AssessmentStatus.InProgress;

    public string Message => $"Assessment {assessment.Id} is {assessment.Status}: a completed assessment never changes; start a reassessment instead.";
}

internal sealed class DomainIsRevisedByItsContributorOrTheLeadRule(DomainFinding? existing, Guid agencyId, Guid leadAgencyId) : IBusinessRule
{
    public bool IsBroken() => existing is not null && agencyId != leadAgencyId && existing.ContributingAgencyId != agencyId;

    public string Message => $"The {existing?.Domain} domain was assessed by agency {existing?.ContributingAgencyId}: only it or the lead agency may revise it.";
}

internal sealed class ChildDetailsBelongToTheFamilyDomainRule(DomainInput input) : IBusinessRule
{
    public bool IsBroken() => input.Domain != NeedDomain.FamilyAndChildren && (input.ChildrenInHousehold is not null || input.ChildProtectionConcern);

    public string Message => "Children in the household and child protection concerns are recorded in the family and children domain.";
}

internal sealed class RiskFlagIsClearedByItsRaiserOrTheLeadRule(RiskFlag flag, IReadOnlyList<RiskFlagEntry> raised, Guid agencyId, Guid leadAgencyId) : IBusinessRule
{
    public bool IsBroken() => raised.Count == 0 || (agencyId != leadAgencyId && raised.All(f => f.RaisedByAgencyId != agencyId));

    public string Message => raised.Count == 0
        ? $"No {flag} risk flag is raised."
        : $"The {flag} risk flag can be cleared only by the agency that raised it or the lead agency.";
}

internal sealed class AllDomainsMustBeAssessedRule(IReadOnlyList<NeedDomain> outstanding) : IBusinessRuleWithDetails
{
    public bool IsBroken() => outstanding.Count > 0;

    public string Message => $"Every domain must be assessed before completion; outstanding: {string.Join(", ", outstanding)}.";

    public IReadOnlyDictionary<string, string> Details => new Dictionary<string, string> { ["outstanding_domains"] = string.Join(",", outstanding) };
}

internal sealed class OnlyACompletedAssessmentIsSupersededRule(SingleSharedAssessment assessment) : IBusinessRule
{
    public bool IsBroken() => assessment.Status != AssessmentStatus.Completed;

    public string Message => $"Assessment {assessment.Id} is {assessment.Status}: only a completed assessment can be superseded.";
}

/// <summary>A person has at most one assessment in progress at a time.</summary>
internal sealed class OneAssessmentInProgressPerPersonRule(AssessmentId? inProgress) : IUniquenessRule
{
    public bool IsBroken() => inProgress is not null;

    public string Message => $"Assessment {inProgress} is already in progress for this person: contribute to it, or complete it first.";
}

internal interface IAssessmentRepository
{
    Task<SingleSharedAssessment?> FindAsync(AssessmentId id, CancellationToken cancellationToken);

    /// <summary>The person's assessments, oldest first.</summary>
    Task<IReadOnlyList<SingleSharedAssessment>> ForServiceUserAsync(Guid serviceUserId, CancellationToken cancellationToken);

    /// <summary>A page of the person's assessments, oldest first, and how many there are.</summary>
    Task<(IReadOnlyList<SingleSharedAssessment> Assessments, int Total)> PageForServiceUserAsync(Guid serviceUserId, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Whether the agency leads any of the person's assessments (one indexed read, no assessment loaded).</summary>
    Task<bool> AnyLedByAsync(Guid serviceUserId, Guid agencyId, CancellationToken cancellationToken);

    void Add(SingleSharedAssessment assessment);
}
