using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans;

/// <summary>
/// The deadline sweep: every open action past its due date, counted in its plan's calendar (the lead
/// agency's area), becomes an overdue variance, once. Returns how many it noted.
/// </summary>
[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Execute, "care-plan")]
public sealed record NoteOverdueActionsCommand : ICommand<int>;

internal sealed class NoteOverdueActionsHandler(
    ICarePlanRepository plans,
    ICarePlanHistory history,
    IUnitOfWork unitOfWork,
    CarePlanFeedSignal signal,
    TimeProvider clock) : IRequestHandler<NoteOverdueActionsCommand, int>
{
    private const int Batch = 200;

    public async Task<int> Handle(NoteOverdueActionsCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // Every calendar's today is within a day of UTC's: the query finds a superset, each plan decides in its own.
        var latestToday = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);
        var noted = 0;
        foreach (var plan in await plans.WithActionsDueBeforeAsync(latestToday, Batch, cancellationToken))
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(plan.TimeZone)).DateTime);
            var count = plan.NoteOverdueActions(today, now);
            if (count > 0)
            {
                history.Record(plan, "system:careplan-deadlines", $"{count} action(s) past their due date became variances", now);
                noted += count;
            }
        }

        if (noted > 0)
        {
            unitOfWork.AfterCommit(signal.Pulse);
        }

        return noted;
    }
}
