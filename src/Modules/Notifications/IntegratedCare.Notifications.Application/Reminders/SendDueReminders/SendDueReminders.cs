using IntegratedCare.BuildingBlocks.Application.Calendar;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Contracts;
using IntegratedCare.Notifications.Application.Delivery;
using IntegratedCare.Notifications.Application.Delivery.NotifyStaff;
using IntegratedCare.Notifications.Domain.Inbox;
using IntegratedCare.Notifications.Domain.Reminders;
using MediatR;

namespace IntegratedCare.Notifications.Application.Reminders.SendDueReminders;

/// <summary>
/// The reminder sweep: each reminder whose day has come tells the agency its action is due soon, if the
/// plan says the action still waits; either way the reminder is done. Returns how many it looked at.
/// </summary>
[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Execute, "notification-reminder")]
public sealed record SendDueRemindersCommand : ICommand<int>
{
    public const int Batch = 50;
}

internal sealed class SendDueRemindersHandler(IReminderRepository reminders, Recipients recipients, IMediator mediator, IWorkingCalendars calendars, TimeProvider clock)
    : IRequestHandler<SendDueRemindersCommand, int>
{
    public async Task<int> Handle(SendDueRemindersCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await reminders.DueAsync(calendars.National.Today(now), SendDueRemindersCommand.Batch, cancellationToken);
        foreach (var reminder in due)
        {
            if (await mediator.Send(new ActionStillOpenQuery(reminder.CarePlanId.ToString("D"), reminder.ActionId.ToString("D")), cancellationToken))
            {
                var staff = await recipients.AgencyStaffAsync(reminder.AgencyId, cancellationToken);
                await mediator.Send(
                    new NotifyStaffCommand($"reminder:{reminder.Id}", NotificationKind.DueSoon, staff, NoticeText.ActionDueSoon(reminder.DueDate), "/work/actions"),
                    cancellationToken);
            }

            reminder.Done(now);
        }

        return due.Count;
    }
}
