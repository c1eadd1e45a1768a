using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Platform;

/// <summary>
/// The tables every module shares: the audit trail, the outbox and the inbox. Kept out of the modules'
/// contexts so one dispatcher and one audit store serve them all (ADR 0002).
/// </summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : DbContext(options)
{
    public const string Module = "platform";

    public DbSet<AuditEventRow> AuditEvents => Set<AuditEventRow>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<Calendar.HolidayCalendarRow> HolidayCalendars => Set<Calendar.HolidayCalendarRow>();

    public DbSet<IdempotencyKeyRow> IdempotencyKeys => Set<IdempotencyKeyRow>();

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

    public static AuditEventRow From(AuditRecord r) => new()
    {
        Id = r.Id,
        OccurredAt = r.OccurredAt,
        ActorId = r.ActorId,
        ActorKind = r.ActorKind,
        AgencyId = r.AgencyId,
        Roles = r.Roles,
        Action = r.Action,
        Operation = r.Operation,
        ResourceType = r.ResourceType,
        ResourceId = r.ResourceId,
        ServiceUserId = r.ServiceUserId,
        Purpose = r.Purpose,
        Basis = r.Basis,
        Outcome = r.Outcome,
        OutcomeDetail = r.OutcomeDetail,
        CorrelationId = r.CorrelationId,
    };

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

/// <summary>Proof that one handler has handled one message: the key that makes delivery idempotent.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }

    public required string Handler { get; init; }

    public DateTimeOffset HandledAt { get; init; }
}
