namespace IntegratedCare.Protocols.Domain.Sharing;

/// <summary>
/// The kinds of a person's data that can be shared. Each has a stable code, which is what other modules
/// and partner systems send (see <c>Contracts.DataCategories</c>).
/// </summary>
public enum DataCategory
{
    Identity = 1,
    ContactDetails = 2,
    AssessmentDrugUse = 3,
    AssessmentAlcoholUse = 4,
    AssessmentPhysicalHealth = 5,
    AssessmentMentalHealth = 6,
    AssessmentHousing = 7,
    AssessmentEducation = 8,
    AssessmentEmployment = 9,
    AssessmentFinance = 10,
    AssessmentFamilyAndChildren = 11,
    AssessmentCriminalJustice = 12,
    AssessmentRelationships = 13,
    CarePlan = 14,
    RiskFlags = 15,
    HealthInformation = 16,
    CriminalJusticeInformation = 17,
}

/// <summary>Why data is disclosed.</summary>
public enum SharingPurpose
{
    DirectCare = 1,
    Safeguarding = 2,
    Planning = 3,
}

/// <summary>What makes a disclosure lawful under a rule.</summary>
public enum SharingBasis
{
    /// <summary>The person's recorded, active consent.</summary>
    Consent = 1,

    /// <summary>A legal duty (e.g. child protection) that overrides consent; always given with a reason and audited.</summary>
    LegalOverride = 2,
}

public static class DataCategoryCodes
{
    private static readonly Dictionary<DataCategory, string> Codes = new()
    {
        [DataCategory.Identity] = "identity",
        [DataCategory.ContactDetails] = "contact-details",
        [DataCategory.AssessmentDrugUse] = "assessment.drug-use",
        [DataCategory.AssessmentAlcoholUse] = "assessment.alcohol-use",
        [DataCategory.AssessmentPhysicalHealth] = "assessment.physical-health",
        [DataCategory.AssessmentMentalHealth] = "assessment.mental-health",
        [DataCategory.AssessmentHousing] = "assessment.housing",
        [DataCategory.AssessmentEducation] = "assessment.education",
        [DataCategory.AssessmentEmployment] = "assessment.employment",
        [DataCategory.AssessmentFinance] = "assessment.finance",
        [DataCategory.AssessmentFamilyAndChildren] = "assessment.family-and-children",
        [DataCategory.AssessmentCriminalJustice] = "assessment.criminal-justice",
        [DataCategory.AssessmentRelationships] = "assessment.relationships",
        [DataCategory.CarePlan] = "care-plan",
        [DataCategory.RiskFlags] = "risk-flags",
        [DataCategory.HealthInformation] = "health-information",
        [DataCategory.CriminalJusticeInformation] = "criminal-justice-information",
    };

    private static readonly Dictionary<string, DataCategory> ByCode = Codes.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> All => Codes.Values;

    public static string Code(this DataCategory category) => Codes[category];

    public static bool TryParse(string? code, out DataCategory category) => ByCode.TryGetValue(code ?? string.Empty, out category);
}
