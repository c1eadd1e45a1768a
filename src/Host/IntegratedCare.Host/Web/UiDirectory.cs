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

    public async Task<IReadOnlyList<AgencyDto>> AgenciesAsync(bool reload = false)
    {
        if (_agencies is null || reload)
        {
            var all = new List<AgencyDto>();
            var token = string.Empty;
            do
            {
                var page = await mediator.SendAsync(new ListAgenciesQuery(100, token, null, string.Empty, false));
                if (!page.Ok)
                {
                    break;
                }

                all.AddRange(page.Value!.Items);
                token = page.Value.NextPageToken;
            }
            while (!string.IsNullOrEmpty(token));
            _agencies = all;
        }

        return _agencies;
    }

    public async Task<IReadOnlyList<AreaDto>> AreasAsync(bool reload = false)
    {
        if (_areas is null || reload)
        {
            var all = new List<AreaDto>();
            var token = string.Empty;
            do
            {
                var page = await mediator.SendAsync(new ListAreasQuery(100, token));
                if (!page.Ok)
                {
                    break;
                }

                all.AddRange(page.Value!.Items);
                token = page.Value.NextPageToken;
            }
            while (!string.IsNullOrEmpty(token));
            _areas = all;
        }

        return _areas;
    }

    public async Task<string> AgencyNameAsync(string? id) =>
        string.IsNullOrEmpty(id) ? "—" : (await AgenciesAsync()).FirstOrDefault(a => a.AgencyId == id)?.Name ?? id;

    public string AgencyName(string? id) =>
        string.IsNullOrEmpty(id) ? "—" : _agencies?.FirstOrDefault(a => a.AgencyId == id)?.Name ?? id;

    public string AreaName(string? id) =>
        string.IsNullOrEmpty(id) ? "—" : _areas?.FirstOrDefault(a => a.AreaId == id)?.Name ?? id;
}
