using IntegratedCare.BuildingBlocks.Application.Calendar;
using IntegratedCare.BuildingBlocks.Domain.Calendar;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.ListOverdueReviews;

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

internal sealed class ListOverdueReviewsHandler(ICarePlanRepository plans, RequestCallerAgency caller, ICurrentActor currentActor, IWorkingCalendars calendars, TimeProvider clock)
    : IRequestHandler<ListOverdueReviewsQuery, Page<OverdueReviewDto>>
{
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
