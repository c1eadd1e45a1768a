using IntegratedCare.CarePlan.Domain.Plans;
using IntegratedCare.Protocols.Contracts;

namespace IntegratedCare.CarePlan.Application.Plans;

internal static class Categories
{
    public static string Of(NeedDomain domain) => DataCategories.ForNeedDomain(domain.ToString());
}
