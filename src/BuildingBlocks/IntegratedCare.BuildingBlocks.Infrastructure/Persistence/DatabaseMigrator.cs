using Microsoft.Extensions.Hosting;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Applies every module's migrations when the host starts. Registered before every other hosted
/// service, so the outbox worker and the server only start on an up-to-date database.
/// </summary>
internal sealed class DatabaseMigrator(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => services.MigrateDatabasesAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
