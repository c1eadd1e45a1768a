using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Notifications.Domain.Inbox;
using MediatR;

namespace IntegratedCare.Notifications.Application.Inbox.MarkNotificationRead;

/// <summary>
/// Marks one of the caller's notices read (opening it does) or unread again. Someone else's notice is
/// "not found", as one that does not exist. Returns the notice, with where it leads.
/// </summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.RehabilitationCoordinator, Roles.SubgroupMember, Roles.NationalCoordinator,
    Roles.AgencyAdmin, Roles.SystemAdmin, Roles.InformationGovernance)]
[Audit(AuditAction.Update, "notification")]
public sealed record MarkNotificationReadCommand(string NotificationId, bool Read) : ICommand<NotificationDto>;

internal sealed class MarkNotificationReadValidator : AbstractValidator<MarkNotificationReadCommand>
{
    public MarkNotificationReadValidator() => RuleFor(x => x.NotificationId).MustBeId();
}

internal sealed class MarkNotificationReadHandler(INotificationRepository notifications, ICurrentActor currentActor, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<MarkNotificationReadCommand, NotificationDto>
{
    public async Task<NotificationDto> Handle(MarkNotificationReadCommand request, CancellationToken cancellationToken)
    {
        audit.Resource(request.NotificationId);
        var notification = await notifications.FindAsync(new NotificationId(Guid.Parse(request.NotificationId)), cancellationToken);
        if (notification is null || notification.RecipientStaffId != currentActor.Required.Id)
        {
            throw new NotFoundException("Notification", request.NotificationId);
        }

        if (request.Read)
        {
            notification.MarkRead(clock.GetUtcNow());
        }
        else
        {
            notification.MarkUnread();
        }

        return NotificationDto.From(notification);
    }
}
