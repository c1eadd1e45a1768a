using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.Notifications.Domain.Inbox;
using IntegratedCare.Notifications.Domain.Reminders;
using IntegratedCare.Notifications.Domain.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IntegratedCare.Notifications.Infrastructure.Persistence;

/// <summary>The Notifications module's tables, all prefixed <c>notifications_</c>.</summary>
internal class NotificationsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "notifications";

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationSettings> Settings => Set<NotificationSettings>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Notification>(e =>
        {
            e.ToTable("notifications_inbox");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasConversion(id => id.Value, v => new NotificationId(v));
            e.Property(x => x.RecipientStaffId).HasMaxLength(200);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Text).HasMaxLength(Notification.TextLength);
            e.Property(x => x.Link).HasMaxLength(Notification.LinkLength);
            e.Property(x => x.SourceKey).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.DomainEvents);
            e.Ignore(x => x.Reference);
            e.Ignore(x => x.IsRead);
            e.HasIndex(x => new { x.SourceKey, x.RecipientStaffId }).IsUnique();
            e.HasIndex(x => new { x.RecipientStaffId, x.CreatedAt });
            e.HasIndex(x => new { x.RecipientStaffId, x.ReadAt });
            e.HasIndex(x => new { x.EmailPending, x.CreatedAt });
        });

        modelBuilder.Entity<NotificationSettings>(e =>
        {
            e.ToTable("notifications_settings");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasConversion(id => id.Value, v => new NotificationSettingsId(v));
            e.Property(x => x.StaffId).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(NotificationSettings.EmailLength);
            e.Property(x => x.Delivery).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.DomainEvents);
            e.Ignore(x => x.WantsEach);
            e.HasIndex(x => x.StaffId).IsUnique();
            e.HasIndex(x => new { x.Delivery, x.LastDigestAt });
        });

        modelBuilder.Entity<Reminder>(e =>
        {
            e.ToTable("notifications_reminders");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasConversion(id => id.Value, v => new ReminderId(v));
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.DomainEvents);
            e.HasIndex(x => x.ActionId).IsUnique();
            e.HasIndex(x => new { x.DoneAt, x.RemindOn });
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class NotificationsDesignTimeFactory : IDesignTimeDbContextFactory<NotificationsDbContext>
{
    public NotificationsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<NotificationsDbContext>();
        PersistenceRegistration.Configure(builder, "Data Source=design-time.db", NotificationsDbContext.Module);
        return new NotificationsDbContext(builder.Options);
    }
}
