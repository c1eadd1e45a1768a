using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using IntegratedCare.Assessment.Contracts;
using IntegratedCare.Assessment.Domain.ServiceUsers;
using MediatR;

namespace IntegratedCare.Assessment.Application.ServiceUsers;

internal sealed class FindIdentifyingTextValidator : AbstractValidator<FindIdentifyingTextQuery>
{
    public const int LongestText = 20_000;

    public FindIdentifyingTextValidator() =>
        RuleFor(x => x.Text).NotNull().WithMessage("is required").MaximumLength(LongestText).WithMessage($"must be at most {LongestText} characters");
}

/// <summary>
/// Finds where a text names a registered person: a given (or known-as) name or initial followed by their
/// family name, a title and family name ("Mrs Doherty"), or "Family, Given"; a date that is a registered
/// person's date of birth; an identifier a registered person holds. It answers with spans and kinds only.
/// </summary>
internal sealed partial class FindIdentifyingTextHandler(IServiceUserRepository people)
    : IRequestHandler<FindIdentifyingTextQuery, IReadOnlyList<IdentifyingSpan>>
{
    private const int LongestFamilyName = 3;

    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal) { "mr", "mrs", "ms", "miss", "mx", "dr", "master", "sr", "fr" };

    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public async Task<IReadOnlyList<IdentifyingSpan>> Handle(FindIdentifyingTextQuery request, CancellationToken cancellationToken)
    {
        var text = request.Text;
        var spans = new List<IdentifyingSpan>();
        spans.AddRange(await NamesAsync(text, cancellationToken));
        spans.AddRange(await BirthDatesAsync(text, cancellationToken));
        spans.AddRange(await IdentifiersAsync(text, cancellationToken));
        return spans.Distinct().OrderBy(s => s.Start).ThenBy(s => s.Length).ToList();
    }

    private async Task<IEnumerable<IdentifyingSpan>> NamesAsync(string text, CancellationToken cancellationToken)
    {
        var words = WordPattern().Matches(text).Select(m => new Word(m.Index, m.Length, KeyOf(m.Value))).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        // Family names may run to several words ("Mac Giolla Phádraig"): try runs of one to three.
        var runs = new List<(int From, int To, string Key)>();
        for (var i = 0; i < words.Count; i++)
        {
            for (var length = 1; length <= LongestFamilyName && i + length <= words.Count; length++)
            {
                var key = NameMatching.Key(string.Concat(words.Skip(i).Take(length).Select(w => w.Key)));
                if (key.Length >= 2)
                {
                    runs.Add((i, i + length - 1, key));
                }
            }
        }

        var names = await people.NamesWithFamilyKeysAsync(runs.Select(r => r.Key).ToHashSet(StringComparer.Ordinal), cancellationToken);
        var byFamily = names.ToLookup(n => n.FamilyNameKey, StringComparer.Ordinal);
        var found = new List<IdentifyingSpan>();
        foreach (var (from, to, key) in runs.Where(r => byFamily.Contains(r.Key)))
        {
            foreach (var name in byFamily[key])
            {
                var start = NameStart(words, from, name);
                if (start is not null)
                {
                    found.Add(Span(words[start.Value], words[to], IdentifyingKinds.Name));
                }
                else if (to + 1 < words.Count && IsGiven(words[to + 1], name) && text.AsSpan(words[to].End, words[to + 1].Start - words[to].End).Contains(','))
                {
                    found.Add(Span(words[from], words[to + 1], IdentifyingKinds.Name));
                }
            }
        }

        return found;
    }

    /// <summary>Where the name before a family name starts: a given name, known-as name or initial (with up to one middle word between), or a title.</summary>
    private static int? NameStart(List<Word> words, int family, RegisteredName name)
    {
        if (family >= 1 && (IsGiven(words[family - 1], name) || Titles.Contains(words[family - 1].Key)))
        {
            return family - 1;
        }

        return family >= 2 && IsGiven(words[family - 2], name) ? family - 2 : null;
    }

    private static bool IsGiven(Word word, RegisteredName name) =>
        word.Key.Length > 0 && (word.Key == name.GivenNameKey
            || (name.KnownAsKey.Length > 0 && word.Key == name.KnownAsKey)
            || (word.Key.Length == 1 && name.GivenNameKey.StartsWith(word.Key, StringComparison.Ordinal)));

    private async Task<IEnumerable<IdentifyingSpan>> BirthDatesAsync(string text, CancellationToken cancellationToken)
    {
        var dates = new List<(int Start, int Length, DateOnly Date)>();
        foreach (Match m in NumericDatePattern().Matches(text))
        {
            var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            foreach (var year in Years(m.Groups["y"].Value))
            {
                AddDate(dates, m, year, month, day);
            }
        }

        foreach (Match m in IsoDatePattern().Matches(text))
        {
            AddDate(dates, m, int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture));
        }

        foreach (Match m in WordDatePattern().Matches(text))
        {
            var month = Array.FindIndex(Months, name => name.StartsWith(m.Groups["m"].Value.ToLowerInvariant(), StringComparison.Ordinal)) + 1;
            var day = int.Parse(m.Groups["d"].Success ? m.Groups["d"].Value : m.Groups["d2"].Value, CultureInfo.InvariantCulture);
            AddDate(dates, m, int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), month, day);
        }

        if (dates.Count == 0)
        {
            return [];
        }

        var registered = await people.BirthDatesAmongAsync(dates.Select(d => d.Date).ToHashSet(), cancellationToken);
        return dates.Where(d => registered.Contains(d.Date)).Select(d => new IdentifyingSpan(d.Start, d.Length, IdentifyingKinds.DateOfBirth));
    }

    private async Task<IEnumerable<IdentifyingSpan>> IdentifiersAsync(string text, CancellationToken cancellationToken)
    {
        var found = new List<(int Start, int Length, PersonIdentifier Identifier)>();
        foreach (Match m in TenDigitPattern().Matches(text))
        {
            var digits = IdentifierRules.Normalise(m.Value);
            found.Add((m.Index, m.Length, new PersonIdentifier(IdentifierScheme.Chi, digits)));
            found.Add((m.Index, m.Length, new PersonIdentifier(IdentifierScheme.Nhs, digits)));
        }

        foreach (Match m in PpsPattern().Matches(text))
        {
            found.Add((m.Index, m.Length, new PersonIdentifier(IdentifierScheme.Pps, IdentifierRules.Normalise(m.Value))));
        }

        if (found.Count == 0)
        {
            return [];
        }

        var held = await people.IdentifiersAmongAsync(found.Select(f => f.Identifier).ToHashSet(), cancellationToken);
        return found.Where(f => held.Contains(f.Identifier)).Select(f => new IdentifyingSpan(f.Start, f.Length, IdentifyingKinds.Identifier));
    }

    private static void AddDate(List<(int, int, DateOnly)> dates, Match m, int year, int month, int day)
    {
        if (year is >= 1900 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            dates.Add((m.Index, m.Length, new DateOnly(year, month, day)));
        }
    }

    /// <summary>A two-digit year could be either century.</summary>
    private static IEnumerable<int> Years(string year)
    {
        var value = int.Parse(year, CultureInfo.InvariantCulture);
        return year.Length == 4 ? [value] : [1900 + value, 2000 + value];
    }

    /// <summary>A word's name key; a possessive ("Doherty's") counts as the name.</summary>
    private static string KeyOf(string word)
    {
        var trimmed = word.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || word.EndsWith("’s", StringComparison.OrdinalIgnoreCase)
            ? word[..^2]
            : word;
        return NameMatching.Key(trimmed);
    }

    private static IdentifyingSpan Span(Word first, Word last, string kind) => new(first.Start, last.End - first.Start, kind);

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}'’\-]*\.?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})[./-](?<m>\d{1,2})[./-](?<y>\d{4}|\d{2})(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NumericDatePattern();

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IsoDatePattern();

    [GeneratedRegex(
        @"\b(?:(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?|(?<m>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?),?\s+(?<y>\d{4})\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WordDatePattern();

    [GeneratedRegex(@"(?<!\d)(?:\d{3}[ -]?\d{3}[ -]?\d{4}|\d{6}[ -]?\d{4})(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TenDigitPattern();

    [GeneratedRegex(@"(?<![\dA-Za-z])\d{7}[A-Wa-w]{1,2}(?![A-Za-z\d])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PpsPattern();

    private sealed record Word(int Start, int Length, string Key)
    {
        public int End => Start + Length;
    }
}
