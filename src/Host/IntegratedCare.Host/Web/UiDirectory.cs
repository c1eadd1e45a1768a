using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.Protocols.Application.Agencies;
using IntegratedCare.Protocols.Application.Agencies.ListAgencies;
using IntegratedCare.Protocols.Application.Areas;
using IntegratedCare.Protocols.Application.Areas.ListAreas;

namespace IntegratedCare.Host.Web;

/// <summary>Agency and area names for a page to show instead of ids, read once per circuit through the mediator.</summary>
public sealed class UiDirectory(UiMediator mediator)
{
    private IReadOnlyList<AgencyDto>? _agencies;
    private IReadOnlyList<AreaDto>? _areas;

    /// <summary>The agencies as last read (null before the first <see cref="AgenciesAsync"/>).</summary>
    public IReadOnlyList<AgencyDto>? AgenciesCached => _agencies;

    public async Task<IReadOnlyList<AgencyDto>> AgenciesAsync(bool reload = false) =>
        _agencies = _agencies is null || reload ? await AllPagesAsync(token => new ListAgenciesQuery(100, token, null, string.Empty, false)) : _agencies;

    public async Task<IReadOnlyList<AreaDto>> AreasAsync(bool reload = false) =>
        _areas = _areas is null || reload ? await AllPagesAsync(token => new ListAreasQuery(100, token)) : _areas;

    /// <summary>Every page of a paged list, in order; stops at the first refusal (shown by the page that asked).</summary>
    private async Task<IReadOnlyList<T>> AllPagesAsync<T>(Func<string, MediatR.IRequest<Page<T>>> page)
    {
        var all = new List<T>();
        var token = string.Empty;
        do
        {
            var result = await mediator.SendAsync(page(token));
            if (!result.Ok)
            {
                break;
            }

            all.AddRange(result.Value!.Items);
            token = result.Value.NextPageToken;
        }
        while (!string.IsNullOrEmpty(token));
        return all;
    }

    public async Task<string> AgencyNameAsync(string? id) =>
        string.IsNullOrEmpty(id) ? "—" : (await AgenciesAsync()).FirstOrDefault(a => a.AgencyId == id)?.Name ?? id;

    public string AgencyName(string? id) =>
        string.IsNullOrEmpty(id) ? "—" : _agencies?.FirstOrDefault(a => a.AgencyId == id)?.Name ?? id;

    public string AreaName(string? id) =>
        string.IsNullOrEmpty(id) ? "—" : _areas?.FirstOrDefault(a => a.AreaId == id)?.Name ?? id;
}
