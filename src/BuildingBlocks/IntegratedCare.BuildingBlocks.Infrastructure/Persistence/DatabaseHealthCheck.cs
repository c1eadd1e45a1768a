using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Persistence;

/// <summary>Healthy when the database file answers a query and storage has not refused a write lately.</summary>
public sealed class DatabaseHealthCheck(ConnectionFactory connections, StorageHealth storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (storage.IsFullNow)
        {
            return HealthCheckResult.Unhealthy("Storage is full: writes, and reads (whose audit records are writes), are refused.");
        }

        try
        {
            // Opened asynchronously: a synchronous open blocks a pool thread while PostgreSQL answers, and 64
            // probes at once starved the thread pool into seconds-long stalls (the benchmark's health baseline).
            await using var connection = connections.Create();
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1;";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database did not answer.", ex);
        }
    }
}
