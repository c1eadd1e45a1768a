using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using IntegratedCare.Assessment.Contracts;
using IntegratedCare.Assessment.Domain.ServiceUsers;
using MediatR;

namespace IntegratedCare.Assessment.Application.ServiceUsers.FindIdentifyingText;

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
        if (request.AboutPeople is { Count: > 0 } about)
        {
            spans.AddRange(await OwnNamesAsync(text, about, cancellationToken));
        }

        spans.AddRange(await BirthDatesAsync(text, cancellationToken));
        spans.AddRange(await IdentifiersAsync(text, cancellationToken));
        spans.AddRange(await ContactsAsync(text, cancellationToken));
        return spans.Distinct().OrderBy(s => s.Start).ThenBy(s => s.Length).ToList();
    }

    private async Task<IEnumerable<IdentifyingSpan>> NamesAsync(string text, CancellationToken cancellationToken)
    {
        var words = Words(text);
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

        var soundexes = runs.Where(r => r.Key.Length >= NearMissShortest).Select(r => NameMatching.Soundex(r.Key)).ToHashSet(StringComparer.Ordinal);
        var givens = words.Where(w => w.Key.Length >= 2).Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
        var names = await people.NamesLikeAsync(runs.Select(r => r.Key).ToHashSet(StringComparer.Ordinal), soundexes, givens, cancellationToken);
        var found = new List<IdentifyingSpan>();
        foreach (var name in names)
        {
            foreach (var (from, to, key) in runs)
            {
                var exact = key == name.FamilyNameKey;
                if (!exact && !IsNearMiss(key, name.FamilyNameKey))
                {
                    continue;
                }

                var start = NameStart(words, from, name);
                if (start is not null)
                {
                    found.Add(Span(words[start.Value], words[to], IdentifyingKinds.Name));
                }
                else if (exact && to + 1 < words.Count && IsGiven(words[to + 1], name) && text.AsSpan(words[to].End, words[to + 1].Start - words[to].End).Contains(','))
                {
                    found.Add(Span(words[from], words[to + 1], IdentifyingKinds.Name));
                }
            }

            // A given, known-as or other name followed by the family name's initial: "Eilidh D.", "Ellie D".
            for (var i = 0; i + 1 < words.Count; i++)
            {
                if (words[i].Key.Length > 1 && IsGiven(words[i], name) && words[i + 1].Key.Length == 1 && name.FamilyNameKey.StartsWith(words[i + 1].Key, StringComparison.Ordinal))
                {
                    found.Add(Span(words[i], words[i + 1], IdentifyingKinds.Name));
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The rule for a given name alone: it identifies the person when the text is about that person (a form
    /// linked to their plan), so their given, known-as or other name is refused there even without a family
    /// name. Elsewhere a given name alone is left: it is shared by many, and staff and agencies are named too.
    /// </summary>
    private async Task<IEnumerable<IdentifyingSpan>> OwnNamesAsync(string text, IReadOnlyList<Guid> about, CancellationToken cancellationToken)
    {
        var names = await people.NamesOfAsync(about.Distinct().ToList(), cancellationToken);
        var own = names.SelectMany(n => new[] { n.GivenNameKey, n.KnownAsKey }.Concat(n.OtherNameKeys)).Where(k => k.Length > 1).ToHashSet(StringComparer.Ordinal);
        return Words(text).Where(w => own.Contains(w.Key)).Select(w => new IdentifyingSpan(w.Start, w.Length, IdentifyingKinds.Name));
    }

    /// <summary>Family names this long or longer are matched with a typo or two too ("Dohrety"), when a given name, initial or title leads.</summary>
    private const int NearMissShortest = 5;

    /// <summary>One edit for names of five to eight letters, two from nine: short names are too near ordinary words.</summary>
    private static bool IsNearMiss(string written, string family) =>
        family.Length >= NearMissShortest && Math.Abs(written.Length - family.Length) <= 2
        && NameMatching.EditDistance(written, family) <= (family.Length >= 9 ? 2 : 1);

    /// <summary>
    /// The text's words with their name keys. Letters spaced out ("E i l i d h", "E.I.L.I.D.H.") are one word,
    /// as the reader reads them.
    /// </summary>
    private static List<Word> Words(string text)
    {
        var words = WordPattern().Matches(text).Select(m => new Word(m.Index, m.Length, KeyOf(m.Value))).ToList();
        var merged = new List<Word>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var j = i;
            while (j + 1 < words.Count && words[j].Key.Length == 1 && words[j + 1].Key.Length == 1 && words[j + 1].Start - words[j].End <= 2)
            {
                j++;
            }

            if (j - i >= 2)
            {
                merged.Add(new Word(words[i].Start, words[j].End - words[i].Start, string.Concat(words.Skip(i).Take(j - i + 1).Select(w => w.Key))));
                i = j;
            }
            else
            {
                merged.Add(words[i]);
            }
        }

        return merged;
    }

    /// <summary>Where the name before a family name starts: a given name, known-as name or initial (with up to one middle word between), or a title.</summary>
    private static int? NameStart(List<Word> words, int family, RegisteredName name)
    {
        // The earliest start wins: "Catherine Anne Johnstone", not "Anne Johnstone".
        if (family >= 2 && IsGiven(words[family - 2], name) && words[family - 2].Key.Length > 1)
        {
            return family - 2;
        }

        if (family >= 1 && (IsGiven(words[family - 1], name) || Titles.Contains(words[family - 1].Key)))
        {
            return family - 1;
        }

        return family >= 2 && IsGiven(words[family - 2], name) ? family - 2 : null;
    }

    private static bool IsGiven(Word word, RegisteredName name) =>
        word.Key.Length > 0 && (word.Key == name.GivenNameKey
            || (name.KnownAsKey.Length > 0 && word.Key == name.KnownAsKey)
            || name.OtherNameKeys.Contains(word.Key)
            || (word.Key.Length == 1 && (name.GivenNameKey.StartsWith(word.Key, StringComparison.Ordinal) || (name.KnownAsKey.Length > 0 && name.KnownAsKey.StartsWith(word.Key, StringComparison.Ordinal)))));

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

        foreach (Match m in SpokenDatePattern().Matches(text.ToLowerInvariant()))
        {
            var month = Array.FindIndex(Months, name => name.StartsWith(m.Groups["m"].Value, StringComparison.Ordinal)) + 1;
            if (SpokenNumbers.Day(m.Groups["d"].Value) is { } day && SpokenNumbers.Year(m.Groups["y"].Value) is { } year && month > 0)
            {
                AddDate(dates, m, year, month, day);
            }
        }

        if (dates.Count == 0)
        {
            return [];
        }

        var registered = await people.BirthDatesAmongAsync(dates.Select(d => d.Date).ToHashSet(), cancellationToken);
        return dates.Where(d => registered.Contains(d.Date)).Select(d => new IdentifyingSpan(d.Start, d.Length, IdentifyingKinds.DateOfBirth));
    }

    /// <summary>A registered person's own phone number or email address, however it is written in the text.</summary>
    private async Task<IEnumerable<IdentifyingSpan>> ContactsAsync(string text, CancellationToken cancellationToken)
    {
        var folded = IntegratedCare.BuildingBlocks.Application.Text.NormalisedText.Of(text);
        var candidates = new List<(int Start, int Length, string Key)>();
        foreach (var run in folded.Digits())
        {
            var key = ContactKeys.Phone(run.Digits);
            if (key.Length > 0)
            {
                candidates.Add((run.Start, run.Length, key));
            }
        }

        foreach (Match m in EmailLikePattern().Matches(folded.Text))
        {
            var key = SpokenAt().Replace(SpokenDot().Replace(m.Value, "."), "@").Replace(" ", string.Empty, StringComparison.Ordinal);
            candidates.Add((m.Index, m.Length, ContactKeys.Email(key)));
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        var held = await people.ContactKeysAmongAsync(candidates.Select(c => c.Key).ToHashSet(StringComparer.Ordinal), cancellationToken);
        return candidates.Where(c => held.Contains(c.Key)).Select(c =>
        {
            var (start, length) = folded.SpanInOriginal(c.Start, c.Length);
            return new IdentifyingSpan(start, length, IdentifyingKinds.Contact);
        });
    }

    [GeneratedRegex(@"[a-z0-9][a-z0-9._%+-]*\s*(?:@|[\[\(\{<]\s*at\s*[\]\)\}>]|\sat\s)\s*[a-z0-9-]+(?:\s*(?:\.|[\[\(\{<]\s*dot\s*[\]\)\}>]|\sdot\s)\s*[a-z0-9-]+)*", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EmailLikePattern();

    [GeneratedRegex(@"\s*(?:[\[\(\{<]\s*at\s*[\]\)\}>]|\sat\s)\s*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SpokenAt();

    [GeneratedRegex(@"\s*(?:[\[\(\{<]\s*dot\s*[\]\)\}>]|\sdot\s)\s*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SpokenDot();

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

    // "the fourteenth of March nineteen eighty-seven", "14th March nineteen eighty seven": a day, a month and a year in words.
    [GeneratedRegex(@"\b(?<d>\d{1,2}(?:st|nd|rd|th)?|(?:twenty|thirty)[\s-]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)\s+(?:of\s+)?(?<m>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?<y>(?:nineteen|two\s+thousand)(?:[\s-]+(?:and\s+)?(?:oh|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|one|two|three|four|five|six|seven|eight|nine)){0,3})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SpokenDatePattern();

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

/// <summary>Days and years as people say them: "fourteenth", "twenty-first", "nineteen eighty-seven", "two thousand and one".</summary>
internal static class SpokenNumbers
{
    private static readonly string[] Ordinals =
    [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
        "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
    ];

    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["oh"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16,
        ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    public static int? Day(string text)
    {
        var digits = new string(text.TakeWhile(char.IsAsciiDigit).ToArray());
        if (digits.Length > 0)
        {
            return int.Parse(digits, CultureInfo.InvariantCulture);
        }

        var words = text.Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var tens = words.Length == 2 && Tens.TryGetValue(words[0], out var t) ? t : 0;
        var last = Array.IndexOf(Ordinals, words[^1]) + 1;
        return words[^1] == "thirtieth" ? 30 : last > 0 ? tens + last : null;
    }

    public static int? Year(string text)
    {
        var words = text.Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w != "and").ToList();
        if (words.Count >= 2 && words[0] == "two" && words[1] == "thousand")
        {
            return 2000 + Rest(words.Skip(2).ToList());
        }

        return words.Count >= 2 && words[0] == "nineteen" ? 1900 + Rest(words.Skip(1).ToList()) : null;
    }

    /// <summary>"eighty seven" = 87, "oh five" = 5, "twelve" = 12, nothing = 0.</summary>
    private static int Rest(List<string> words)
    {
        var value = 0;
        foreach (var word in words)
        {
            value += Tens.TryGetValue(word, out var ten) ? ten : Units.GetValueOrDefault(word);
        }

        return value;
    }
}
