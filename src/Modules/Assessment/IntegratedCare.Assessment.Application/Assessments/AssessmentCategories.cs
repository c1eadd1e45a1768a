using IntegratedCare.Assessment.Domain.Assessments;
using IntegratedCare.Protocols.Contracts;

namespace IntegratedCare.Assessment.Application.Assessments;

/// <summary>The data category (Protocols' sharing vocabulary) each part of an assessment is disclosed under.</summary>
internal static class AssessmentCategories
{
    public static string Of(NeedDomain domain) => DataCategories.ForNeedDomain(domain.ToString());
}
