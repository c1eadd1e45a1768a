using IntegratedCare.BuildingBlocks.Domain.Calendar;
using IntegratedCare.BuildingBlocks.Domain;

namespace IntegratedCare.CarePlan.Domain.Plans;

/// <summary>
/// One person's integrated care plan for one episode (the report, §3.6): built with the person and every
/// service involved, led by a case manager of the lead agency, with goals per need domain, actions each
/// delivered by an agency at a tier, the care team those actions make, variances where the plan left its
/// path, reviews on a schedule and the pathway stage. Parts are immutable values replaced on change.
/// </summary>
internal sealed class IntegratedCarePlan : AggregateRoot<CarePlanId>
{
    public const int DefaultReviewIntervalWeeks = 12;

    private List<Goal> _goals = [];
    private List<PlanAction> _actions = [];
    private List<TeamMember> _team = [];
    private List<Variance> _variances = [];
    private List<Review> _reviews = [];
    private List<StageEntry> _stages = [];
    private List<TreatmentOutcomesProfile> _outcomeProfiles = [];
    private List<Guid> _teamAgencyIds = [];

    private IntegratedCarePlan()
        : base(null!)
    {
    }

    private IntegratedCarePlan(CarePlanId id)
        : base(id)
    {
    }

    public Guid ServiceUserId { get; private set; }

    /// <summary>1 for the person's first plan; each plan after a closed one is a new episode.</summary>
    public int Episode { get; private set; }

    public Guid? SourceAssessmentId { get; private set; }

    public int RecommendedTier { get; private set; }

    public Guid LeadAgencyId { get; private set; }

    /// <summary>The lead case manager (token subject); empty until one takes the proposed plan on.</summary>
    public string LeadCaseManager { get; private set; } = string.Empty;

    public CarePlanStatus Status { get; private set; }

    public Participation Participation { get; private set; } = new(false, null, null, string.Empty);

    public int ReviewIntervalWeeks { get; private set; } = DefaultReviewIntervalWeeks;

    public DateOnly? NextReviewDue { get; private set; }

    /// <summary>The earliest due date among open actions not yet noted overdue: what the deadline sweep looks for.</summary>
    public DateOnly? NextActionDue { get; private set; }

    public string ExitReason { get; private set; } = string.Empty;

    /// <summary>The calendar action due dates and reviews are counted in: the lead agency's area's jurisdiction.</summary>
    public Jurisdiction Jurisdiction { get; private set; } = Jurisdiction.Scotland;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public IReadOnlyList<Goal> Goals => _goals;

    public IReadOnlyList<PlanAction> Actions => _actions;

    public IReadOnlyList<TeamMember> Team => _team;

    public IReadOnlyList<Variance> Variances => _variances;

    public IReadOnlyList<Review> Reviews => _reviews;

    public IReadOnlyList<StageEntry> Stages => _stages;

    /// <summary>The Treatment Outcomes Profiles taken, in order: the start's, the reviews', the exit's.</summary>
    public IReadOnlyList<TreatmentOutcomesProfile> OutcomeProfiles => _outcomeProfiles;

    public PathwayStage Stage => _stages[^1].Stage;

    /// <summary>The agencies that take part: the lead and every agency an action was ever assigned to.</summary>
    public IReadOnlyList<Guid> TeamAgencyIds => _teamAgencyIds;

    public bool IsOpen => IsOpenStatus(Status);

    /// <summary>Draft, active or on hold: a plan whose team cares for the person now.</summary>
    public static bool IsOpenStatus(CarePlanStatus status) => status is CarePlanStatus.Draft or CarePlanStatus.Active or CarePlanStatus.OnHold;

    /// <summary>Proposes a draft plan from a completed assessment: one proposed goal per domain at moderate or high need.</summary>
    public static IntegratedCarePlan Propose(
        Guid serviceUserId, int episode, Guid assessmentId, Guid leadAgencyId, string leadCaseManager, int tier, IReadOnlyList<NeedDomain> needingGoals, DateTimeOffset now, Jurisdiction jurisdiction = Jurisdiction.Scotland)
    {
        var plan = new IntegratedCarePlan(CarePlanId.New())
        {
            Jurisdiction = jurisdiction,
            ServiceUserId = serviceUserId,
            Episode = episode,
            SourceAssessmentId = assessmentId,
            RecommendedTier = tier,
            LeadAgencyId = leadAgencyId,
            LeadCaseManager = leadCaseManager,
            Status = CarePlanStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            _stages = [new StageEntry(PathwayStage.CarePlanning, now)],
            _teamAgencyIds = [leadAgencyId],
            _team = [new TeamMember(leadAgencyId, leadCaseManager, "Lead case manager", TeamMemberStatus.Active, now, null)],
        };
        plan.ProposeGoals(needingGoals);
        return plan;
    }

    /// <summary>A reassessment found needs the plan has no goal for: proposed goals are added for them.</summary>
    public void ProposeGoalsFromReassessment(Guid assessmentId, int tier, IReadOnlyList<NeedDomain> needingGoals, DateTimeOffset now)
    {
        CheckRule(new PlanMustBeOpenRule(this));
        SourceAssessmentId = assessmentId;
        RecommendedTier = tier;
        ProposeGoals(needingGoals.Where(d => _goals.All(g => g.Domain != d || g.Lifecycle is GoalLifecycle.Completed or GoalLifecycle.Cancelled or GoalLifecycle.Rejected)).ToList());
        Changed(now);
    }

    public void Participate(long expectedVersion, Participation participation, DateTimeOffset now)
    {
        Begin(expectedVersion);
        Participation = participation with { OwnWords = participation.OwnWords.Trim() };
        Changed(now);
    }

    public Goal AddGoal(long expectedVersion, NeedDomain domain, string description, string measure, DateOnly? targetDate, DateTimeOffset now)
    {
        Begin(expectedVersion);
        var goal = new Goal(Guid.NewGuid(), domain, description.Trim(), measure.Trim(), targetDate, GoalLifecycle.Planned, GoalAchievement.InProgress);
        _goals.Add(goal);
        Changed(now);
        return goal;
    }

    public void UpdateGoal(long expectedVersion, Guid goalId, string description, string measure, DateOnly? targetDate, GoalLifecycle lifecycle, GoalAchievement? achievement, DateTimeOffset now)
    {
        Begin(expectedVersion);
        var goal = FindGoal(goalId);
        Replace(_goals, goal, goal with { Description = description.Trim(), Measure = measure.Trim(), TargetDate = targetDate, Lifecycle = lifecycle, Achievement = achievement });
        Changed(now);
    }

    /// <summary>Activation needs a goal being worked towards and the person's recorded agreement.</summary>
    public void Activate(long expectedVersion, DateOnly today, DateTimeOffset now)
    {
        Begin(expectedVersion);
        CheckRule(new PlanMustBeDraftOrOnHoldRule(this));
        CheckRule(new ActivationNeedsAGoalRule(_goals));
        CheckRule(new ActivationNeedsThePersonsAgreementRule(Participation));
        Status = CarePlanStatus.Active;
        _goals = _goals.Select(g => g.Lifecycle is GoalLifecycle.Proposed or GoalLifecycle.Planned or GoalLifecycle.Accepted ? g with { Lifecycle = GoalLifecycle.Active } : g).ToList();
        NextReviewDue ??= today.AddDays(7 * ReviewIntervalWeeks);
        if (Stage is PathwayStage.Referral or PathwayStage.Assessment or PathwayStage.CarePlanning)
        {
            _stages.Add(new StageEntry(PathwayStage.Intervention, now));
        }

        Changed(now);
    }

    public void PutOnHold(long expectedVersion, DateTimeOffset now)
    {
        Begin(expectedVersion);
        CheckRule(new PlanMustBeActiveRule(this));
        Status = CarePlanStatus.OnHold;
        Changed(now);
    }

    public PlanAction AddAction(long expectedVersion, Guid? goalId, Guid agencyId, int tier, string what, DateOnly dueDate, DateTimeOffset now)
    {
        Begin(expectedVersion);
        if (goalId is { } id)
        {
            FindGoal(id);
        }

        var action = new PlanAction(Guid.NewGuid(), goalId, agencyId, tier, what.Trim(), dueDate, ActionStatus.NotStarted, string.Empty, null, [], false);
        _actions.Add(action);
        Raise(new ActionAssigned(Id, action.ActionId, agencyId, LeadAgencyId, dueDate, now));
        if (!_teamAgencyIds.Contains(agencyId))
        {
            _teamAgencyIds.Add(agencyId);
        }

        if (_team.All(m => m.AgencyId != agencyId))
        {
            _team.Add(new TeamMember(agencyId, string.Empty, "Service contribution", TeamMemberStatus.Proposed, null, null));
        }

        Changed(now);
        return action;
    }

    /// <summary>The assigned agency accepts its action: it joins the care team.</summary>
    public void AcceptAction(long expectedVersion, Guid actionId, Guid agencyId, string worker, string by, DateTimeOffset now)
    {
        Begin(expectedVersion);
        var action = FindAction(actionId);
        CheckRule(new ActionBelongsToTheAgencyRule(action, agencyId));
        CheckRule(new ActionMustAwaitAnAnswerRule(action));
        Replace(_actions, action, action with
        {
            Status = ActionStatus.Scheduled,
            AssignedWorker = worker.Trim(),
            Progress = [.. action.Progress, new ProgressNote(now, by, ActionStatus.Scheduled, "Accepted")],
        });
        Join(agencyId, worker.Trim(), now);
        Changed(now);
    }

    /// <summary>The assigned agency declines its action with a coded reason: a variance is recorded.</summary>
    public void DeclineAction(long expectedVersion, Guid actionId, Guid agencyId, VarianceReason reason, string note, string by, DateTimeOffset now)
    {
        Begin(expectedVersion);
        var action = FindAction(actionId);
        CheckRule(new ActionBelongsToTheAgencyRule(action, agencyId));
        CheckRule(new ActionMustAwaitAnAnswerRule(action));
        Replace(_actions, action, action with
        {
            Status = ActionStatus.Cancelled,
            DeclineReason = reason,
            Progress = [.. action.Progress, new ProgressNote(now, by, ActionStatus.Cancelled, note.Trim())],
        });
        _variances.Add(new Variance(Guid.NewGuid(), actionId, null, agencyId, VarianceKind.Declined, reason, note.Trim(), now, null));
        LeaveIfDone(agencyId, now);
        Changed(now);
    }

    /// <summary>The assigned agency reports progress; its membership ends with its last open action.</summary>
    public void ReportProgress(long expectedVersion, Guid actionId, Guid agencyId, ActionStatus status, string note, string by, DateTimeOffset now)
    {
        Begin(expectedVersion);
        var action = FindAction(actionId);
        CheckRule(new ActionBelongsToTheAgencyRule(action, agencyId));
        CheckRule(new ProgressNeedsAnAcceptedOpenActionRule(action, status));
        Replace(_actions, action, action with { Status = status, Progress = [.. action.Progress, new ProgressNote(now, by, status, note.Trim())] });
        LeaveIfDone(agencyId, now);
        Changed(now);
    }

    /// <summary>Open actions past their due date become variances, each once. Returns how many.</summary>
    public int NoteOverdueActions(DateOnly today, DateTimeOffset now)
    {
        var overdue = _actions.Where(a => a.IsOpen && !a.OverdueNoted && a.DueDate < today).ToList();
        foreach (var action in overdue)
        {
            Replace(_actions, action, action with { OverdueNoted = true });
            Raise(new ActionOverdue(Id, action.ActionId, action.AgencyId, LeadAgencyId, LeadCaseManager, action.DueDate, now));
            _variances.Add(new Variance(Guid.NewGuid(), action.ActionId, null, action.AgencyId, VarianceKind.Overdue, null, $"Due {action.DueDate:yyyy-MM-dd}, not done.", now, null));
        }

        if (overdue.Count > 0)
        {
            Changed(now);
        }

        return overdue.Count;
    }

    /// <summary>A referral for the person went unanswered past its response time: a variance, once per referral.</summary>
    public bool NoteOverdueReferral(Guid referralId, Guid toAgencyId, DateOnly lastDay, DateTimeOffset now)
    {
        if (!IsOpen || _variances.Any(v => v.ReferralId == referralId))
        {
            return false;
        }

        _variances.Add(new Variance(
            Guid.NewGuid(), null, referralId, toAgencyId, VarianceKind.ReferralOverdue, null, $"Referral due by the end of {lastDay:yyyy-MM-dd}, unanswered.", now, null));
        Changed(now);
        return true;
    }

    /// <summary>The case manager codes why the plan left its path.</summary>
    public void CodeVariance(long expectedVersion, Guid varianceId, VarianceReason reason, string note, DateTimeOffset now)
    {
        Begin(expectedVersion);
        var variance = FindVariance(varianceId);
        Replace(_variances, variance, variance with { Reason = reason, Note = string.IsNullOrWhiteSpace(note) ? variance.Note : note.Trim() });
        Changed(now);
    }

    /// <summary>The case manager hands a coded variance to GapsAndBlocks, once.</summary>
    public Variance HandVarianceToGapsAndBlocks(long expectedVersion, Guid varianceId, DateTimeOffset now)
    {
        EnsureVersion(expectedVersion);
        var variance = FindVariance(varianceId);
        CheckRule(new VarianceIsHandedOnOnceWithAReasonRule(variance));
        var handed = variance with { HandedToGapsAndBlocksAt = now };
        Replace(_variances, variance, handed);
        Changed(now);
        Raise(new VarianceHandedToGapsAndBlocks(Id, ServiceUserId, LeadAgencyId, handed, now));
        return handed;
    }

    public void SetReviewInterval(long expectedVersion, int weeks, DateTimeOffset now)
    {
        Begin(expectedVersion);
        ReviewIntervalWeeks = weeks;
        var last = _reviews.Count == 0 ? (DateOnly?)null : _reviews[^1].HeldOn;
        if (last is { } held)
        {
            NextReviewDue = held.AddDays(7 * weeks);
        }

        Changed(now);
    }

    /// <summary>Records a review: progress per goal, outcome scores, decisions, and the next review (by default one interval on).</summary>
    public Review RecordReview(
        long expectedVersion, DateOnly heldOn, IReadOnlyList<GoalProgress> progress, IReadOnlyList<OutcomeScore> scores, string decisions, DateOnly? nextReviewOn, string by, DateTimeOffset now)
    {
        Begin(expectedVersion);
        CheckRule(new PlanMustBeActiveRule(this));
        var next = nextReviewOn ?? heldOn.AddDays(7 * ReviewIntervalWeeks);
        CheckRule(new NextReviewFollowsThisOneRule(heldOn, next));
        progress.ToList().ForEach(item => FindGoal(item.GoalId)); // every goal found before any changes: a refused review changes nothing
        foreach (var item in progress)
        {
            var goal = FindGoal(item.GoalId);
            Replace(_goals, goal, goal with
            {
                Achievement = item.Achievement,
                Lifecycle = item.Achievement == GoalAchievement.Achieved ? GoalLifecycle.Completed : goal.Lifecycle,
            });
        }

        var review = new Review(Guid.NewGuid(), heldOn, by, progress.ToList(), scores.ToList(), decisions.Trim(), next);
        _reviews.Add(review);
        NextReviewDue = next;
        if (Stage != PathwayStage.Review)
        {
            _stages.Add(new StageEntry(PathwayStage.Review, now));
        }

        Changed(now);
        return review;
    }

    /// <summary>
    /// Records a Treatment Outcomes Profile for the 28 days ending <paramref name="periodEnd"/>, while the plan is
    /// open: the start's first and once, then a review's or the exit's, each for the four weeks after the last one's
    /// at the earliest (no day is asked about twice), none ending after <paramref name="today"/> in the plan's calendar.
    /// </summary>
    public TreatmentOutcomesProfile RecordTreatmentOutcomes(
        long expectedVersion, TopOccasion occasion, DateOnly periodEnd, DateOnly today, TopSubstanceUse use, TopCrime crime, TopHealth health, TopHousing housing, TopWork work,
        string by, DateTimeOffset now)
    {
        Begin(expectedVersion);
        CheckRule(new PlanMustBeOpenRule(this));
        CheckRule(new TopOccasionsFollowInOrderRule(_outcomeProfiles, occasion));
        CheckRule(new TopPeriodsFollowEachOtherRule(_outcomeProfiles, periodEnd, today));
        CheckRule(new TopAnswersInRangeRule(use, crime, health, work));
        var profile = new TreatmentOutcomesProfile(
            Guid.NewGuid(), occasion, periodEnd.AddDays(1 - TreatmentOutcomesProfile.PeriodDays), periodEnd, by, now, use, crime, health, housing, work);
        _outcomeProfiles.Add(profile);
        Changed(now);
        return profile;
    }

    public void MoveToStage(long expectedVersion, PathwayStage stage, DateTimeOffset now)
    {
        Begin(expectedVersion);
        CheckRule(new ExitIsRecordedWithAReasonRule(stage));
        if (stage != Stage)
        {
            _stages.Add(new StageEntry(stage, now));
        }

        Changed(now);
    }

    /// <summary>The person leaves the pathway: the reason is recorded, open actions stop, the team disbands and the plan closes.</summary>
    public void Exit(long expectedVersion, string reason, DateTimeOffset now)
    {
        Begin(expectedVersion);
        ExitReason = reason.Trim();
        _actions = _actions.Select(a => a.IsOpen ? a with { Status = ActionStatus.Stopped, Progress = [.. a.Progress, new ProgressNote(now, "system", ActionStatus.Stopped, "Plan closed")] } : a).ToList();
        _team = _team.Select(m => m.Status is TeamMemberStatus.Active or TeamMemberStatus.Proposed ? m with { Status = TeamMemberStatus.Inactive, End = now } : m).ToList();
        _stages.Add(new StageEntry(PathwayStage.AftercareExit, now));
        Status = CarePlanStatus.Completed;
        ClosedAt = now;
        NextReviewDue = null;
        Changed(now);
    }

    /// <summary>The plan is withdrawn (the person declined it, or it was made in error): closed with the reason, its actions cancelled.</summary>
    public void Revoke(long expectedVersion, string reason, bool enteredInError, DateTimeOffset now)
    {
        Begin(expectedVersion);
        ExitReason = reason.Trim();
        _actions = _actions.Select(a => a.IsOpen ? a with { Status = ActionStatus.Cancelled, Progress = [.. a.Progress, new ProgressNote(now, "system", ActionStatus.Cancelled, "Plan revoked")] } : a).ToList();
        _team = _team.Select(m => m.Status is TeamMemberStatus.Active or TeamMemberStatus.Proposed ? m with { Status = TeamMemberStatus.Inactive, End = now } : m).ToList();
        Status = enteredInError ? CarePlanStatus.EnteredInError : CarePlanStatus.Revoked;
        ClosedAt = now;
        NextReviewDue = null;
        Changed(now);
    }

    /// <summary>A case manager of the lead agency takes the plan on as its lead.</summary>
    public void AssignLeadCaseManager(long expectedVersion, string caseManager, DateTimeOffset now)
    {
        Begin(expectedVersion);
        var previous = LeadCaseManager;
        LeadCaseManager = caseManager.Trim();
        var lead = _team.FirstOrDefault(m => m.AgencyId == LeadAgencyId && m.Worker == previous);
        if (lead is not null)
        {
            Replace(_team, lead, lead with { Worker = LeadCaseManager });
        }

        Changed(now);
    }

    /// <summary>How long the plan has spent in each stage, up to <paramref name="now"/> for the current one.</summary>
    public IReadOnlyList<(PathwayStage Stage, DateTimeOffset EnteredAt, TimeSpan Spent)> TimeInStages(DateTimeOffset now) =>
        _stages.Select((s, i) => (s.Stage, s.EnteredAt, (i + 1 < _stages.Count ? _stages[i + 1].EnteredAt : ClosedAt ?? now) - s.EnteredAt)).ToList();

    private void ProposeGoals(IReadOnlyList<NeedDomain> domains)
    {
        foreach (var domain in domains.Distinct())
        {
            _goals.Add(new Goal(Guid.NewGuid(), domain, $"Meet the {Describe(domain)} need found by the assessment", string.Empty, null, GoalLifecycle.Proposed, null));
        }
    }

    private void Join(Guid agencyId, string worker, DateTimeOffset now)
    {
        var member = _team.FirstOrDefault(m => m.AgencyId == agencyId);
        var joined = new TeamMember(agencyId, worker, member?.Role ?? "Service contribution", TeamMemberStatus.Active, member?.Status == TeamMemberStatus.Active ? member.Start : now, null);
        if (member is null)
        {
            _team.Add(joined);
        }
        else
        {
            Replace(_team, member, joined);
        }
    }

    private void LeaveIfDone(Guid agencyId, DateTimeOffset now)
    {
        if (agencyId == LeadAgencyId || _actions.Any(a => a.AgencyId == agencyId && a.IsOpen))
        {
            return;
        }

        var member = _team.FirstOrDefault(m => m.AgencyId == agencyId);
        if (member is not null && member.Status != TeamMemberStatus.Inactive)
        {
            Replace(_team, member, member with { Status = TeamMemberStatus.Inactive, End = member.Start is null ? null : now });
        }
    }

    private void Begin(long expectedVersion)
    {
        EnsureVersion(expectedVersion);
        CheckRule(new PlanMustBeOpenRule(this));
    }

    private void Changed(DateTimeOffset now)
    {
        UpdatedAt = now;
        NextActionDue = _actions.Where(a => a.IsOpen && !a.OverdueNoted).Select(a => (DateOnly?)a.DueDate).Min();
        Touch();
    }

    private Goal FindGoal(Guid goalId) =>
        _goals.FirstOrDefault(g => g.GoalId == goalId) ?? throw new BusinessRuleViolationException(new ItemMustBelongToThePlanRule("goal", goalId));

    private PlanAction FindAction(Guid actionId) =>
        _actions.FirstOrDefault(a => a.ActionId == actionId) ?? throw new BusinessRuleViolationException(new ItemMustBelongToThePlanRule("action", actionId));

    private Variance FindVariance(Guid varianceId) =>
        _variances.FirstOrDefault(v => v.VarianceId == varianceId) ?? throw new BusinessRuleViolationException(new ItemMustBelongToThePlanRule("variance", varianceId));

    private static void Replace<T>(List<T> list, T old, T replacement)
        where T : class => list[list.IndexOf(old)] = replacement;

    private static string Describe(NeedDomain domain) => domain switch
    {
        NeedDomain.DrugUse => "drug use",
        NeedDomain.AlcoholUse => "alcohol use",
        NeedDomain.PhysicalHealth => "physical health",
        NeedDomain.MentalHealth => "mental health",
        NeedDomain.HousingAndAccommodation => "housing and accommodation",
        NeedDomain.EducationAndLiteracy => "education and literacy",
        NeedDomain.EmploymentAndTraining => "employment and training",
        NeedDomain.FinanceAndBenefits => "finance and benefits",
        NeedDomain.FamilyAndChildren => "family and children",
        NeedDomain.CriminalJustice => "criminal justice",
        NeedDomain.RelationshipsAndSocialSupport => "relationships and social support",
        _ => domain.ToString(),
    };
}

internal sealed record ActionAssigned(CarePlanId CarePlanId, Guid ActionId, Guid AgencyId, Guid LeadAgencyId, DateOnly DueDate, DateTimeOffset OccurredAt) : IDomainEvent;

internal sealed record ActionOverdue(CarePlanId CarePlanId, Guid ActionId, Guid AgencyId, Guid LeadAgencyId, string LeadCaseManager, DateOnly DueDate, DateTimeOffset OccurredAt) : IDomainEvent;

internal sealed record VarianceHandedToGapsAndBlocks(CarePlanId CarePlanId, Guid ServiceUserId, Guid LeadAgencyId, Variance Variance, DateTimeOffset OccurredAt) : IDomainEvent;

internal sealed class PlanMustBeOpenRule(IntegratedCarePlan plan) : IBusinessRule
{
    public bool IsBroken() => !plan.IsOpen;

    public string Message => $"Care plan {plan.Id} is {plan.Status}: a closed plan does not change.";
}

internal sealed class PlanMustBeDraftOrOnHoldRule(IntegratedCarePlan plan) : IBusinessRule
{
    public bool IsBroken() => plan.Status is not (CarePlanStatus.Draft or CarePlanStatus.OnHold);

    public string Message => $"Care plan {plan.Id} is {plan.Status}: only a draft or on-hold plan is activated.";
}

internal sealed class PlanMustBeActiveRule(IntegratedCarePlan plan) : IBusinessRule
{
    public bool IsBroken() => plan.Status != CarePlanStatus.Active;

    public string Message => $"Care plan {plan.Id} is {plan.Status}, not active.";
}

internal sealed class ActivationNeedsAGoalRule(IReadOnlyList<Goal> goals) : IBusinessRule
{
    public bool IsBroken() => !goals.Any(g => g.Lifecycle is not (GoalLifecycle.Cancelled or GoalLifecycle.Rejected or GoalLifecycle.Completed));

    public string Message => "A plan is activated with at least one goal to work towards.";
}

internal sealed class ActivationNeedsThePersonsAgreementRule(Participation participation) : IBusinessRule
{
    public bool IsBroken() => participation.AgreedOn is null;

    public string Message => "A plan is activated only with the person's agreement: record the date they agreed first.";
}

internal sealed class ActionBelongsToTheAgencyRule(PlanAction action, Guid agencyId) : IBusinessRule
{
    public bool IsBroken() => action.AgencyId != agencyId;

    public string Message => $"Action {action.ActionId} is assigned to another agency.";
}

internal sealed class ActionMustAwaitAnAnswerRule(PlanAction action) : IBusinessRule
{
    public bool IsBroken() => action.Status != ActionStatus.NotStarted;

    public string Message => $"Action {action.ActionId} is {action.Status}: it has been answered already.";
}

internal sealed class ProgressNeedsAnAcceptedOpenActionRule(PlanAction action, ActionStatus reported) : IBusinessRule
{
    public bool IsBroken() => !action.IsOpen || action.Status == ActionStatus.NotStarted
        || reported is ActionStatus.NotStarted or ActionStatus.Cancelled or ActionStatus.EnteredInError;

    public string Message => action.Status == ActionStatus.NotStarted
        ? $"Action {action.ActionId} has not been accepted: accept or decline it first."
        : $"Action {action.ActionId} is {action.Status}: progress is reported on an accepted, open action, as in progress, on hold, completed or stopped.";
}

internal sealed class VarianceIsHandedOnOnceWithAReasonRule(Variance variance) : IBusinessRule
{
    public bool IsBroken() => variance.Reason is null || variance.HandedToGapsAndBlocksAt is not null;

    public string Message => variance.Reason is null
        ? $"Variance {variance.VarianceId} has no reason code yet: code it first."
        : $"Variance {variance.VarianceId} was handed to gaps and blocks already.";
}

internal sealed class NextReviewFollowsThisOneRule(DateOnly heldOn, DateOnly next) : IBusinessRule
{
    public bool IsBroken() => next <= heldOn;

    public string Message => "The next review is after this one.";
}

internal sealed class ExitIsRecordedWithAReasonRule(PathwayStage stage) : IBusinessRule
{
    public bool IsBroken() => stage == PathwayStage.AftercareExit;

    public string Message => "Moving to exit closes the plan, so it is done by exiting the plan with a reason.";
}

internal sealed class ItemMustBelongToThePlanRule(string kind, Guid id) : IBusinessRule
{
    public bool IsBroken() => true;

    public string Message => $"The plan has no {kind} {id}.";
}

internal sealed class OneOpenPlanPerPersonRule(CarePlanId? open) : IUniquenessRule
{
    public bool IsBroken() => open is not null;

    public string Message => $"Care plan {open} is open for this person: one plan per person and episode.";
}
