namespace IntegratedCare.BuildingBlocks.Application.Caching;

/// <summary>
/// Tells every host that what one of its in-memory caches holds has changed. Called inside the command's
/// unit of work: the signal commits with the change, or not at all. This host forgets at once after the
/// commit; every other host within <c>Database:CacheRefreshInterval</c> (README, "Several hosts").
/// </summary>
public interface ISharedCaches
{
    Task ChangedAsync(string cache, CancellationToken cancellationToken);
}
