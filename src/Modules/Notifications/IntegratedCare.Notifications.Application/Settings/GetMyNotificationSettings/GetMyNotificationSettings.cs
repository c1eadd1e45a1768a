using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Notifications.Domain.Settings;
using MediatR;

namespace IntegratedCare.Notifications.Application.Settings.GetMyNotificationSettings;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.RehabilitationCoordinator, Roles.SubgroupMember, Roles.NationalCoordinator,
    Roles.AgencyAdmin, Roles.SystemAdmin, Roles.InformationGovernance)]
[Audit(AuditAction.Read, "notification-settings")]
public sealed record GetMyNotificationSettingsQuery : IQuery<NotificationSettingsDto>;

internal sealed class GetMyNotificationSettingsHandler(INotificationSettingsRepository settings, ICurrentActor currentActor, IMailAvailability mail)
    : IRequestHandler<GetMyNotificationSettingsQuery, NotificationSettingsDto>
{
    public async Task<NotificationSettingsDto> Handle(GetMyNotificationSettingsQuery request, CancellationToken cancellationToken)
    {
        var mine = await settings.FindAsync(currentActor.Required.Id, cancellationToken);
        return mine is null
            ? new NotificationSettingsDto(string.Empty, EmailDelivery.None, 0, mail.Enabled)
            : new NotificationSettingsDto(mine.Email, mine.Delivery, mine.Version, mail.Enabled);
    }
}
