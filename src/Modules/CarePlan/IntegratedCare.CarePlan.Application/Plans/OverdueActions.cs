using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans;

/// <summary>
/// The deadline sweep: every open action past its due date (in the plan calendar) becomes an overdue
/// variance, once. Returns how many it noted.
/// </summary>
[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Execute, "care-plan")]
public sealed record NoteOverdueActionsCommand(string TimeZone) : ICommand<int>;

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
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(request.TimeZone)).DateTime);
        var noted = 0;
        foreach (var plan in await plans.WithActionsDueBeforeAsync(today, Batch, cancellationToken))
        {
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
