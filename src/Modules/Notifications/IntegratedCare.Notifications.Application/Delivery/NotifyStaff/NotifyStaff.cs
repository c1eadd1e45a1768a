using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Notifications.Application.Settings;
using IntegratedCare.Notifications.Domain.Inbox;
using IntegratedCare.Notifications.Domain.Settings;
using MediatR;

namespace IntegratedCare.Notifications.Application.Delivery.NotifyStaff;

/// <summary>
/// Puts one notice in each recipient's inbox, once per <see cref="SourceKey"/> (a redelivered event adds
/// nothing), and marks it for email where the recipient asked for one each. The platform's own request:
/// the event subscriptions send it. Returns how many notices it added.
/// </summary>
[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Create, "notification")]
public sealed record NotifyStaffCommand(string SourceKey, NotificationKind Kind, IReadOnlyList<string> Recipients, string Text, string Link) : ICommand<int>
{
    public const int MaxRecipients = 500;
}

internal sealed class NotifyStaffValidator : AbstractValidator<NotifyStaffCommand>
{
    public NotifyStaffValidator()
    {
        RuleFor(x => x.SourceKey).NotEmpty().WithMessage("is required").MaximumLength(100).WithMessage("must be at most 100 characters");
        RuleFor(x => x.Kind).IsInEnum().WithMessage("is not a known kind");
        RuleFor(x => x.Recipients).NotNull().WithMessage("is required")
            .Must(r => r is null || r.Count <= NotifyStaffCommand.MaxRecipients).WithMessage("must name at most 500 staff");
        RuleForEach(x => x.Recipients).NotEmpty().WithMessage("is required").MaximumLength(200).WithMessage("must be at most 200 characters");
        RuleFor(x => x.Text).NotEmpty().WithMessage("is required").MaximumLength(Notification.TextLength).WithMessage("must be at most 300 characters");
        RuleFor(x => x.Link).Must(l => l is not null && l.StartsWith('/') && !l.StartsWith("//", StringComparison.Ordinal) && l.Length <= Notification.LinkLength)
            .WithMessage("must be a path inside the staff UI");
    }
}

internal sealed class NotifyStaffHandler(INotificationRepository notifications, INotificationSettingsRepository settings, IMailAvailability mail, TimeProvider clock)
    : IRequestHandler<NotifyStaffCommand, int>
{
    public async Task<int> Handle(NotifyStaffCommand request, CancellationToken cancellationToken)
    {
        var recipients = request.Recipients.Where(r => !r.StartsWith("system:", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        if (recipients.Count == 0)
        {
            return 0;
        }

        var already = await notifications.AlreadyNotifiedAsync(request.SourceKey, recipients, cancellationToken);
        var fresh = recipients.Where(r => !already.Contains(r)).ToList();
        var choices = await settings.ReadAsync(fresh, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var recipient in fresh)
        {
            var email = mail.Enabled && choices.TryGetValue(recipient, out var choice) && choice.WantsEach;
            notifications.Add(Notification.Create(recipient, request.Kind, request.Text, request.Link, request.SourceKey, email, now));
        }

        return fresh.Count;
    }
}
