namespace IntegratedCare.Notifications.Infrastructure.Mail;

/// <summary>
/// Configuration section <c>Notifications</c>. Email is off until <c>Smtp:Host</c> names a server; the
/// inbox works without it.
/// </summary>
public sealed class NotificationsOptions
{
    public const string Section = "Notifications";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The staff UI's address as staff reach it, e.g. <c>https://care.example.org</c>: the start of every link in an email.</summary>
    public string UiBaseUrl { get; set; } = "http://localhost:5081";

    /// <summary>How often the mailer looks for email to send, and the reminder sweep for actions due soon.</summary>
    public TimeSpan MailInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The hour of the day (UK time, 0–23) after which the day's digests go out.</summary>
    public int DigestHour { get; set; } = 7;
}

public sealed class SmtpOptions
{
    /// <summary>The SMTP server; empty turns email off.</summary>
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 587;

    /// <summary><c>StartTls</c> (the default: refuse a server that cannot), <c>SslOnConnect</c> (port 465), or <c>None</c> (a relay on loopback only).</summary>
    public string Security { get; set; } = "StartTls";

    /// <summary>Sign-in to the server, if it asks for one; the password from a secret store or environment, never from a file in the repository.</summary>
    public string UserName { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    /// <summary>The sender, e.g. <c>IntegratedCare &lt;no-reply@care.example.org&gt;</c>.</summary>
    public string From { get; set; } = "IntegratedCare <no-reply@integratedcare.invalid>";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
