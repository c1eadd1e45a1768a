using System.Text.Json;
using IntegratedCare.CarePlan.Application.Plans;
using IntegratedCare.CarePlan.Domain.Plans;

namespace IntegratedCare.CarePlan.Infrastructure.Persistence.History;

/// <summary>
/// Writes a plan version in the current schema and reads every schema ever written, member by member:
/// the stored format changes only here, on purpose, never because a domain record or the DTO did.
/// </summary>
internal static class StoredPlanMapping
{
    public const int CurrentSchema = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public static string Write(CarePlanDto plan) => JsonSerializer.Serialize(ToStored(plan), Json);

    public static CarePlanDto Read(int schema, string snapshot) => schema switch
    {
        1 => FromStored(JsonSerializer.Deserialize<StoredPlanV1>(snapshot, Json)
            ?? throw new InvalidDataException("A kept plan version is empty.")),
        _ => throw new InvalidDataException($"A kept plan version has schema {schema}, which this build does not know."),
    };

    private static StoredPlanV1 ToStored(CarePlanDto p) => new(
        p.CarePlanId,
        p.ServiceUserId,
        p.Episode,
        p.SourceAssessmentId,
        p.RecommendedTier,
        p.LeadAgencyId,
        p.LeadCaseManager,
        p.Status.ToString(),
        new(p.Participation.TookPart, p.Participation.AgreedOn, p.Participation.CopyReceivedOn, p.Participation.OwnWords),
        p.Goals.Select(g => new StoredGoalV1(g.GoalId, g.Domain.ToString(), g.Description, g.Measure, g.TargetDate, g.Lifecycle.ToString(), g.Achievement?.ToString())).ToList(),
        p.Actions.Select(a => new StoredActionV1(
            a.ActionId, a.GoalId, a.AgencyId, a.Tier, a.What, a.DueDate, a.Status.ToString(), a.AssignedWorker, a.DeclineReason?.ToString(),
            a.Progress.Select(n => new StoredProgressNoteV1(n.At, n.By, n.Status.ToString(), n.Note)).ToList(), a.OverdueNoted)).ToList(),
        p.Team.Select(t => new StoredTeamMemberV1(t.AgencyId, t.Worker, t.Role, t.Status.ToString(), t.Start, t.End)).ToList(),
        p.Variances.Select(v => new StoredVarianceV1(
            v.VarianceId, v.ActionId, v.ReferralId, v.AgencyId, v.Kind.ToString(), v.Reason?.ToString(), v.Note, v.RecordedAt, v.HandedToGapsAndBlocksAt)).ToList(),
        p.Reviews.Select(r => new StoredReviewV1(
            r.ReviewId, r.HeldOn, r.RecordedBy,
            r.GoalProgress.Select(g => new StoredGoalProgressV1(g.GoalId, g.Achievement.ToString(), g.Note)).ToList(),
            r.OutcomeScores.Select(s => new StoredOutcomeScoreV1(s.Domain.ToString(), s.Score)).ToList(),
            r.Decisions, r.NextReviewOn)).ToList(),
        p.Stage.ToString(),
        p.Pathway.Select(s => new StoredStageTimeV1(s.Stage.ToString(), s.EnteredAt, s.DaysSpent)).ToList(),
        p.ReviewIntervalWeeks,
        p.NextReviewDue,
        p.ExitReason,
        p.CreatedAt,
        p.UpdatedAt,
        p.ClosedAt,
        p.TeamAgencyIds,
        p.Version,
        [.. p.OutcomeProfiles.Select(t => new StoredTopProfileV1(
            t.ProfileId, t.Occasion.ToString(), t.PeriodStart, t.PeriodEnd, t.RecordedBy, t.RecordedAt,
            new(t.SubstanceUse!.Alcohol, t.SubstanceUse.Opiates, t.SubstanceUse.Crack, t.SubstanceUse.Cocaine, t.SubstanceUse.Amphetamines, t.SubstanceUse.Cannabis, t.SubstanceUse.Other,
                t.SubstanceUse.InjectingDays, t.SubstanceUse.SharedInjectingEquipment),
            new(t.Crime!.ShopliftingDays, t.Crime.SellingDrugsDays, t.Crime.Theft, t.Crime.AssaultOrViolence),
            new(t.Health!.PsychologicalHealth, t.Health.PhysicalHealth, t.Health.QualityOfLife),
            new(t.Housing!.AcuteHousingProblem, t.Housing.AtRiskOfEviction),
            new(t.Work!.PaidWorkDays, t.Work.EducationDays)))]);

    private static CarePlanDto FromStored(StoredPlanV1 p) => new(
        p.CarePlanId,
        p.ServiceUserId,
        p.Episode,
        p.SourceAssessmentId,
        p.RecommendedTier,
        p.LeadAgencyId,
        p.LeadCaseManager,
        Parse<CarePlanStatus>(p.Status),
        new(p.Participation.TookPart, p.Participation.AgreedOn, p.Participation.CopyReceivedOn, p.Participation.OwnWords),
        p.Goals.Select(g => new Goal(g.GoalId, Parse<NeedDomain>(g.Domain), g.Description, g.Measure, g.TargetDate, Parse<GoalLifecycle>(g.Lifecycle), ParseOrNull<GoalAchievement>(g.Achievement))).ToList(),
        p.Actions.Select(a => new PlanAction(
            a.ActionId, a.GoalId, a.AgencyId, a.Tier, a.What, a.DueDate, Parse<ActionStatus>(a.Status), a.AssignedWorker, ParseOrNull<VarianceReason>(a.DeclineReason),
            a.Progress.Select(n => new ProgressNote(n.At, n.By, Parse<ActionStatus>(n.Status), n.Note)).ToList(), a.OverdueNoted)).ToList(),
        p.Team.Select(t => new TeamMember(t.AgencyId, t.Worker, t.Role, Parse<TeamMemberStatus>(t.Status), t.Start, t.End)).ToList(),
        p.Variances.Select(v => new Variance(
            v.VarianceId, v.ActionId, v.ReferralId, v.AgencyId, Parse<VarianceKind>(v.Kind), ParseOrNull<VarianceReason>(v.Reason), v.Note, v.RecordedAt, v.HandedToGapsAndBlocksAt)).ToList(),
        p.Reviews.Select(r => new Review(
            r.ReviewId, r.HeldOn, r.RecordedBy,
            r.GoalProgress.Select(g => new GoalProgress(g.GoalId, Parse<GoalAchievement>(g.Achievement), g.Note)).ToList(),
            r.OutcomeScores.Select(s => new OutcomeScore(Parse<NeedDomain>(s.Domain), s.Score)).ToList(),
            r.Decisions, r.NextReviewOn)).ToList(),
        Parse<PathwayStage>(p.Stage),
        p.Pathway.Select(s => new StageTimeDto(Parse<PathwayStage>(s.Stage), s.EnteredAt, s.DaysSpent)).ToList(),
        p.ReviewIntervalWeeks,
        p.NextReviewDue,
        p.ExitReason,
        p.CreatedAt,
        p.UpdatedAt,
        p.ClosedAt,
        p.TeamAgencyIds,
        [],
        p.Version)
    {
        OutcomeProfiles = [.. (p.OutcomeProfiles ?? []).Select(t => new TreatmentOutcomesProfile(
            t.ProfileId, Parse<TopOccasion>(t.Occasion), t.PeriodStart, t.PeriodEnd, t.RecordedBy, t.RecordedAt,
            new(t.SubstanceUse.Alcohol, t.SubstanceUse.Opiates, t.SubstanceUse.Crack, t.SubstanceUse.Cocaine, t.SubstanceUse.Amphetamines, t.SubstanceUse.Cannabis, t.SubstanceUse.Other,
                t.SubstanceUse.InjectingDays, t.SubstanceUse.SharedInjectingEquipment),
            new(t.Crime.ShopliftingDays, t.Crime.SellingDrugsDays, t.Crime.Theft, t.Crime.AssaultOrViolence),
            new(t.Health.PsychologicalHealth, t.Health.PhysicalHealth, t.Health.QualityOfLife),
            new(t.Housing.AcuteHousingProblem, t.Housing.AtRiskOfEviction),
            new(t.Work.PaidWorkDays, t.Work.EducationDays)))],
    };

    /// <summary>
    /// A stored member name, read into today's enum. When a member is renamed, the old name maps here to
    /// its new one (a kept version never changes).
    /// </summary>
    private static T Parse<T>(string name)
        where T : struct, Enum =>
        Enum.TryParse<T>(name, ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : throw new InvalidDataException($"A kept plan version names {typeof(T).Name} '{name}', which this build does not know.");

    private static T? ParseOrNull<T>(string? name)
        where T : struct, Enum => name is null ? null : Parse<T>(name);
}
