using IntegratedCare.Notifications.Application.Mail;
using IntegratedCare.Notifications.Application.Settings;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IntegratedCare.Notifications.Infrastructure.Mail;

/// <summary>Email through MailKit's SMTP client to the configured server, one connection per message.</summary>
internal sealed class MailKitSender(IOptions<NotificationsOptions> options) : IMailSender, IMailAvailability, IMailLinks
{
    private readonly NotificationsOptions _options = options.Value;

    public bool Enabled => _options.Smtp.Host.Length > 0;

    public string InboxUrl => $"{_options.UiBaseUrl.TrimEnd('/')}/notifications";

    public string NoticeUrl(string notificationId) => $"{InboxUrl}/{Uri.EscapeDataString(notificationId)}";

    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var smtp = _options.Smtp;
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(smtp.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };

        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        var security = smtp.Security switch
        {
            "None" => SecureSocketOptions.None,
            "SslOnConnect" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(smtp.Host, smtp.Port, security, cancellationToken);
        if (smtp.UserName.Length > 0)
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password, cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
