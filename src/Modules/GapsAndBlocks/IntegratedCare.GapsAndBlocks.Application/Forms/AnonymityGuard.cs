using System.Text.RegularExpressions;
using IntegratedCare.Assessment.Contracts;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Text;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Forms;

/// <summary>Something in a text that looks like it identifies a person: the field, what kind, and where (never the text itself).</summary>
public sealed record IdentifyingFinding(string Field, string Kind, int Start, int Length);

/// <summary>
/// Only the issue is discussed, never the person (the protocol): every text of a form is checked before it
/// is stored. It finds registered people's names, dates of birth and identifiers (Assessment's query), and
/// by pattern phone numbers, email addresses, UK postcodes and Eircodes, CHI, NHS and PPS numbers, dates
/// that may be dates of birth, and street addresses.
/// </summary>
internal sealed partial class AnonymityGuard(IMediator mediator, TimeProvider clock)
{
    /// <summary>A date this many years back or more reads as a date of birth, not an event in the case.</summary>
    private const int BirthDateYears = 12;

    public async Task<IReadOnlyList<IdentifyingFinding>> FindAsync(IReadOnlyList<(string Field, string Text)> fields, CancellationToken cancellationToken, IReadOnlyList<Guid>? aboutPeople = null)
    {
        var findings = new List<IdentifyingFinding>();
        foreach (var (field, text) in fields.Where(f => !string.IsNullOrWhiteSpace(f.Text)))
        {
            var spans = new List<IdentifyingFinding>();
            foreach (var span in await mediator.Send(new FindIdentifyingTextQuery(text, aboutPeople), cancellationToken))
            {
                spans.Add(new IdentifyingFinding(field, KindOf(span), span.Start, span.Length));
            }

            var folded = NormalisedText.Of(text);
            void Found(int start, int length, string kind)
            {
                var (originalStart, originalLength) = folded.SpanInOriginal(start, length);
                spans.Add(new IdentifyingFinding(field, kind, originalStart, originalLength));
            }

            void Matches(Regex pattern, string kind)
            {
                foreach (Match m in pattern.Matches(folded.Text))
                {
                    Found(m.Index, m.Length, kind);
                }
            }

            foreach (var run in folded.Digits())
            {
                if (IdentifierShapes.IsChi(run.Digits) || IdentifierShapes.IsNhs(run.Digits))
                {
                    Found(run.Start, run.Length, "a CHI or NHS number");
                }
                else if (IdentifierShapes.IsPhone(run.Digits))
                {
                    Found(run.Start, run.Length, "a phone number");
                }
            }

            foreach (Match m in PpsPattern().Matches(folded.Text))
            {
                var digits = new string(m.Groups["digits"].Value.Where(char.IsAsciiDigit).ToArray());
                if (IdentifierShapes.IsPps(digits, m.Groups["letters"].Value))
                {
                    Found(m.Index, m.Length, "a PPS number");
                }
            }

            Matches(EmailPattern(), "an email address");
            Matches(SpokenEmailPattern(), "an email address");
            Matches(PostcodePattern(), "a UK postcode");
            Matches(EircodePattern(), "an Eircode");
            foreach (Match m in StreetPattern().Matches(folded.Text))
            {
                if (!m.Groups["words"].Captures.Any(c => NotPartOfAStreetName.Contains(c.Value.Trim())))
                {
                    Found(m.Index, m.Length, "a street address");
                }
            }

            Matches(FlatPattern(), "a street address");
            var thisYear = clock.GetUtcNow().Year;
            foreach (Match m in DatePattern().Matches(folded.Text))
            {
                var year = int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (year < 100)
                {
                    // A two-digit year is this century's unless that would be in the future.
                    year += 2000 + year <= thisYear ? 2000 : 1900;
                }

                if (year <= thisYear - BirthDateYears)
                {
                    Found(m.Index, m.Length, "a date that may be a date of birth");
                }
            }

            Matches(BirthDayPattern(), "a date of birth");
            Matches(BirthKeywordPattern(), "a date of birth");

            // One finding per stretch of text: the first kind named wins where patterns overlap.
            var kept = new List<IdentifyingFinding>();
            foreach (var span in spans.OrderBy(s => s.Start).ThenByDescending(s => s.Length))
            {
                if (kept.All(k => span.Start >= k.Start + k.Length || span.Start + span.Length <= k.Start))
                {
                    kept.Add(span);
                }
            }

            findings.AddRange(kept);
        }

        return findings;
    }

    /// <summary>
    /// Refuses text that names a registered person (their name, date of birth or identifier, as the register
    /// holds them), without the pattern checks: for what names the case manager, whose own work contact
    /// details are expected there, but never a person's.
    /// </summary>
    public async Task EnsureNoRegisteredPersonAsync(IReadOnlyList<(string Field, string Text)> fields, CancellationToken cancellationToken)
    {
        var findings = new List<IdentifyingFinding>();
        foreach (var (field, text) in fields.Where(f => !string.IsNullOrWhiteSpace(f.Text)))
        {
            findings.AddRange((await mediator.Send(new FindIdentifyingTextQuery(text), cancellationToken))
                .Select(span => new IdentifyingFinding(field, KindOf(span), span.Start, span.Length)));
        }

        Refuse(findings);
    }

    /// <summary>Refuses identifying text with INVALID_ARGUMENT: each field named with what was found and where.</summary>
    public async Task EnsureAnonymousAsync(IReadOnlyList<(string Field, string Text)> fields, CancellationToken cancellationToken, IReadOnlyList<Guid>? aboutPeople = null)
    {
        Refuse(await FindAsync(fields, cancellationToken, aboutPeople));
    }

    /// <summary>What the register found, as the refusal says it.</summary>
    private static string KindOf(IdentifyingSpan span) => span.Kind switch
    {
        IdentifyingKinds.Name => "a registered person's name",
        IdentifyingKinds.DateOfBirth => "a registered person's date of birth",
        IdentifyingKinds.Contact => "a registered person's contact details",
        _ => "a registered person's identifier",
    };

    private static void Refuse(IReadOnlyList<IdentifyingFinding> findings)
    {
        if (findings.Count > 0)
        {
            throw new RequestValidationException(findings
                .Select(f => new FieldError(f.Field, $"contains {f.Kind} (characters {f.Start + 1} to {f.Start + f.Length}): a form must not identify anyone"))
                .ToList());
        }
    }

    /// <summary>Words that, between a number and a street word, show it is not an address ("3 weeks' court", "12 beds place").</summary>
    private static readonly HashSet<string> NotPartOfAStreetName = new(StringComparer.Ordinal)
    {
        "weeks", "week", "days", "day", "months", "month", "years", "year", "hours", "people", "clients", "beds", "places", "staff",
        "referrals", "forms", "cases", "of", "the", "and", "or", "in", "at", "to", "a", "for", "more", "new", "other", "times", "nights",
        "tier", "agencies", "services", "workers", "families", "children",
    };

    private const string NumberWord = "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)";

    private const string StreetWord = "(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|crescent|cres|court|ct|place|pl|terrace|terr|gardens|gdns|way|close|square|sq|grove|brae|wynd|row|view|park|walk|mews|rise|loan|gate|quay|parade|vennel|circus|boulevard|hill)";

    // Folded text: "@" in any width or spacing; "at" in brackets; a missing top-level domain.
    [GeneratedRegex(@"[a-z0-9][a-z0-9._%+-]*\s*(?:@|[\[\(\{<]\s*at\s*[\]\)\}>])\s*[a-z0-9-]+(?:\s*(?:\.|[\[\(\{<]\s*dot\s*[\]\)\}>]|\sdot\s)\s*[a-z0-9-]+)*", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EmailPattern();

    // "eilidh dot doherty at example dot com": a plain "at" only with a "dot" after it.
    [GeneratedRegex(@"\b[a-z0-9][a-z0-9._-]*(?:\s+dot\s+[a-z0-9]+)*\s+at\s+[a-z0-9-]+(?:\s+dot\s+[a-z0-9-]+)+\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SpokenEmailPattern();

    [GeneratedRegex(@"(?<![a-z0-9])(?<digits>(?:\d[\s.-]?){6}\d)\s?(?<letters>[a-w]{1,2})(?![a-z0-9])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PpsPattern();

    [GeneratedRegex(@"\b(?:gir ?0aa|[a-pr-uwyz][a-hk-y]?\d[a-z\d]? ?\d[abd-hjlnp-uw-z]{2})\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PostcodePattern();

    [GeneratedRegex(@"\b(?:[ac-fhknprtv-y]\d{2}|d6w) ?[0-9ac-fhknprtv-y]{4}\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EircodePattern();

    // A house number (digits, or words: "twelve", "twenty two") and one to three name words before a street word.
    [GeneratedRegex(@"\b(?:\d{1,4}[a-z]?|" + NumberWord + @"(?:[\s-]" + NumberWord + @")?)\s*,?\s+(?<words>[a-z][a-z'-]*\s+){1,3}" + StreetWord + @"\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StreetPattern();

    // "flat 3", "flat 2/1", "flat four".
    [GeneratedRegex(@"\bflat\s+(?:\d+[a-z]?(?:/\d+)?|" + NumberWord + @")\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FlatPattern();

    [GeneratedRegex(@"(?<!\d)(?:\d{1,2}[./-]\d{1,2}[./-](?<y>\d{4}|\d{2})|(?<y>\d{4})-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?<y>\d{4}))(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DatePattern();

    // A birth word, then within a few words a day and month, in figures or words: "b. 4/3/87", "born on the
    // fourth of March", "birthday is 12 May", "DOB 14.03".
    [GeneratedRegex(@"\b(?:born|b\.|dob|d\.o\.b\.?|date of birth|birthday|bday|b-day)\W+(?:\w+\W+){0,4}?(?:\d{1,2}(?:st|nd|rd|th)?\s*(?:[./-]\s*\d{1,2}|\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{1,2}|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|twenty[\s-]\w+|thirty[\s-]first)\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)[\w./ -]{0,20}", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BirthDayPattern();

    [GeneratedRegex(@"\b(?:d\.?o\.?b\.?|date of birth|born (?:on|in))\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BirthKeywordPattern();
}
