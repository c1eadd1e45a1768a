using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Notifications.Domain.Settings;
using MediatR;

namespace IntegratedCare.Notifications.Application.Mail.RecordDigestSent;

/// <summary>A staff member's digest went (or had nothing to say): the next one covers what comes after <paramref name="Until"/>.</summary>
[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Update, "notification-settings")]
public sealed record RecordDigestSentCommand(string StaffId, DateTimeOffset Until) : ICommand<bool>;

internal sealed class RecordDigestSentValidator : AbstractValidator<RecordDigestSentCommand>
{
    public RecordDigestSentValidator() => RuleFor(x => x.StaffId).NotEmpty().WithMessage("is required").MaximumLength(200).WithMessage("must be at most 200 characters");
}

internal sealed class RecordDigestSentHandler(INotificationSettingsRepository settings) : IRequestHandler<RecordDigestSentCommand, bool>
{
    public async Task<bool> Handle(RecordDigestSentCommand request, CancellationToken cancellationToken)
    {
        if (await settings.FindAsync(request.StaffId, cancellationToken) is not { Delivery: EmailDelivery.DailyDigest } choice)
        {
            return false;
        }

        choice.DigestSent(request.Until);
        return true;
    }
}
