using IntegratedCare.BuildingBlocks.Domain;

namespace IntegratedCare.CarePlan.Domain.Plans;

/// <summary>When a Treatment Outcomes Profile is taken: at the start of treatment, at each review, at exit.</summary>
public enum TopOccasion
{
    Start = 1,
    Review = 2,
    Exit = 3,
}

/// <summary>The TOP's parts, each shown to a partner agency only under its data category.</summary>
public enum TopSection
{
    /// <summary>Days of use per substance, and injecting: health information.</summary>
    SubstanceUse = 1,

    /// <summary>Shoplifting, selling drugs, theft, assault or violence: criminal justice information.</summary>
    Crime = 2,

    /// <summary>The person's own ratings of their psychological and physical health and quality of life: health information.</summary>
    HealthAndWellbeing = 3,

    /// <summary>An acute housing problem, a risk of eviction: the housing assessment domain.</summary>
    Housing = 4,

    /// <summary>Days in paid work and in education: the employment assessment domain.</summary>
    WorkAndEducation = 5,
}

/// <summary>Days of use in the 28 days, per substance (0–28 each).</summary>
public sealed record TopSubstanceUse(int Alcohol, int Opiates, int Crack, int Cocaine, int Amphetamines, int Cannabis, int Other, int InjectingDays, bool SharedInjectingEquipment);

/// <summary>Days of shoplifting and of selling drugs (0–28), and whether theft or assault/violence happened, in the 28 days.</summary>
public sealed record TopCrime(int ShopliftingDays, int SellingDrugsDays, bool Theft, bool AssaultOrViolence);

/// <summary>The person's own ratings, 0 (poor) to 20 (good).</summary>
public sealed record TopHealth(int PsychologicalHealth, int PhysicalHealth, int QualityOfLife);

public sealed record TopHousing(bool AcuteHousingProblem, bool AtRiskOfEviction);

/// <summary>Days in paid work and days at college or school in the 28 days (0–20 each: working days).</summary>
public sealed record TopWork(int PaidWorkDays, int EducationDays);

/// <summary>
/// One Treatment Outcomes Profile: the person's answers for the 28 days ending <see cref="PeriodEnd"/>, taken by
/// a worker of the lead agency at the start of treatment, at a review or at exit. A part the caller may not
/// see is null in the view it is given (never in the plan).
/// </summary>
public sealed record TreatmentOutcomesProfile(
    Guid ProfileId,
    TopOccasion Occasion,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    TopSubstanceUse? SubstanceUse,
    TopCrime? Crime,
    TopHealth? Health,
    TopHousing? Housing,
    TopWork? Work)
{
    /// <summary>The TOP asks about the four weeks before it is taken.</summary>
    public const int PeriodDays = 28;

    public const int MostDays = 28;

    public const int MostWorkingDays = 20;

    public const int HighestRating = 20;
}

/// <summary>The first profile is the start's, taken once; a review's and the exit's follow it; nothing follows the exit's.</summary>
internal sealed class TopOccasionsFollowInOrderRule(IReadOnlyList<TreatmentOutcomesProfile> taken, TopOccasion occasion) : IBusinessRule
{
    public bool IsBroken() => occasion == TopOccasion.Start
        ? taken.Count > 0
        : taken.Count == 0 || taken[^1].Occasion == TopOccasion.Exit;

    public string Message => occasion == TopOccasion.Start
        ? "The plan has its start profile already: later ones are taken at a review or at exit."
        : taken.Count == 0
            ? "The start profile comes first: take it before a review's or the exit's."
            : "The exit profile was taken: the plan has no profile after it.";
}

/// <summary>
/// Each profile covers four weeks after the last one's (no day is asked about twice), none ends in the future,
/// and none starts before the calendar's first years (a period end the caller could not mean).
/// </summary>
internal sealed class TopPeriodsFollowEachOtherRule(IReadOnlyList<TreatmentOutcomesProfile> taken, DateOnly periodEnd, DateOnly today) : IBusinessRule
{
    public bool IsBroken() => periodEnd > today || periodEnd.Year < 2000
        || (taken.Count > 0 && periodEnd < taken[^1].PeriodEnd.AddDays(TreatmentOutcomesProfile.PeriodDays));

    public string Message => periodEnd > today
        ? "The period ends in the future: a profile asks about the four weeks already past."
        : periodEnd.Year < 2000
            ? "The period ends before 2000."
            : $"The last profile asked about the 28 days to {taken[^1].PeriodEnd:yyyy-MM-dd}: this one's period ends on {taken[^1].PeriodEnd.AddDays(TreatmentOutcomesProfile.PeriodDays):yyyy-MM-dd} or later.";
}

/// <summary>Every answer within the TOP's ranges (the command validates first; this guards the plan itself).</summary>
internal sealed class TopAnswersInRangeRule(TopSubstanceUse use, TopCrime crime, TopHealth health, TopWork work) : IBusinessRule
{
    public bool IsBroken() =>
        new[] { use.Alcohol, use.Opiates, use.Crack, use.Cocaine, use.Amphetamines, use.Cannabis, use.Other, use.InjectingDays, crime.ShopliftingDays, crime.SellingDrugsDays }
            .Any(d => d is < 0 or > TreatmentOutcomesProfile.MostDays)
        || new[] { health.PsychologicalHealth, health.PhysicalHealth, health.QualityOfLife }.Any(r => r is < 0 or > TreatmentOutcomesProfile.HighestRating)
        || new[] { work.PaidWorkDays, work.EducationDays }.Any(d => d is < 0 or > TreatmentOutcomesProfile.MostWorkingDays)
        || (use.InjectingDays == 0 && use.SharedInjectingEquipment);

    public string Message => "Days are 0 to 28 (work and education 0 to 20), ratings 0 to 20, and sharing injecting equipment needs days of injecting.";
}
