using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.ListCarePlanVersions;

/// <summary>Who changed a plan, when and why, oldest first.</summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Read, "care-plan")]
public sealed record ListCarePlanVersionsQuery(string CarePlanId, int PageSize = 0, string PageToken = "") : IQuery<Page<CarePlanVersionDto>>;

internal sealed class ListCarePlanVersionsValidator : AbstractValidator<ListCarePlanVersionsQuery>
{
    public ListCarePlanVersionsValidator()
    {
        RuleFor(x => x.CarePlanId).MustBeId();
        RuleFor(x => x.PageSize).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
    }
}

internal sealed class ListCarePlanVersionsHandler(ICarePlanRepository plans, ICarePlanHistory history, RequestCallerAgency caller, PlanAccess access, IAuditScope audit)
    : IRequestHandler<ListCarePlanVersionsQuery, Page<CarePlanVersionDto>>
{
    public async Task<Page<CarePlanVersionDto>> Handle(ListCarePlanVersionsQuery request, CancellationToken cancellationToken)
    {
        var agency = await caller.RequireActiveAsync(cancellationToken);
        var id = new CarePlanId(Guid.Parse(request.CarePlanId));
        audit.Resource(id.ToString());
        var plan = await plans.FindAsync(id, cancellationToken) ?? throw new NotFoundException("Care plan", id.ToString());
        await access.ViewAsync(access.Current(plan), agency, cancellationToken);
        var offset = PageToken.Decode(request.PageToken, id.ToString());
        var (versions, total) = await history.VersionsAsync(id, offset, PageToken.PageSize(request.PageSize), cancellationToken);
        return Page<CarePlanVersionDto>.At(versions, offset, total, id.ToString());
    }
}
