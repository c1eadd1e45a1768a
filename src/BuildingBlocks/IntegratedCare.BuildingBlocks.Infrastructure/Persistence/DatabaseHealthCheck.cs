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
            await using var connection = connections.Open();
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
