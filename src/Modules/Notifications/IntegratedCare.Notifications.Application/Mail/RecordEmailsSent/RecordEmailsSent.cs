using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Notifications.Domain.Inbox;
using MediatR;

namespace IntegratedCare.Notifications.Application.Mail.RecordEmailsSent;

/// <summary>
/// What the mailer did with the pending emails: sent, failed (tried again later, given up after
/// <see cref="MaxAttempts"/>), or not wanted any more. An email sent and then not recorded (the host died
/// between) is sent again: email is delivered at least once.
/// </summary>
[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Update, "notification")]
public sealed record RecordEmailsSentCommand(IReadOnlyList<string> Sent, IReadOnlyList<string> Failed, IReadOnlyList<string> NotWanted) : ICommand<int>
{
    public const int MaxAttempts = 10;
}

internal sealed class RecordEmailsSentValidator : AbstractValidator<RecordEmailsSentCommand>
{
    public RecordEmailsSentValidator()
    {
        RuleFor(x => x).Must(x => x.Sent.Count + x.Failed.Count + x.NotWanted.Count <= 200).WithMessage("must record at most 200 emails at once");
    }
}

internal sealed class RecordEmailsSentHandler(INotificationRepository notifications, TimeProvider clock) : IRequestHandler<RecordEmailsSentCommand, int>
{
    public async Task<int> Handle(RecordEmailsSentCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var recorded = 0;
        foreach (var (ids, record) in new (IReadOnlyList<string>, Action<Notification>)[]
                 {
                     (request.Sent, n => n.Emailed(now)),
                     (request.Failed, n => n.EmailFailed(RecordEmailsSentCommand.MaxAttempts)),
                     (request.NotWanted, n => n.EmailNoLongerWanted()),
                 })
        {
            foreach (var id in ids)
            {
                if (Guid.TryParse(id, out var guid) && await notifications.FindAsync(new NotificationId(guid), cancellationToken) is { EmailPending: true } notice)
                {
                    record(notice);
                    recorded++;
                }
            }
        }

        return recorded;
    }
}
