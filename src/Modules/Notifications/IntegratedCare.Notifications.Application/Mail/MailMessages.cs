using System.Globalization;
using System.Text;
using IntegratedCare.Notifications.Domain.Inbox;

namespace IntegratedCare.Notifications.Application.Mail;

/// <summary>An email to send: to one address, a subject and a plain-text body.</summary>
public sealed record MailMessage(string To, string Subject, string Body);

/// <summary>Sends email through the SMTP server the configuration names; the infrastructure's MailKit client.</summary>
public interface IMailSender
{
    /// <summary>Sends one message; throws when the server refuses it or cannot be reached.</summary>
    Task SendAsync(MailMessage message, CancellationToken cancellationToken);
}

/// <summary>Where an email's link leads: the staff UI's address, from the configuration.</summary>
public interface IMailLinks
{
    string NoticeUrl(string notificationId);

    string InboxUrl { get; }
}

/// <summary>
/// The words of every email. An email carries no personal data and nothing of the notice: a reference and a
/// link, behind sign-in, to the notice itself. Mail may be read on a shared screen or forwarded.
/// </summary>
internal static class MailMessages
{
    public static MailMessage ForNotice(string to, Notification notice, IMailLinks links) => new(
        to,
        $"IntegratedCare: a new notification (reference {notice.Reference})",
        new StringBuilder()
            .AppendLine("You have a new notification in IntegratedCare.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Reference: {notice.Reference}")
            .AppendLine(CultureInfo.InvariantCulture, $"Read it (you will be asked to sign in): {links.NoticeUrl(notice.Id.ToString())}")
            .AppendLine()
            .AppendLine("This email says nothing more on purpose: the details stay in IntegratedCare.")
            .AppendLine("To change how you are told, open Notifications in IntegratedCare.")
            .ToString());

    public static MailMessage Digest(string to, IReadOnlyList<Notification> notices, IMailLinks links)
    {
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"You have {notices.Count} unread notification{(notices.Count == 1 ? string.Empty : "s")} in IntegratedCare since your last digest.")
            .AppendLine();
        foreach (var notice in notices)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"Reference {notice.Reference}: {links.NoticeUrl(notice.Id.ToString())}");
        }

        body.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"All your notifications (you will be asked to sign in): {links.InboxUrl}")
            .AppendLine()
            .AppendLine("This email says nothing more on purpose: the details stay in IntegratedCare.");
        return new MailMessage(to, $"IntegratedCare: your daily digest ({notices.Count} unread)", body.ToString());
    }
}
