namespace IntegratedCare.CarePlan.Infrastructure.Persistence.History;

// Schema 1 of a kept plan version (careplan_versions.Snapshot where SchemaVersion = 1), as JSON.
// These records are the stored format and nothing else: they are not the domain's records, nor the DTO
// mapped to the wire, so either can be renamed or reshaped without touching a version already kept.
// Never rename, retype or remove a member here; a change of shape is schema 2, with its own records
// and a reader for schema 1 kept. Enums are stored by member name (see StoredPlanMapping).
// Property names match the JSON the DTO produced before the schema was written down (ADR 0007), so
// every version kept before it is schema 1 as it stands.

internal sealed record StoredPlanV1(
    string CarePlanId,
    string ServiceUserId,
    int Episode,
    string SourceAssessmentId,
    int RecommendedTier,
    string LeadAgencyId,
    string LeadCaseManager,
    string Status,
    StoredParticipationV1 Participation,
    IReadOnlyList<StoredGoalV1> Goals,
    IReadOnlyList<StoredActionV1> Actions,
    IReadOnlyList<StoredTeamMemberV1> Team,
    IReadOnlyList<StoredVarianceV1> Variances,
    IReadOnlyList<StoredReviewV1> Reviews,
    string Stage,
    IReadOnlyList<StoredStageTimeV1> Pathway,
    int ReviewIntervalWeeks,
    DateOnly? NextReviewDue,
    string ExitReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<Guid> TeamAgencyIds,
    long Version,
    IReadOnlyList<StoredTopProfileV1>? OutcomeProfiles = null);

// Added to schema 1 as an optional member: absent (null) in every version kept before Treatment Outcomes
// Profiles were recorded, and read as none. Nothing else about the schema changed.
internal sealed record StoredTopProfileV1(
    Guid ProfileId,
    string Occasion,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    StoredTopSubstanceUseV1 SubstanceUse,
    StoredTopCrimeV1 Crime,
    StoredTopHealthV1 Health,
    StoredTopHousingV1 Housing,
    StoredTopWorkV1 Work);

internal sealed record StoredTopSubstanceUseV1(int Alcohol, int Opiates, int Crack, int Cocaine, int Amphetamines, int Cannabis, int Other, int InjectingDays, bool SharedInjectingEquipment);

internal sealed record StoredTopCrimeV1(int ShopliftingDays, int SellingDrugsDays, bool Theft, bool AssaultOrViolence);

internal sealed record StoredTopHealthV1(int PsychologicalHealth, int PhysicalHealth, int QualityOfLife);

internal sealed record StoredTopHousingV1(bool AcuteHousingProblem, bool AtRiskOfEviction);

internal sealed record StoredTopWorkV1(int PaidWorkDays, int EducationDays);

internal sealed record StoredParticipationV1(bool TookPart, DateOnly? AgreedOn, DateOnly? CopyReceivedOn, string OwnWords);

internal sealed record StoredGoalV1(Guid GoalId, string Domain, string Description, string Measure, DateOnly? TargetDate, string Lifecycle, string? Achievement);

internal sealed record StoredProgressNoteV1(DateTimeOffset At, string By, string Status, string Note);

internal sealed record StoredActionV1(
    Guid ActionId,
    Guid? GoalId,
    Guid AgencyId,
    int Tier,
    string What,
    DateOnly DueDate,
    string Status,
    string AssignedWorker,
    string? DeclineReason,
    IReadOnlyList<StoredProgressNoteV1> Progress,
    bool OverdueNoted);

internal sealed record StoredTeamMemberV1(Guid AgencyId, string Worker, string Role, string Status, DateTimeOffset? Start, DateTimeOffset? End);

internal sealed record StoredVarianceV1(
    Guid VarianceId,
    Guid? ActionId,
    Guid? ReferralId,
    Guid AgencyId,
    string Kind,
    string? Reason,
    string Note,
    DateTimeOffset RecordedAt,
    DateTimeOffset? HandedToGapsAndBlocksAt);

internal sealed record StoredGoalProgressV1(Guid GoalId, string Achievement, string Note);

internal sealed record StoredOutcomeScoreV1(string Domain, int Score);

internal sealed record StoredReviewV1(
    Guid ReviewId,
    DateOnly HeldOn,
    string RecordedBy,
    IReadOnlyList<StoredGoalProgressV1> GoalProgress,
    IReadOnlyList<StoredOutcomeScoreV1> OutcomeScores,
    string Decisions,
    DateOnly NextReviewOn);

internal sealed record StoredStageTimeV1(string Stage, DateTimeOffset EnteredAt, double DaysSpent);
