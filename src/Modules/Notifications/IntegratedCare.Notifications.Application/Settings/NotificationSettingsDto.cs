using IntegratedCare.Notifications.Domain.Settings;

namespace IntegratedCare.Notifications.Application.Settings;

/// <summary>
/// The caller's email choice for their notices; version 0 when never saved. <see cref="EmailAvailable"/>
/// says whether this installation sends email at all (an SMTP server is configured).
/// </summary>
public sealed record NotificationSettingsDto(string Email, EmailDelivery Delivery, long Version, bool EmailAvailable);

/// <summary>Whether this installation can send email; the infrastructure knows.</summary>
public interface IMailAvailability
{
    bool Enabled { get; }
}
