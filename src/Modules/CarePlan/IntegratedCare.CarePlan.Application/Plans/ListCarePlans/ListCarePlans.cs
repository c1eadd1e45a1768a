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

namespace IntegratedCare.CarePlan.Application.Plans.ListCarePlans;

/// <summary>
/// The plans the caller's agency takes part in, newest first, a page at a time: one person's if named;
/// only the caller's caseload (the open plans they lead) if asked.
/// </summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Read, "care-plan")]
public sealed record ListCarePlansQuery(string ServiceUserId, bool Caseload = false, int PageSize = 0, string PageToken = "") : IQuery<Page<CarePlanDto>>;

internal sealed class ListCarePlansValidator : AbstractValidator<ListCarePlansQuery>
{
    public ListCarePlansValidator()
    {
        RuleFor(x => x.ServiceUserId).MustBeId().When(x => !string.IsNullOrEmpty(x.ServiceUserId));
        RuleFor(x => x.PageSize).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
    }
}

internal sealed class ListCarePlansHandler(ICarePlanRepository plans, RequestCallerAgency caller, ICurrentActor currentActor, PlanAccess access, RequestSharingDecisions decisions, IAuditScope audit)
    : IRequestHandler<ListCarePlansQuery, Page<CarePlanDto>>
{
    public async Task<Page<CarePlanDto>> Handle(ListCarePlansQuery request, CancellationToken cancellationToken)
    {
        var agency = await caller.RequireActiveAsync(cancellationToken);
        Guid? person = string.IsNullOrEmpty(request.ServiceUserId) ? null : Guid.Parse(request.ServiceUserId);
        var filter = new PlanListFilter(agency.AgencyId, person, request.Caseload ? currentActor.Required.Id : null);
        var fingerprint = $"{agency.AgencyId}|{person}|{filter.LeadCaseManager}";
        var offset = PageToken.Decode(request.PageToken, fingerprint);
        var (page, total) = await plans.PageAsync(filter, offset, PageToken.PageSize(request.PageSize), cancellationToken);
        // The people of the plans the caller does not lead are decided together, once for the page.
        await decisions.PrefetchAsync(page.Where(p => p.LeadAgencyId != agency.AgencyId).Select(p => p.ServiceUserId), agency.AgencyId, cancellationToken);
        var visible = new List<CarePlanDto>();
        foreach (var plan in page)
        {
            try
            {
                var view = await access.ViewAsync(access.Current(plan), agency, cancellationToken);
                audit.Disclosed(view.ServiceUserId, plan.LeadAgencyId == agency.AgencyId ? "own-record" : "sharing-decision");
                visible.Add(view);
            }
            catch (ForbiddenException)
            {
                // A plan the sharing decision withholds is left out of its page.
            }
        }

        return new Page<CarePlanDto>(visible, offset + page.Count < total ? PageToken.Encode(offset + page.Count, fingerprint) : string.Empty, total);
    }
}
