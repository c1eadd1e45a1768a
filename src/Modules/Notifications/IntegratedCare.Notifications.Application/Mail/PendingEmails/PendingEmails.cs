using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Notifications.Domain.Inbox;
using IntegratedCare.Notifications.Domain.Settings;
using MediatR;

namespace IntegratedCare.Notifications.Application.Mail.PendingEmails;

/// <summary>One email to send for one notice.</summary>
public sealed record PendingEmail(string NotificationId, MailMessage? Message);

/// <summary>
/// The emails waiting to go, oldest first: a read, so that sending (slow, over the network) holds no
/// transaction; the mailer sends them and then records what went (<c>RecordEmailsSent</c>). A notice whose
/// recipient has since chosen no email each is listed with no message, to be recorded as not wanted.
/// </summary>
[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Read, "notification")]
public sealed record PendingEmailsQuery : IQuery<IReadOnlyList<PendingEmail>>
{
    public const int Batch = 20;
}

internal sealed class PendingEmailsHandler(INotificationRepository notifications, INotificationSettingsRepository settings, IMailLinks links)
    : IRequestHandler<PendingEmailsQuery, IReadOnlyList<PendingEmail>>
{
    public async Task<IReadOnlyList<PendingEmail>> Handle(PendingEmailsQuery request, CancellationToken cancellationToken)
    {
        var pending = await notifications.EmailPendingAsync(PendingEmailsQuery.Batch, cancellationToken);
        var choices = await settings.ReadAsync(pending.Select(n => n.RecipientStaffId).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        return pending.Select(n => new PendingEmail(
                n.Id.ToString(),
                choices.TryGetValue(n.RecipientStaffId, out var choice) && choice.WantsEach ? MailMessages.ForNotice(choice.Email, n, links) : null))
            .ToList();
    }
}
