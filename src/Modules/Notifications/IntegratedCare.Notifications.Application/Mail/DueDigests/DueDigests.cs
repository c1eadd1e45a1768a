using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Notifications.Domain.Inbox;
using IntegratedCare.Notifications.Domain.Settings;
using MediatR;

namespace IntegratedCare.Notifications.Application.Mail.DueDigests;

/// <summary>One staff member's digest: the email (none when nothing is unread since the last), and the moment it covers up to (when it was put together).</summary>
public sealed record DueDigest(string StaffId, MailMessage? Message, DateTimeOffset Until);

/// <summary>
/// The daily digests due at <paramref name="DigestTime"/> (today's hour for digests, which the mailer
/// computes): each staff member who chose one and has had none since then, with their unread notices that
/// came after their last digest. A read; the mailer sends and then records each (<c>RecordDigestSent</c>).
/// </summary>
[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Read, "notification")]
public sealed record DueDigestsQuery(DateTimeOffset DigestTime) : IQuery<IReadOnlyList<DueDigest>>
{
    public const int Batch = 20;

    public const int MaxNoticesPerDigest = 50;
}

internal sealed class DueDigestsHandler(INotificationSettingsRepository settings, INotificationRepository notifications, IMailLinks links, TimeProvider clock)
    : IRequestHandler<DueDigestsQuery, IReadOnlyList<DueDigest>>
{
    public async Task<IReadOnlyList<DueDigest>> Handle(DueDigestsQuery request, CancellationToken cancellationToken)
    {
        var due = await settings.DigestsDueAsync(request.DigestTime, DueDigestsQuery.Batch, cancellationToken);
        var now = clock.GetUtcNow();
        var digests = new List<DueDigest>();
        foreach (var choice in due)
        {
            var unread = await notifications.UnreadSinceAsync(choice.StaffId, choice.LastDigestAt ?? DateTimeOffset.MinValue, DueDigestsQuery.MaxNoticesPerDigest, cancellationToken);
            digests.Add(new DueDigest(choice.StaffId, unread.Count == 0 || choice.Email.Length == 0 ? null : MailMessages.Digest(choice.Email, unread, links), now));
        }

        return digests;
    }
}
