using IntegratedCare.BuildingBlocks.Application.Caching;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Caching;

/// <summary>What a host forgets when a cache's version moves: registered by the module that owns the cache.</summary>
public sealed record SharedCache(string Name, Func<IServiceProvider, Action> Forget);

public static class SharedCacheRegistration
{
    /// <summary>Registers a cache that other hosts' changes must reach; <paramref name="forget"/> empties it.</summary>
    public static IServiceCollection AddSharedCache(this IServiceCollection services, string name, Func<IServiceProvider, Action> forget) =>
        services.AddSingleton(new SharedCache(name, forget));
}

/// <summary>
/// Raises one of the cache's version rows in the caller's transaction. The increment is one upsert, so two hosts
/// changing at once both count (a read-then-write would lose one and leave a third host stale), and the
/// first change of a cache on a new database cannot lose a race to insert its row (an UPDATE then an
/// INSERT did: two hosts' first agency registrations at once, one refused as a conflict).
/// Both providers take the same <c>INSERT … ON CONFLICT … DO UPDATE</c>.
/// </summary>
internal sealed class SharedCaches(PlatformDbContext platform, UnitOfWork unitOfWork, CacheWatcher watcher) : ISharedCaches
{
    public async Task ChangedAsync(string cache, CancellationToken cancellationToken)
    {
        if (!unitOfWork.IsActive || unitOfWork.IsReadOnly)
        {
            throw new InvalidOperationException("A cache changes with a command's data: signal it inside the command's unit of work.");
        }

        // One of a few rows per cache, chosen at random: a change holds its row's lock until it commits, and
        // with one row per cache every agency write on every host queued behind the last one's commit.
        await platform.Database.ExecuteSqlRawAsync(Upsert(platform), [CacheWatcher.Slot(cache, Random.Shared.Next(CacheWatcher.Slots))], cancellationToken);
        unitOfWork.AfterCommit(() => watcher.Forget(cache));
    }

    private static string Upsert(PlatformDbContext platform)
    {
        var entity = platform.Model.FindEntityType(typeof(CacheVersionRow))!;
        var sql = platform.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        var name = sql.DelimitIdentifier(entity.FindProperty(nameof(CacheVersionRow.Name))!.GetColumnName());
        var version = sql.DelimitIdentifier(entity.FindProperty(nameof(CacheVersionRow.Version))!.GetColumnName());
        return $"INSERT INTO {table} ({name}, {version}) VALUES ({{0}}, 1) ON CONFLICT ({name}) DO UPDATE SET {version} = {table}.{version} + 1";
    }
}

/// <summary>
/// Looks at the version rows every <see cref="DatabaseOptions.CacheRefreshInterval"/> and empties every cache
/// whose version moved since the last look, so a change committed on another host holds here within that
/// bound. On SQLite (one host by design) there is no other host to hear, so it does not poll.
/// </summary>
internal sealed class CacheWatcher(
    IServiceProvider services,
    IEnumerable<SharedCache> caches,
    IOptions<DatabaseOptions> options,
    ILogger<CacheWatcher> logger) : BackgroundService
{
    /// <summary>How many version rows each cache has (see <see cref="SharedCaches"/>): its version is their sum.</summary>
    public const int Slots = 16;

    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _looked;

    /// <summary>A version row's name: the cache's, then its slot. A row named for the cache alone (before slots) counts too.</summary>
    public static string Slot(string cache, int slot) => $"{cache}#{slot}";

    private static string CacheOf(string row) => row.IndexOf('#', StringComparison.Ordinal) is var at and >= 0 ? row[..at] : row;

    public void Forget(string cache)
    {
        foreach (var registered in caches.Where(c => c.Name == cache))
        {
            registered.Forget(services)();
        }
    }

    /// <summary>One look: forgets what moved; returns how many caches did.</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        List<CacheVersionRow> rows;
        await using (var scope = services.CreateAsyncScope())
        {
            rows = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().CacheVersions.AsNoTracking().ToListAsync(cancellationToken);
        }

        // Each row only ever rises, so a cache's sum moves with every change committed, in whatever order.
        var versions = rows.GroupBy(r => CacheOf(r.Name), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(r => r.Version), StringComparer.Ordinal);
        var moved = new List<string>();
        lock (_gate)
        {
            foreach (var (cache, version) in versions)
            {
                // After the first look, a cache seen for the first time has just had its first change somewhere.
                if (_seen.TryGetValue(cache, out var seen) ? seen != version : _looked)
                {
                    moved.Add(cache);
                }

                _seen[cache] = version;
            }

            _looked = true;
        }

        foreach (var name in moved)
        {
            logger.LogInformation("Cache {Cache} changed on another host: forgotten here", name);
            Forget(name);
        }

        return moved.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Provider == DatabaseProvider.Sqlite)
        {
            return;
        }

        // The first look only learns where every version stands: what this host loaded is already current.
        using var timer = new PeriodicTimer(options.Value.CacheRefreshInterval);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Stale for one more interval is safer than a watcher that stopped: forget everything.
                logger.LogError(ex, "Could not read the cache versions; every shared cache is forgotten");
                foreach (var cache in caches)
                {
                    cache.Forget(services)();
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
