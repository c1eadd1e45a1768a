using MediatR;

namespace IntegratedCare.Protocols.Contracts;

/// <summary>
/// The sharing decision as a module asks it while serving one request: every category of a (person,
/// agency) is decided at the first ask (<see cref="SharingDecisionsQuery"/>, one pipeline run and one
/// audit record) and later asks read the answer. Scoped: a new request, or a new round of a stream,
/// decides afresh.
/// </summary>
public sealed class RequestSharingDecisions(IMediator mediator)
{
    private readonly Dictionary<(Guid ServiceUserId, Guid AgencyId), SharingDecisions> _decided = [];

    public async Task<MaySeeResult> DecideAsync(Guid serviceUserId, Guid agencyId, string category, CancellationToken cancellationToken)
    {
        if (!_decided.TryGetValue((serviceUserId, agencyId), out var all))
        {
            all = await mediator.Send(new SharingDecisionsQuery(serviceUserId.ToString("D"), agencyId.ToString("D"), SharingPurposes.DirectCare), cancellationToken);
            _decided[(serviceUserId, agencyId)] = all;
        }

        return all.For(category);
    }

    /// <summary>Decides every category for all of these people at once (a page of a list), so later asks about any of them read the answer.</summary>
    public async Task PrefetchAsync(IEnumerable<Guid> serviceUserIds, Guid agencyId, CancellationToken cancellationToken)
    {
        var wanted = serviceUserIds.Distinct().Where(p => !_decided.ContainsKey((p, agencyId))).ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var decided = await mediator.Send(
            new SharingDecisionsForPeopleQuery(wanted.Select(p => p.ToString("D")).ToList(), agencyId.ToString("D"), SharingPurposes.DirectCare), cancellationToken);
        foreach (var (person, decisions) in decided)
        {
            _decided[(person, agencyId)] = decisions;
        }
    }
}
