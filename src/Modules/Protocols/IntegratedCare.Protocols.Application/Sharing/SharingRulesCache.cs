using IntegratedCare.Protocols.Domain.Sharing;

namespace IntegratedCare.Protocols.Application.Sharing;

/// <summary>
/// The active information sharing protocols, held in memory: every disclosure reads them and they change
/// rarely. Any change invalidates the snapshot once it has committed. Consents are never cached: a
/// withdrawal must hold from the very next request.
/// </summary>
internal sealed class SharingRulesCache
{
    /// <summary>Its name among the shared caches: a change on any host empties it on every host.</summary>
    public const string Name = "sharing-rules";

    private long _generation;
    private Snapshot? _snapshot;

    public async Task<IReadOnlyList<SharingProtocol>> ActiveProtocolsAsync(ISharingProtocolRepository repository, CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && snapshot.Generation == generation)
        {
            return snapshot.Protocols;
        }

        // Stamped with the generation read before loading: a change committed meanwhile forces a reload.
        var protocols = await repository.ActiveAsync(cancellationToken);
        Volatile.Write(ref _snapshot, new Snapshot(generation, protocols));
        return protocols;
    }

    public void Invalidate() => Interlocked.Increment(ref _generation);

    private sealed record Snapshot(long Generation, IReadOnlyList<SharingProtocol> Protocols);
}
