using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.CarePlan.Domain.Plans;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans;

internal static class Categories
{
    public static string Of(NeedDomain domain) => DataCategories.ForNeedDomain(domain.ToString());
}
