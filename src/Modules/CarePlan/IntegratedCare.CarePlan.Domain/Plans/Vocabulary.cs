using IntegratedCare.BuildingBlocks.Domain;

namespace IntegratedCare.CarePlan.Domain.Plans;

public sealed record CarePlanId(Guid Value) : ITypedId
{
    public static CarePlanId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("D");
}

/// <summary>FHIR CarePlan.status; numbers match the proto enum.</summary>
public enum CarePlanStatus
{
    Draft = 1,
    Active = 2,
    OnHold = 3,
    Revoked = 4,
    Completed = 5,
    EnteredInError = 6,
}

/// <summary>FHIR CarePlan.activity status.</summary>
public enum ActionStatus
{
    NotStarted = 1,
    Scheduled = 2,
    InProgress = 3,
    OnHold = 4,
    Completed = 5,
    Cancelled = 6,
    Stopped = 7,
    EnteredInError = 8,
}

/// <summary>FHIR Goal.lifecycleStatus.</summary>
public enum GoalLifecycle
{
    Proposed = 1,
    Planned = 2,
    Accepted = 3,
    Active = 4,
    OnHold = 5,
    Completed = 6,
    Cancelled = 7,
    Rejected = 8,
}

/// <summary>FHIR Goal.achievementStatus.</summary>
public enum GoalAchievement
{
    InProgress = 1,
    Improving = 2,
    Worsening = 3,
    NoChange = 4,
    Achieved = 5,
    Sustaining = 6,
    NotAchieved = 7,
    NoProgress = 8,
    NotAttainable = 9,
}

/// <summary>FHIR CareTeam.participant status.</summary>
public enum TeamMemberStatus
{
    Proposed = 1,
    Active = 2,
    Suspended = 3,
    Inactive = 4,
}

/// <summary>The care pathway (EIU, Integrated Care Pathways for Drug Users), with the person at the centre.</summary>
public enum PathwayStage
{
    Referral = 1,
    Assessment = 2,
    CarePlanning = 3,
    Intervention = 4,
    Review = 5,
    AftercareExit = 6,
}

/// <summary>The eleven SSA need domains, as the Assessment module names them.</summary>
public enum NeedDomain
{
    DrugUse = 1,
    AlcoholUse = 2,
    PhysicalHealth = 3,
    MentalHealth = 4,
    HousingAndAccommodation = 5,
    EducationAndLiteracy = 6,
    EmploymentAndTraining = 7,
    FinanceAndBenefits = 8,
    FamilyAndChildren = 9,
    CriminalJustice = 10,
    RelationshipsAndSocialSupport = 11,
}

/// <summary>Why the plan left its path: the integrated care pathway's variance codes.</summary>
public enum VarianceReason
{
    ServiceUnavailable = 1,
    WaitingList = 2,
    PersonsChoice = 3,
    InterAgencyIssue = 4,
    ResourceGap = 5,
}

public enum VarianceKind
{
    /// <summary>The assigned agency declined the action.</summary>
    Declined = 1,

    /// <summary>The action passed its due date unfinished.</summary>
    Overdue = 2,

    /// <summary>A referral for the person went unanswered past its protocol's response time.</summary>
    ReferralOverdue = 3,
}

public sealed record Goal(
    Guid GoalId,
    NeedDomain Domain,
    string Description,
    string Measure,
    DateOnly? TargetDate,
    GoalLifecycle Lifecycle,
    GoalAchievement? Achievement);

public sealed record ProgressNote(DateTimeOffset At, string By, ActionStatus Status, string Note);

/// <summary>A service contribution: what an agency does, at which tier, by when.</summary>
public sealed record PlanAction(
    Guid ActionId,
    Guid? GoalId,
    Guid AgencyId,
    int Tier,
    string What,
    DateOnly DueDate,
    ActionStatus Status,
    string AssignedWorker,
    VarianceReason? DeclineReason,
    IReadOnlyList<ProgressNote> Progress,
    bool OverdueNoted)
{
    public bool IsOpen => Status is ActionStatus.NotStarted or ActionStatus.Scheduled or ActionStatus.InProgress or ActionStatus.OnHold;

    public bool IsAccepted => Status is ActionStatus.Scheduled or ActionStatus.InProgress or ActionStatus.OnHold or ActionStatus.Completed;
}

public sealed record TeamMember(Guid AgencyId, string Worker, string Role, TeamMemberStatus Status, DateTimeOffset? Start, DateTimeOffset? End);

/// <summary>Where the plan left its path: an action declined or overdue, or a referral unanswered (<see cref="ReferralId"/>).</summary>
public sealed record Variance(
    Guid VarianceId,
    Guid? ActionId,
    Guid? ReferralId,
    Guid AgencyId,
    VarianceKind Kind,
    VarianceReason? Reason,
    string Note,
    DateTimeOffset RecordedAt,
    DateTimeOffset? HandedToGapsAndBlocksAt);

public sealed record GoalProgress(Guid GoalId, GoalAchievement Achievement, string Note);

public sealed record OutcomeScore(NeedDomain Domain, int Score);

public sealed record Review(
    Guid ReviewId,
    DateOnly HeldOn,
    string RecordedBy,
    IReadOnlyList<GoalProgress> GoalProgress,
    IReadOnlyList<OutcomeScore> OutcomeScores,
    string Decisions,
    DateOnly NextReviewOn);

internal sealed record StageEntry(PathwayStage Stage, DateTimeOffset EnteredAt);

/// <summary>The person's part in their plan: they took part, agreed on a date, received a copy, and their own words.</summary>
public sealed record Participation(bool TookPart, DateOnly? AgreedOn, DateOnly? CopyReceivedOn, string OwnWords);
