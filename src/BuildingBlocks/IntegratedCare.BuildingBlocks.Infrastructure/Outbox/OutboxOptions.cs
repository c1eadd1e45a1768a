namespace IntegratedCare.BuildingBlocks.Infrastructure.Outbox;

/// <summary>Configuration section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Whether this process dispatches. Off only for maintenance or tests that need a message to wait.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for work when no commit has signalled it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int BatchSize { get; set; } = 50;

    /// <summary>After this many failed attempts a message is parked (left unprocessed, logged) for an operator.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>
    /// How long a host's claim on a batch lasts. Other hosts skip claimed messages; a host killed mid-batch
    /// leaves its claims to expire, and another host then handles them (the inbox skips what was done).
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Past this lag the health check reports Degraded (see OutboxLagHealthCheck).</summary>
    public TimeSpan LagWarning { get; set; } = TimeSpan.FromMinutes(5);
}
