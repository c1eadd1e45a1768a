using IntegratedCare.BuildingBlocks.Application.Calendar;
using IntegratedCare.BuildingBlocks.Infrastructure;
using IntegratedCare.Notifications.Application.Mail;
using IntegratedCare.Notifications.Application.Mail.DueDigests;
using IntegratedCare.Notifications.Application.Mail.PendingEmails;
using IntegratedCare.Notifications.Application.Mail.RecordDigestSent;
using IntegratedCare.Notifications.Application.Mail.RecordEmailsSent;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegratedCare.Notifications.Infrastructure.Mail;

/// <summary>
/// Sends the emails notices wait for, then the daily digests that are due. Each round reads what to send,
/// sends it with no transaction open (the SMTP server may be slow), then records what went. A failed send
/// stops the round: the server is likely down, and the next round tries again.
/// </summary>
internal sealed class NotificationMailer(
    IServiceScopeFactory scopes, IOptions<NotificationsOptions> options, IMailSender sender, IWorkingCalendars calendars, TimeProvider time, ILogger<NotificationMailer> logger)
    : DeadlineSweep(scopes, time, logger)
{
    private readonly TimeProvider _clock = time;

    protected override string Component => "notifications-mail";

    protected override TimeSpan Interval => options.Value.MailInterval;

    protected override async Task<SweepRound> SweepAsync(IMediator mediator, CancellationToken cancellationToken)
    {
        var pending = await mediator.Send(new PendingEmailsQuery(), cancellationToken);
        var sent = new List<string>();
        var failed = new List<string>();
        var notWanted = pending.Where(p => p.Message is null).Select(p => p.NotificationId).ToList();
        foreach (var email in pending.Where(p => p.Message is not null))
        {
            try
            {
                await sender.SendAsync(email.Message!, cancellationToken);
                sent.Add(email.NotificationId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Email for notification {NotificationId} was not sent; it is tried again", email.NotificationId);
                failed.Add(email.NotificationId);
                break;
            }
        }

        if (pending.Count > 0)
        {
            await mediator.Send(new RecordEmailsSentCommand(sent, failed, notWanted), cancellationToken);
        }

        var digests = failed.Count == 0 ? await SendDigestsAsync(mediator, cancellationToken) : 0;
        var done = sent.Count + digests > 0 ? $"{sent.Count} notification emails and {digests} digests sent" : null;
        return new SweepRound(done, failed.Count == 0 && pending.Count >= PendingEmailsQuery.Batch);
    }

    private async Task<int> SendDigestsAsync(IMediator mediator, CancellationToken cancellationToken)
    {
        var national = calendars.National;
        var now = _clock.GetUtcNow();
        var today = national.Today(now);
        var local = new DateTime(today, new TimeOnly(Math.Clamp(options.Value.DigestHour, 0, 23), 0), DateTimeKind.Unspecified);
        var digestTime = new DateTimeOffset(local, national.Zone.GetUtcOffset(local));
        if (now < digestTime)
        {
            return 0;
        }

        var sent = 0;
        foreach (var digest in await mediator.Send(new DueDigestsQuery(digestTime), cancellationToken))
        {
            if (digest.Message is { } message)
            {
                await sender.SendAsync(message, cancellationToken);
                sent++;
            }

            await mediator.Send(new RecordDigestSentCommand(digest.StaffId, digest.Until), cancellationToken);
        }

        return sent;
    }
}

/// <summary>The "due in two days" reminders for actions.</summary>
internal sealed class ReminderSweep(IServiceScopeFactory scopes, IOptions<NotificationsOptions> options, TimeProvider clock, ILogger<ReminderSweep> logger)
    : DeadlineSweep(scopes, clock, logger)
{
    protected override string Component => "notifications-reminders";

    protected override TimeSpan Interval => options.Value.ReminderInterval;

    protected override async Task<SweepRound> SweepAsync(IMediator mediator, CancellationToken cancellationToken)
    {
        var looked = await mediator.Send(new Application.Reminders.SendDueReminders.SendDueRemindersCommand(), cancellationToken);
        return new(looked > 0 ? $"{looked} action reminders dealt with" : null, looked >= Application.Reminders.SendDueReminders.SendDueRemindersCommand.Batch);
    }
}
