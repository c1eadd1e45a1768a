using IntegratedCare.BuildingBlocks.Application.Calendar;
using IntegratedCare.BuildingBlocks.Domain.Calendar;
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

namespace IntegratedCare.CarePlan.Application.Plans;

/// <summary>A plan as it stands, or as it stood at <c>as_of</c> (from its kept versions).</summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Read, "care-plan")]
public sealed record GetCarePlanQuery(string CarePlanId, DateTimeOffset? AsOf) : IQuery<CarePlanDto>;

/// <summary>
/// The plans the caller's agency takes part in, newest first, a page at a time: one person's if named;
/// only the caller's caseload (the open plans they lead) if asked.
/// </summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Read, "care-plan")]
public sealed record ListCarePlansQuery(string ServiceUserId, bool Caseload = false, int PageSize = 0, string PageToken = "") : IQuery<Page<CarePlanDto>>;

public sealed record CarePlanVersionDto(long Position, long Version, DateTimeOffset At, string By, string Why);

/// <summary>Who changed a plan, when and why, oldest first.</summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Read, "care-plan")]
public sealed record ListCarePlanVersionsQuery(string CarePlanId, int PageSize = 0, string PageToken = "") : IQuery<Page<CarePlanVersionDto>>;

public sealed record OverdueReviewDto(string CarePlanId, string ServiceUserId, string LeadCaseManager, DateOnly NextReviewDue, int DaysOverdue);

/// <summary>
/// Plans of the caller's agency whose review is overdue: a case manager sees the plans they lead, a line
/// manager every plan of the agency.
/// </summary>
[Authorize(Roles.CaseManager, Roles.LineManager)]
[Audit(AuditAction.Read, "care-plan")]
public sealed record ListOverdueReviewsQuery(int PageSize = 0, string PageToken = "") : IQuery<Page<OverdueReviewDto>>;

internal sealed class ListOverdueReviewsValidator : AbstractValidator<ListOverdueReviewsQuery>
{
    public ListOverdueReviewsValidator() => RuleFor(x => x.PageSize).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
}

internal sealed class GetCarePlanValidator : AbstractValidator<GetCarePlanQuery>
{
    public GetCarePlanValidator() => RuleFor(x => x.CarePlanId).MustBeId();
}

internal sealed class ListCarePlansValidator : AbstractValidator<ListCarePlansQuery>
{
    public ListCarePlansValidator()
    {
        RuleFor(x => x.ServiceUserId).MustBeId().When(x => !string.IsNullOrEmpty(x.ServiceUserId));
        RuleFor(x => x.PageSize).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
    }
}

internal sealed class ListCarePlanVersionsValidator : AbstractValidator<ListCarePlanVersionsQuery>
{
    public ListCarePlanVersionsValidator()
    {
        RuleFor(x => x.CarePlanId).MustBeId();
        RuleFor(x => x.PageSize).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
    }
}

internal sealed class ReadPlanHandlers(
    ICarePlanRepository plans,
    ICarePlanHistory history,
    RequestCallerAgency caller, ICurrentActor currentActor,
    PlanAccess access,
    RequestSharingDecisions decisions,
    IAuditScope audit,
    IWorkingCalendars calendars,
    TimeProvider clock) :
    IRequestHandler<GetCarePlanQuery, CarePlanDto>,
    IRequestHandler<ListCarePlansQuery, Page<CarePlanDto>>,
    IRequestHandler<ListCarePlanVersionsQuery, Page<CarePlanVersionDto>>,
    IRequestHandler<ListOverdueReviewsQuery, Page<OverdueReviewDto>>
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

    public async Task<Page<OverdueReviewDto>> Handle(ListOverdueReviewsQuery request, CancellationToken cancellationToken)
    {
        var agency = await caller.RequireActiveAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = calendars.LatestToday(now);
        var actor = currentActor.Required;
        var caseManager = actor.IsInRole(Roles.LineManager) ? null : actor.Id;
        var fingerprint = $"{agency.AgencyId}|{caseManager}";
        var offset = PageToken.Decode(request.PageToken, fingerprint);
        var (due, total) = await plans.ReviewsDueBeforeAsync(agency.AgencyId, today, caseManager, offset, PageToken.PageSize(request.PageSize), cancellationToken);
        var reviews = due
            .Select(p => new OverdueReviewDto(p.Id.ToString(), p.ServiceUserId.ToString("D"), p.LeadCaseManager, p.NextReviewDue!.Value, WorkingCalendar.DaysBetween(p.NextReviewDue.Value, calendars.For(p.Jurisdiction).Today(now))))
            .ToList();
        return Page<OverdueReviewDto>.At(reviews, offset, total, fingerprint);
    }
}
