using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Notifications.Domain.Inbox;
using MediatR;

namespace IntegratedCare.Notifications.Application.Inbox.ListMyNotifications;

/// <summary>The caller's own inbox, newest first; only unread ones when <paramref name="UnreadOnly"/>.</summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.RehabilitationCoordinator, Roles.SubgroupMember, Roles.NationalCoordinator,
    Roles.AgencyAdmin, Roles.SystemAdmin, Roles.InformationGovernance)]
[Audit(AuditAction.Read, "notification")]
public sealed record ListMyNotificationsQuery(bool UnreadOnly, int PageSize = 0, string PageToken = "") : IQuery<InboxPage>;

internal sealed class ListMyNotificationsValidator : AbstractValidator<ListMyNotificationsQuery>
{
    public ListMyNotificationsValidator() => RuleFor(x => x.PageSize).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
}

internal sealed class ListMyNotificationsHandler(INotificationRepository notifications, ICurrentActor currentActor) : IRequestHandler<ListMyNotificationsQuery, InboxPage>
{
    public async Task<InboxPage> Handle(ListMyNotificationsQuery request, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required;
        var filter = $"inbox|{request.UnreadOnly}|{actor.Id}";
        var offset = BuildingBlocks.Application.Paging.PageToken.Decode(request.PageToken, filter);
        var (found, total, unread) = await notifications.PageAsync(actor.Id, request.UnreadOnly, offset, BuildingBlocks.Application.Paging.PageToken.PageSize(request.PageSize), cancellationToken);
        var page = Page<NotificationDto>.At(found.Select(NotificationDto.From).ToList(), offset, total, filter);
        return new InboxPage(page.Items, page.NextPageToken, page.TotalSize, unread);
    }
}
