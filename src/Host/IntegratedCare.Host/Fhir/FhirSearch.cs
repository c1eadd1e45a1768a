using System.Globalization;
using Hl7.Fhir.Model;
using IntegratedCare.BuildingBlocks.Application.Errors;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

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
    /// <summary>Parameters that may be given twice, to bound a range (<c>_lastUpdated=ge…&amp;_lastUpdated=lt…</c>).</summary>
    private static readonly HashSet<string> Ranges = new(StringComparer.Ordinal) { "_lastUpdated" };

    private readonly Dictionary<string, StringValues> _applied = new(StringComparer.Ordinal);

    private readonly List<(string Prefix, DateTimeOffset Start, DateTimeOffset End)> _lastUpdated = [];

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
            var values = query[name];
            search._applied[name] = values.Count == 1 || (Ranges.Contains(name) && values.Count == 2)
                ? values
                : throw new RequestValidationException(name, Ranges.Contains(name) ? "must be given at most twice (a lower and an upper bound)" : "must be given once");
        }

        foreach (var value in search._applied.TryGetValue("_lastUpdated", out var updated) ? updated : StringValues.Empty)
        {
            search._lastUpdated.Add(DateBound("_lastUpdated", value!));
        }

        if (count > 0)
        {
            search._applied["_count"] = new StringValues(count.ToString(CultureInfo.InvariantCulture));
        }

        return search;
    }

    /// <summary>
    /// A reference parameter (<c>patient=Patient/123</c> or <c>patient=123</c>) as the id it names, written as this
    /// server writes ids (lower case), or null when not given. The nil UUID names nothing and is refused.
    /// </summary>
    public string? Reference(string name, string resourceType)
    {
        if (!_applied.TryGetValue(name, out var value))
        {
            return null;
        }

        var id = value.ToString();
        id = id.StartsWith(resourceType + "/", StringComparison.Ordinal) ? id[(resourceType.Length + 1)..] : id;
        return id.Length == 36 && Guid.TryParseExact(id, "D", out var uuid) && uuid != Guid.Empty
            ? uuid.ToString("D")
            : throw new RequestValidationException(name, $"must name a {resourceType} by its id ({resourceType}/<id>)");
    }

    /// <summary>A token parameter of codes (<c>status=active,on-hold</c>) as the values they name; empty when not given, 400 for a code not listed.</summary>
    public IReadOnlySet<T> Codes<T>(string name, IReadOnlyDictionary<string, T> codes)
    {
        if (!_applied.TryGetValue(name, out var value))
        {
            return new HashSet<T>();
        }

        var found = new HashSet<T>();
        foreach (var code in value.ToString().Split(','))
        {
            found.Add(codes.TryGetValue(code.Trim(), out var known)
                ? known
                : throw new RequestValidationException(name, $"'{code}' is not one of {string.Join(", ", codes.Keys)}"));
        }

        return found;
    }

    /// <summary>A string parameter's value, or empty when not given.</summary>
    public string Text(string name) => _applied.TryGetValue(name, out var value) ? value.ToString() : string.Empty;

    /// <summary>A token parameter as <c>system|value</c> (both required), or null when not given.</summary>
    public (string System, string Value)? Token(string name)
    {
        if (!_applied.TryGetValue(name, out var value))
        {
            return null;
        }

        var text = value.ToString();
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 && bar < text.Length - 1
            ? (text[..bar], text[(bar + 1)..])
            : throw new RequestValidationException(name, "must be system|value");
    }

    /// <summary>An instant parameter (ISO 8601, e.g. the <c>_as_of</c> a next link carries), or null when not given.</summary>
    public DateTimeOffset? Instant(string name) =>
        !_applied.TryGetValue(name, out var value)
            ? null
            : DateTimeOffset.TryParse(value.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : throw new RequestValidationException(name, "must be an instant (yyyy-MM-ddTHH:mm:ss.fffZ)");

    /// <summary>A value the next page needs as well as its token (a log's as-of instant): carried in both links.</summary>
    public void Carry(string name, DateTimeOffset at) =>
        _applied[name] = new StringValues(at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));

    /// <summary>
    /// Whether a resource's <c>meta.lastUpdated</c> meets every <c>_lastUpdated</c> bound given (none: all do). A bound
    /// is an instant or a date with FHIR's prefixes: <c>eq</c> (the default) within its precision, <c>gt</c> after it,
    /// <c>ge</c>, <c>lt</c> before it, <c>le</c>.
    /// </summary>
    public bool Updated(Resource resource)
    {
        if (_lastUpdated.Count == 0)
        {
            return true;
        }

        if (resource.Meta?.LastUpdated is not { } at)
        {
            return false;
        }

        return _lastUpdated.All(b => b.Prefix switch
        {
            "gt" => at >= b.End,
            "ge" => at >= b.Start,
            "lt" => at < b.Start,
            "le" => at < b.End,
            _ => at >= b.Start && at < b.End,
        });
    }

    /// <summary>The precisions a date search value may have, as FHIR's date type and instant write them.</summary>
    private static readonly (string Format, Func<DateTimeOffset, DateTimeOffset> End)[] Precisions =
    [
        ("yyyy", at => at.AddYears(1)),
        ("yyyy-MM", at => at.AddMonths(1)),
        ("yyyy-MM-dd", at => at.AddDays(1)),
        ("yyyy-MM-dd'T'HH:mmK", at => at.AddMinutes(1)),
        ("yyyy-MM-dd'T'HH:mm:ssK", at => at.AddSeconds(1)),
        ("yyyy-MM-dd'T'HH:mm:ss.fK", at => at.AddMilliseconds(100)),
        ("yyyy-MM-dd'T'HH:mm:ss.ffK", at => at.AddMilliseconds(10)),
        ("yyyy-MM-dd'T'HH:mm:ss.fffK", at => at.AddMilliseconds(1)),
    ];

    /// <summary>
    /// A date search value (<c>ge2026-12-01</c>, <c>lt2026-12-01T10:00:00Z</c>) as its prefix and the span its
    /// precision covers (a year, a month, a day, a minute, a second or a fraction of one). A date without a time is
    /// a UTC day. The span ends no later than the last instant there is.
    /// </summary>
    private static (string Prefix, DateTimeOffset Start, DateTimeOffset End) DateBound(string name, string value)
    {
        var prefix = value.Length > 2 && char.IsAsciiLetterLower(value[0]) ? value[..2] : "eq";
        var text = prefix == "eq" && !value.StartsWith("eq", StringComparison.Ordinal) ? value : value[2..];
        if (prefix is not ("eq" or "gt" or "ge" or "lt" or "le"))
        {
            throw new RequestValidationException(name, $"'{prefix}' is not a prefix this server supports: eq, gt, ge, lt or le");
        }

        foreach (var (format, end) in Precisions)
        {
            if (DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
            {
                return (prefix, start, start > DateTimeOffset.MaxValue.AddYears(-1) ? DateTimeOffset.MaxValue : end(start));
            }
        }

        throw new RequestValidationException(name, "must be a date (YYYY, YYYY-MM or YYYY-MM-DD) or an instant with its zone (YYYY-MM-DDThh:mm[:ss[.fff]]Z), after an optional eq, gt, ge, lt or le");
    }

    /// <summary>
    /// One page of a search that runs through several of the modules' listings in turn (a person's assessments,
    /// then their plans' reviews). A listing's page may give more matches than the page may hold (a plan has
    /// several actions), so the page token is the listing's letter, how many of that listing page's matches were
    /// sent already, and the listing's own token (<c>p3.&lt;token&gt;</c>): a client follows one <c>next</c> link,
    /// never gets more than <paramref name="count"/> matches, and a token this search did not issue is refused.
    /// A listing the parameters rule out is skipped; when they rule out every one, the first is still asked (and
    /// its matches dropped), so the caller is authorised and audited as the listing would be.
    /// </summary>
    public static async Task<(List<Resource> Matches, string Next)> PageAcrossAsync(string token, int count, params Listing[] listings)
    {
        var (index, sent, inner) = ParseAcross(token, listings);
        for (; index < listings.Length && listings[index].Skip; index++)
        {
            (sent, inner) = (0, string.Empty);
        }

        if (index == listings.Length)
        {
            if (listings.All(l => l.Skip))
            {
                await listings[0].PageAsync(string.Empty);
            }

            return ([], string.Empty);
        }

        var listing = listings[index];
        var (found, next) = await listing.PageAsync(inner);
        var matches = found.ToList();
        var size = IntegratedCare.BuildingBlocks.Application.Paging.PageToken.PageSize(count);
        if (matches.Count - sent > size)
        {
            return (matches.GetRange(sent, size), $"{listing.Letter}{sent + size}.{inner}");
        }

        var following = Array.FindIndex(listings, index + 1, l => !l.Skip);
        var nextToken = next.Length > 0 ? $"{listing.Letter}0.{next}"
            : following >= 0 ? $"{listings[following].Letter}0."
            : string.Empty;
        return (matches.Count > sent ? matches.GetRange(sent, matches.Count - sent) : [], nextToken);
    }

    private static (int Index, int Sent, string Inner) ParseAcross(string token, Listing[] listings)
    {
        if (token.Length == 0)
        {
            return (0, 0, string.Empty);
        }

        var index = Array.FindIndex(listings, l => l.Letter == token[0]);
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        return index >= 0 && dot > 1 && int.TryParse(token.AsSpan(1, dot - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sent) && sent <= 10_000
            ? (index, sent, token[(dot + 1)..])
            : throw new RequestValidationException("_page_token", "is not a token this search issued");
    }

    /// <summary>One of the listings a search runs through; <paramref name="Skip"/> when the search's parameters rule all of it out.</summary>
    public sealed record Listing(char Letter, Func<string, Task<(IEnumerable<Resource> Matches, string Next)>> PageAsync, bool Skip = false);

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
        var parameters = new Dictionary<string, StringValues>(_applied, StringComparer.Ordinal);
        if (pageToken.Length > 0)
        {
            parameters["_page_token"] = pageToken;
        }

        return QueryHelpers.AddQueryString($"{Base}/{resourceType}", parameters);
    }
}
