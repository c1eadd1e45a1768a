using IntegratedCare.BuildingBlocks.Domain;

namespace IntegratedCare.Assessment.Domain.Assessments;

public sealed record AssessmentId(Guid Value) : ITypedId
{
    public static AssessmentId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("D");
}

/// <summary>The eleven need domains of the Single Shared Assessment; numbers match the proto enum.</summary>
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

/// <summary>How much help a domain needs, in increasing order.</summary>
public enum NeedLevel
{
    None = 1,
    Low = 2,
    Moderate = 3,
    High = 4,
}

public enum RiskFlag
{
    Overdose = 1,
    SelfHarm = 2,
    HarmToOthers = 3,
    ChildProtection = 4,
    DomesticAbuse = 5,
}

public enum AssessmentStatus
{
    InProgress = 1,

    /// <summary>Completed by a named assessor: immutable from then on.</summary>
    Completed = 2,

    /// <summary>A completed assessment a reassessment has replaced; its content is unchanged.</summary>
    Superseded = 3,
}

internal static class NeedDomains
{
    public static readonly IReadOnlyList<NeedDomain> All = Enum.GetValues<NeedDomain>();
}
