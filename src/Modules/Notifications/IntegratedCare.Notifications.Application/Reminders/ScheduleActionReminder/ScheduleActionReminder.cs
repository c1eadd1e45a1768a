using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Notifications.Domain.Reminders;
using MediatR;

namespace IntegratedCare.Notifications.Application.Reminders.ScheduleActionReminder;

/// <summary>Keeps a "due in two days" reminder for a newly assigned action, once per action. The platform's own request.</summary>
[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Create, "notification-reminder")]
public sealed record ScheduleActionReminderCommand(Guid CarePlanId, Guid ActionId, Guid AgencyId, DateOnly DueDate) : ICommand<bool>;

internal sealed class ScheduleActionReminderValidator : AbstractValidator<ScheduleActionReminderCommand>
{
    public ScheduleActionReminderValidator()
    {
        RuleFor(x => x.CarePlanId).NotEmpty().WithMessage("is required");
        RuleFor(x => x.ActionId).NotEmpty().WithMessage("is required");
        RuleFor(x => x.AgencyId).NotEmpty().WithMessage("is required");
    }
}

internal sealed class ScheduleActionReminderHandler(IReminderRepository reminders) : IRequestHandler<ScheduleActionReminderCommand, bool>
{
    public async Task<bool> Handle(ScheduleActionReminderCommand request, CancellationToken cancellationToken)
    {
        if (await reminders.ExistsForActionAsync(request.ActionId, cancellationToken))
        {
            return false;
        }

        reminders.Add(Reminder.ForAction(request.CarePlanId, request.ActionId, request.AgencyId, request.DueDate));
        return true;
    }
}
