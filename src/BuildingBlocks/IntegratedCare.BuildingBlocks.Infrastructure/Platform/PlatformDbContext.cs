using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Platform;

/// <summary>
/// The tables every module shares: the audit trail, the outbox and the inbox. Kept out of the modules'
/// contexts so one dispatcher and one audit store serve them all (ADR 0002).
/// </summary>
public class PlatformDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public const string Module = "platform";

    public DbSet<AuditEventRow> AuditEvents => Set<AuditEventRow>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<Calendar.HolidayCalendarRow> HolidayCalendars => Set<Calendar.HolidayCalendarRow>();

    public DbSet<IdempotencyKeyRow> IdempotencyKeys => Set<IdempotencyKeyRow>();

    /// <summary>ASP.NET Core's data protection key ring, shared by every host so one host's cookie holds on another.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>One counter per in-memory cache, raised in the transaction of every change to what it holds (see CacheSignals).</summary>
    public DbSet<CacheVersionRow> CacheVersions => Set<CacheVersionRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEventRow>(e =>
        {
            e.ToTable("platform_audit_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.ActorId).HasMaxLength(200);
            e.Property(x => x.ActorKind).HasMaxLength(40);
            e.Property(x => x.AgencyId).HasMaxLength(64);
            e.Property(x => x.Roles).HasMaxLength(400);
            e.Property(x => x.Action).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Operation).HasMaxLength(200);
            e.Property(x => x.ResourceType).HasMaxLength(100);
            e.Property(x => x.ResourceId).HasMaxLength(64);
            e.Property(x => x.ServiceUserId).HasMaxLength(64);
            e.Property(x => x.Purpose).HasMaxLength(100);
            e.Property(x => x.Basis).HasMaxLength(1000);
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.OutcomeDetail).HasMaxLength(400);
            e.Property(x => x.CorrelationId).HasMaxLength(64);
            e.HasIndex(x => x.OccurredAt);
            e.HasIndex(x => new { x.ResourceType, x.ResourceId });
            e.HasIndex(x => x.ServiceUserId);
            e.HasIndex(x => x.ActorId);
        });

        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("platform_outbox_messages");
            e.HasKey(x => x.Id);
            e.Property(x => x.Type).HasMaxLength(400);
            e.Property(x => x.LastError).HasMaxLength(400);
            e.HasIndex(x => new { x.ProcessedAt, x.NextAttemptAt });
        });

        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.ToTable("platform_inbox_messages");
            e.HasKey(x => new { x.MessageId, x.Handler });
            e.Property(x => x.Handler).HasMaxLength(400);
        });

        modelBuilder.Entity<IdempotencyKeyRow>(e =>
        {
            e.ToTable("platform_idempotency_keys");
            e.HasKey(x => new { x.Scope, x.RequestId });
            e.Property(x => x.Scope).HasMaxLength(400);
            e.Property(x => x.RequestId).HasMaxLength(100);
            e.Property(x => x.Fingerprint).HasMaxLength(64);
            e.Property(x => x.ResourceId).HasMaxLength(64);
            e.Property(x => x.ServiceUserId).HasMaxLength(64);
            e.HasIndex(x => x.CreatedAt);
        });

        modelBuilder.Entity<DataProtectionKey>(e => e.ToTable("platform_data_protection_keys"));

        modelBuilder.Entity<CacheVersionRow>(e =>
        {
            e.ToTable("platform_cache_versions");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(100);
        });

        modelBuilder.Entity<Calendar.HolidayCalendarRow>(e =>
        {
            e.ToTable("platform_holiday_calendars");
            e.HasKey(x => x.Jurisdiction);
            e.Property(x => x.Jurisdiction).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.LoadedBy).HasMaxLength(200);
            e.Property(x => x.Holidays).HasConversion(JsonColumn.Converter<Domain.Calendar.PublicHoliday>(), JsonColumn.Comparer<Domain.Calendar.PublicHoliday>());
        });
    }
}

/// <summary>A stored audit record. Rows are never updated or deleted (database triggers refuse it).</summary>
public sealed class AuditEventRow
{
    public Guid Id { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public required string ActorId { get; init; }

    public required string ActorKind { get; init; }

    public string? AgencyId { get; init; }

    public required string Roles { get; init; }

    public AuditAction Action { get; init; }

    public required string Operation { get; init; }

    public required string ResourceType { get; init; }

    public string? ResourceId { get; init; }

    public string? ServiceUserId { get; init; }

    public string? Purpose { get; init; }

    public string? Basis { get; init; }

    public AuditOutcome Outcome { get; init; }

    public string? OutcomeDetail { get; init; }

    public required string CorrelationId { get; init; }

    /// <summary>
    /// The stored row, each text cut to its column's length (the lengths in OnModelCreating, which PostgreSQL
    /// enforces): a refusal's detail listing many fields, or a caller's over-long id, must not lose the record.
    /// </summary>
    public static AuditEventRow From(AuditRecord r) => new()
    {
        Id = r.Id,
        OccurredAt = r.OccurredAt,
        ActorId = Fit(r.ActorId, 200)!,
        ActorKind = Fit(r.ActorKind, 40)!,
        AgencyId = Fit(r.AgencyId, 64),
        Roles = Fit(r.Roles, 400)!,
        Action = r.Action,
        Operation = Fit(r.Operation, 200)!,
        ResourceType = Fit(r.ResourceType, 100)!,
        ResourceId = Fit(r.ResourceId, 64),
        ServiceUserId = Fit(r.ServiceUserId, 64),
        Purpose = Fit(r.Purpose, 100),
        Basis = Fit(r.Basis, 1000),
        Outcome = r.Outcome,
        OutcomeDetail = Fit(r.OutcomeDetail, 400),
        CorrelationId = Fit(r.CorrelationId, 64)!,
    };

    private static string? Fit(string? text, int length) => text is null || text.Length <= length ? text : text[..(length - 1)] + "…";

    public AuditRecord ToRecord() => new(
        Id, OccurredAt, ActorId, ActorKind, AgencyId, Roles, Action, Operation, ResourceType, ResourceId, ServiceUserId, Purpose, Basis, Outcome, OutcomeDetail, CorrelationId);
}

/// <summary>An integration event waiting to be published, written in the transaction that raised it.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public required string Type { get; init; }

    public required string Payload { get; init; }

    public DateTimeOffset? ProcessedAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public string? LastError { get; set; }
}

/// <summary>How many times what one cache holds has changed, on any host.</summary>
public sealed class CacheVersionRow
{
    public required string Name { get; init; }

    public long Version { get; set; }
}

/// <summary>Proof that one handler has handled one message: the key that makes delivery idempotent.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }

    public required string Handler { get; init; }

    public DateTimeOffset HandledAt { get; init; }
}
