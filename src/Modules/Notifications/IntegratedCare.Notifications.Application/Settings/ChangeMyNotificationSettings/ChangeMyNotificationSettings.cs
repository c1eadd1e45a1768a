using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Notifications.Domain.Settings;
using MediatR;

namespace IntegratedCare.Notifications.Application.Settings.ChangeMyNotificationSettings;

/// <summary>
/// The caller chooses whether their notices also come by email (one each, or a daily digest) and to which
/// address. An email never carries the notice's text: only its reference and a link to sign in and read it.
/// </summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.RehabilitationCoordinator, Roles.SubgroupMember, Roles.NationalCoordinator,
    Roles.AgencyAdmin, Roles.SystemAdmin, Roles.InformationGovernance)]
[Audit(AuditAction.Update, "notification-settings")]
public sealed record ChangeMyNotificationSettingsCommand(string Email, EmailDelivery Delivery, long ExpectedVersion) : ICommand<NotificationSettingsDto>;

internal sealed class ChangeMyNotificationSettingsValidator : AbstractValidator<ChangeMyNotificationSettingsCommand>
{
    public ChangeMyNotificationSettingsValidator()
    {
        RuleFor(x => x.Delivery).IsInEnum().WithMessage("is not a known choice");
        RuleFor(x => x.Email).RequiredEmail().When(x => x.Delivery != EmailDelivery.None);
        RuleFor(x => x.Email).Cascade(CascadeMode.Stop)
            .MaximumLength(NotificationSettings.EmailLength).WithMessage("must be at most 254 characters")
            .EmailAddress().WithMessage("is not an email address")
            .When(x => x.Delivery == EmailDelivery.None && !string.IsNullOrEmpty(x.Email));
        RuleFor(x => x.ExpectedVersion).MustBeAVersion();
    }
}

internal sealed class ChangeMyNotificationSettingsHandler(INotificationSettingsRepository settings, ICurrentActor currentActor, IMailAvailability mail, TimeProvider clock)
    : IRequestHandler<ChangeMyNotificationSettingsCommand, NotificationSettingsDto>
{
    public async Task<NotificationSettingsDto> Handle(ChangeMyNotificationSettingsCommand request, CancellationToken cancellationToken)
    {
        var staffId = currentActor.Required.Id;
        var now = clock.GetUtcNow();
        var mine = await settings.FindAsync(staffId, cancellationToken);
        if (mine is null)
        {
            mine = NotificationSettings.For(staffId, now);
            settings.Add(mine);
        }

        mine.Change(request.ExpectedVersion, request.Email ?? string.Empty, request.Delivery, now);
        return new NotificationSettingsDto(mine.Email, mine.Delivery, mine.Version, mail.Enabled);
    }
}
