using IntegratedCare.BuildingBlocks.Application.Calendar;
using IntegratedCare.CarePlan.Contracts;
using IntegratedCare.GapsAndBlocks.Contracts;
using IntegratedCare.Notifications.Application.Delivery.NotifyStaff;
using IntegratedCare.Notifications.Application.Reminders.ScheduleActionReminder;
using IntegratedCare.Notifications.Domain.Inbox;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Notifications.Application.Delivery;

// Event subscriptions, not use cases: each turns one integration event into notices through NotifyStaff,
// which adds each notice once per source and recipient, so a redelivered event (the outbox delivers at
// least once) adds nothing. A subscription sending two commands may be redelivered between them; both are
// idempotent. The outbox records handled messages under each handler's full name: keep them here.

/// <summary>New work: the agency given an action hears of it, and is reminded two days before it is due.</summary>
internal sealed class ActionAssignedSubscription(IMediator mediator, Recipients recipients) : INotificationHandler<ActionAssignedIntegrationEvent>
{
    public async Task Handle(ActionAssignedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var staff = await recipients.AgencyStaffAsync(e.AgencyId, cancellationToken);
        await mediator.Send(new NotifyStaffCommand(e.EventId.ToString("D"), NotificationKind.NewAction, staff, NoticeText.NewAction(e.DueDate), "/work/actions"), cancellationToken);
        await mediator.Send(new ScheduleActionReminderCommand(e.CarePlanId, e.ActionId, e.AgencyId, e.DueDate), cancellationToken);
    }
}

/// <summary>An action past its last day: the agency that owes it and the plan's lead case manager.</summary>
internal sealed class ActionOverdueSubscription(IMediator mediator, Recipients recipients) : INotificationHandler<ActionOverdueIntegrationEvent>
{
    public async Task Handle(ActionOverdueIntegrationEvent e, CancellationToken cancellationToken)
    {
        var staff = (await recipients.AgencyStaffAsync(e.AgencyId, cancellationToken)).Where(s => s != e.LeadCaseManager).ToList();
        await mediator.Send(new NotifyStaffCommand(e.EventId.ToString("D"), NotificationKind.Overdue, staff, NoticeText.ActionOverdueForAgency(e.DueDate), "/work/actions"), cancellationToken);
        if (!string.IsNullOrEmpty(e.LeadCaseManager))
        {
            await mediator.Send(
                new NotifyStaffCommand($"{e.EventId:D}:lead", NotificationKind.Overdue, [e.LeadCaseManager], NoticeText.ActionOverdueForLead(e.DueDate), $"/careplans/{e.CarePlanId:D}"),
                cancellationToken);
        }
    }
}

/// <summary>New work: the agency a referral is made to.</summary>
internal sealed class ReferralMadeSubscription(IMediator mediator, Recipients recipients, IWorkingCalendars calendars) : INotificationHandler<ReferralMadeIntegrationEvent>
{
    public async Task Handle(ReferralMadeIntegrationEvent e, CancellationToken cancellationToken)
    {
        var staff = await recipients.AgencyStaffAsync(e.ToAgencyId, cancellationToken);
        var lastDay = calendars.National.LastDayOf(e.DueAt);
        await mediator.Send(new NotifyStaffCommand(e.EventId.ToString("D"), NotificationKind.NewReferral, staff, NoticeText.NewReferral(lastDay), "/work/referrals"), cancellationToken);
    }
}

/// <summary>A referral unanswered past its response time: the agency that owes the answer, and the one that waits for it.</summary>
internal sealed class ReferralOverdueSubscription(IMediator mediator, Recipients recipients, IWorkingCalendars calendars) : INotificationHandler<ReferralOverdueIntegrationEvent>
{
    public async Task Handle(ReferralOverdueIntegrationEvent e, CancellationToken cancellationToken)
    {
        var lastDay = calendars.National.LastDayOf(e.DueAt);
        var to = await recipients.AgencyStaffAsync(e.ToAgencyId, cancellationToken);
        await mediator.Send(new NotifyStaffCommand($"{e.EventId:D}:to", NotificationKind.Overdue, to, NoticeText.ReferralOverdueTo(lastDay), "/work/referrals"), cancellationToken);
        var from = await recipients.AgencyStaffAsync(e.FromAgencyId, cancellationToken);
        await mediator.Send(new NotifyStaffCommand($"{e.EventId:D}:from", NotificationKind.Overdue, from, NoticeText.ReferralOverdueFrom(lastDay), "/work/referrals"), cancellationToken);
    }
}

/// <summary>A ladder step waiting: whoever holds the form's new rung; the case manager when it comes back, is reported back, or closes.</summary>
internal sealed class FormEnteredStageSubscription(IMediator mediator, Recipients recipients, IWorkingCalendars calendars) : INotificationHandler<FormEnteredStageIntegrationEvent>
{
    public async Task Handle(FormEnteredStageIntegrationEvent e, CancellationToken cancellationToken)
    {
        var link = $"/gaps/{e.FormId:D}";
        var key = e.EventId.ToString("D");
        DateOnly? lastDay = e.DueAt is { } due ? calendars.National.LastDayOf(due) : null;
        switch (e.Stage)
        {
            case "Closed":
                await mediator.Send(new NotifyStaffCommand(key, NotificationKind.FormClosed, [e.CaseManagerId], NoticeText.FormClosed, link), cancellationToken);
                return;
            case "Draft":
                await mediator.Send(new NotifyStaffCommand(key, NotificationKind.LadderStep, [e.CaseManagerId], NoticeText.FormReturned, link), cancellationToken);
                return;
            case "AwaitingAcknowledgement":
                await mediator.Send(new NotifyStaffCommand($"{key}:case-manager", NotificationKind.LadderStep, [e.CaseManagerId], NoticeText.FormAcknowledge, link), cancellationToken);
                break;
        }

        var holders = (await recipients.HolderAsync(e.Holder, e.AreaId, e.AgencyId, e.CaseManagerId, cancellationToken)).Where(h => h != e.CaseManagerId || e.Holder == "CaseManager").ToList();
        await mediator.Send(new NotifyStaffCommand(key, NotificationKind.LadderStep, holders, NoticeText.FormWaiting(e.Stage, lastDay), link), cancellationToken);
    }
}

/// <summary>A form's rung past its last day: its holder.</summary>
internal sealed class FormStageOverdueSubscription(IMediator mediator, Recipients recipients, IWorkingCalendars calendars) : INotificationHandler<FormStageOverdueIntegrationEvent>
{
    public async Task Handle(FormStageOverdueIntegrationEvent e, CancellationToken cancellationToken)
    {
        var holders = await recipients.HolderAsync(e.Holder, e.AreaId, e.AgencyId, e.CaseManagerId, cancellationToken);
        await mediator.Send(
            new NotifyStaffCommand(e.EventId.ToString("D"), NotificationKind.Overdue, holders, NoticeText.FormOverdue(e.Holder, calendars.National.LastDayOf(e.DueAt)), $"/gaps/{e.FormId:D}"),
            cancellationToken);
    }
}

/// <summary>A consent withdrawn: the lead case manager of the person's open plan.</summary>
internal sealed class ConsentWithdrawnSubscription(IMediator mediator) : INotificationHandler<ConsentWithdrawnIntegrationEvent>
{
    public async Task Handle(ConsentWithdrawnIntegrationEvent e, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new LeadCaseManagerOfPersonQuery(e.ServiceUserId.ToString("D")), cancellationToken) is { } lead)
        {
            await mediator.Send(new NotifyStaffCommand(e.EventId.ToString("D"), NotificationKind.ConsentChanged, [lead], NoticeText.ConsentWithdrawn, $"/people/{e.ServiceUserId:D}"), cancellationToken);
        }
    }
}

/// <summary>A consent expired: as withdrawn.</summary>
internal sealed class ConsentExpiredSubscription(IMediator mediator) : INotificationHandler<ConsentExpiredIntegrationEvent>
{
    public async Task Handle(ConsentExpiredIntegrationEvent e, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new LeadCaseManagerOfPersonQuery(e.ServiceUserId.ToString("D")), cancellationToken) is { } lead)
        {
            await mediator.Send(new NotifyStaffCommand(e.EventId.ToString("D"), NotificationKind.ConsentChanged, [lead], NoticeText.ConsentExpired, $"/people/{e.ServiceUserId:D}"), cancellationToken);
        }
    }
}
