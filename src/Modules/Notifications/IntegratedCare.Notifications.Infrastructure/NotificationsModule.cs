using IntegratedCare.BuildingBlocks.Infrastructure;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.Notifications.Application.Delivery;
using IntegratedCare.Notifications.Application.Mail;
using IntegratedCare.Notifications.Application.Settings;
using IntegratedCare.Notifications.Domain.Inbox;
using IntegratedCare.Notifications.Domain.Reminders;
using IntegratedCare.Notifications.Domain.Settings;
using IntegratedCare.Notifications.Infrastructure.Mail;
using IntegratedCare.Notifications.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegratedCare.Notifications.Infrastructure;

/// <summary>The Notifications module's one registration entry point: each staff member's inbox, their email choice, reminders and the mailer.</summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationsOptions>(configuration.GetSection(NotificationsOptions.Section));
        services.AddModuleDbContext<NotificationsDbContext, Persistence.PostgreSql.NotificationsPostgreSqlContext>(NotificationsDbContext.Module);
        services.AddScoped<INotificationRepository, NotificationRepository>();
        services.AddScoped<INotificationSettingsRepository, NotificationSettingsRepository>();
        services.AddScoped<IReminderRepository, ReminderRepository>();
        services.AddScoped<Recipients>();
        services.AddSingleton<MailKitSender>();
        services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<MailKitSender>());
        services.AddSingleton<IMailAvailability>(sp => sp.GetRequiredService<MailKitSender>());
        services.AddSingleton<IMailLinks>(sp => sp.GetRequiredService<MailKitSender>());
        services.AddHostedService<ReminderSweep>();
        if (configuration.GetSection(NotificationsOptions.Section).Get<NotificationsOptions>() is { Smtp.Host.Length: > 0 })
        {
            services.AddHostedService<NotificationMailer>();
        }

        services.AddModuleAssemblies(configuration, typeof(Recipients).Assembly, typeof(NotificationsModule).Assembly);
        return services;
    }
}
