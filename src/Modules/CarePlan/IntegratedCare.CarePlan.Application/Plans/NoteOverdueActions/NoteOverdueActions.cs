using IntegratedCare.BuildingBlocks.Application.Calendar;
using IntegratedCare.BuildingBlocks.Domain.Calendar;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.NoteOverdueActions;

/// <summary>
/// The deadline sweep: every open action past its due date, counted in its plan's calendar (the lead
/// agency's area), becomes an overdue variance, once. Returns how many it noted.
/// </summary>
[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Execute, "care-plan")]
public sealed record NoteOverdueActionsCommand : ICommand<OverdueActionsRound>
{
    /// <summary>Plans looked at per transaction.</summary>
    public const int Batch = 100;
}

/// <summary>How many plans one round looked at, and how many of their actions it noted overdue.</summary>
public sealed record OverdueActionsRound(int Plans, int Actions);

internal sealed class NoteOverdueActionsHandler(
    ICarePlanRepository plans,
    ICarePlanHistory history,
    IUnitOfWork unitOfWork,
    CarePlanFeedSignal signal,
    IWorkingCalendars calendars,
    TimeProvider clock) : IRequestHandler<NoteOverdueActionsCommand, OverdueActionsRound>
{
    private const int Batch = NoteOverdueActionsCommand.Batch;

    public async Task<OverdueActionsRound> Handle(NoteOverdueActionsCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // Seek only plans with an action past due and not yet noted, earliest first, in the latest "today" of
        // any calendar (the UK's and Ireland's clocks agree, so the seek is exact); each plan then decides in
        // its own calendar. Each noted plan's next due date moves on, so the next batch finds the next ones.
        var latestToday = calendars.LatestToday(now);
        var noted = 0;
        var due = await plans.WithActionsDueBeforeAsync(latestToday, Batch, cancellationToken);
        foreach (var plan in due)
        {
            var count = plan.NoteOverdueActions(calendars.For(plan.Jurisdiction).Today(now), now);
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

        return new OverdueActionsRound(due.Count, noted);
    }
}
