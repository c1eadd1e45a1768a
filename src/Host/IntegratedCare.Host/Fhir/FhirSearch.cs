using System.Globalization;
using Hl7.Fhir.Model;
using IntegratedCare.BuildingBlocks.Application.Errors;
using Microsoft.AspNetCore.WebUtilities;

namespace IntegratedCare.Host.Fhir;

/// <summary>
/// A search's parameters and its <c>Bundle</c>. Paging is the module's own page token, carried in the
/// <c>next</c> link as <c>_page_token</c>: a client follows the link and never builds one. Parameters this
/// server does not support are ignored, as FHIR's default (lenient) handling has it, and the <c>self</c> link
/// shows only those it applied. <c>Bundle.total</c> is left out: a count would include what the sharing
/// decision withholds from the caller.
/// </summary>
internal sealed class FhirSearch
{
    private readonly HttpContext _http;
    private readonly Dictionary<string, string> _applied = new(StringComparer.Ordinal);

    private FhirSearch(HttpContext http) => _http = http;

    public int Count { get; private init; }

    public string PageToken { get; private init; } = string.Empty;

    public static FhirSearch Of(HttpContext http, params string[] supported)
    {
        var query = http.Request.Query;
        var count = 0;
        if (query.TryGetValue("_count", out var countText)
            && (countText.Count != 1 || !int.TryParse(countText[0], NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1))
        {
            throw new RequestValidationException("_count", "must be one whole number of at least 1");
        }

        var search = new FhirSearch(http) { Count = count, PageToken = query["_page_token"].ToString() };
        foreach (var name in supported.Where(query.ContainsKey))
        {
            search._applied[name] = query[name].Count == 1 ? query[name][0]! : throw new RequestValidationException(name, "must be given once");
        }

        if (count > 0)
        {
            search._applied["_count"] = count.ToString(CultureInfo.InvariantCulture);
        }

        return search;
    }

    /// <summary>A reference parameter (<c>patient=Patient/123</c> or <c>patient=123</c>) as the id it names, or null when not given.</summary>
    public string? Reference(string name, string resourceType)
    {
        if (!_applied.TryGetValue(name, out var value))
        {
            return null;
        }

        var id = value.StartsWith(resourceType + "/", StringComparison.Ordinal) ? value[(resourceType.Length + 1)..] : value;
        return id.Length == 36 && Guid.TryParseExact(id, "D", out _)
            ? id
            : throw new RequestValidationException(name, $"must name a {resourceType} by its id ({resourceType}/<id>)");
    }

    /// <summary>An instant parameter (ISO 8601, e.g. the <c>_as_of</c> a next link carries), or null when not given.</summary>
    public DateTimeOffset? Instant(string name) =>
        !_applied.TryGetValue(name, out var value)
            ? null
            : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : throw new RequestValidationException(name, "must be an instant (yyyy-MM-ddTHH:mm:ss.fffZ)");

    /// <summary>A value the next page needs as well as its token (a log's as-of instant): carried in both links.</summary>
    public void Carry(string name, DateTimeOffset at) =>
        _applied[name] = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public Bundle Bundle(string resourceType, IEnumerable<Resource> matches, string nextPageToken)
    {
        var bundle = new Bundle { Type = Hl7.Fhir.Model.Bundle.BundleType.Searchset };
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = Url(resourceType, PageToken) });
        if (nextPageToken.Length > 0)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = Url(resourceType, nextPageToken) });
        }

        foreach (var match in matches)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{Base}/{resourceType}/{match.Id}",
                Resource = match,
                Search = new Bundle.SearchComponent { Mode = Hl7.Fhir.Model.Bundle.SearchEntryMode.Match },
            });
        }

        return bundle;
    }

    private string Base => $"{_http.Request.Scheme}://{_http.Request.Host}{FhirHosting.Base}";

    private string Url(string resourceType, string pageToken)
    {
        var parameters = new Dictionary<string, string?>(_applied.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)), StringComparer.Ordinal);
        if (pageToken.Length > 0)
        {
            parameters["_page_token"] = pageToken;
        }

        return QueryHelpers.AddQueryString($"{Base}/{resourceType}", parameters);
    }
}
