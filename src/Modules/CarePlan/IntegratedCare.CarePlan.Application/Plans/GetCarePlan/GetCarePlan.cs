using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.GetCarePlan;

/// <summary>A plan as it stands, or as it stood at <c>as_of</c> (from its kept versions).</summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Read, "care-plan")]
public sealed record GetCarePlanQuery(string CarePlanId, DateTimeOffset? AsOf) : IQuery<CarePlanDto>;

internal sealed class GetCarePlanValidator : AbstractValidator<GetCarePlanQuery>
{
    public GetCarePlanValidator() => RuleFor(x => x.CarePlanId).MustBeId();
}

internal sealed class GetCarePlanHandler(ICarePlanRepository plans, ICarePlanHistory history, RequestCallerAgency caller, PlanAccess access, IAuditScope audit)
    : IRequestHandler<GetCarePlanQuery, CarePlanDto>
{
    public async Task<CarePlanDto> Handle(GetCarePlanQuery request, CancellationToken cancellationToken)
    {
        var agency = await caller.RequireActiveAsync(cancellationToken);
        var id = new CarePlanId(Guid.Parse(request.CarePlanId));
        audit.Resource(id.ToString());
        if (request.AsOf is { } asOf)
        {
            var version = await history.AsOfAsync(id, asOf, cancellationToken) ?? throw new NotFoundException("Care plan", id.ToString());
            return await access.ViewAsync(version.Plan, agency, cancellationToken);
        }

        var plan = await plans.FindAsync(id, cancellationToken) ?? throw new NotFoundException("Care plan", id.ToString());
        return await access.ViewAsync(access.Current(plan), agency, cancellationToken);
    }
}
