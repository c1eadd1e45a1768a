using IntegratedCare.CarePlan.Domain.Plans;
using IntegratedCare.Protocols.Contracts;

namespace IntegratedCare.CarePlan.Application.Plans;

internal static class Categories
{
    public static string Of(NeedDomain domain) => DataCategories.ForNeedDomain(domain.ToString());

    /// <summary>
    /// Which category shows a part of the Treatment Outcomes Profile to a partner: substance use, injecting and the
    /// health ratings are health information, offending is criminal justice information, housing and work are
    /// their assessment domains'.
    /// </summary>
    public static string Of(TopSection section) => section switch
    {
        TopSection.SubstanceUse or TopSection.HealthAndWellbeing => DataCategories.HealthInformation,
        TopSection.Crime => DataCategories.CriminalJusticeInformation,
        TopSection.Housing => DataCategories.AssessmentHousing,
        TopSection.WorkAndEducation => DataCategories.AssessmentEmployment,
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "a TOP section without a category"),
    };
}
