using System.Text.RegularExpressions;
using IntegratedCare.Assessment.Contracts;
using IntegratedCare.BuildingBlocks.Application.Errors;
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

    public async Task<IReadOnlyList<IdentifyingFinding>> FindAsync(IReadOnlyList<(string Field, string Text)> fields, CancellationToken cancellationToken)
    {
        var findings = new List<IdentifyingFinding>();
        foreach (var (field, text) in fields.Where(f => !string.IsNullOrWhiteSpace(f.Text)))
        {
            var spans = new List<IdentifyingFinding>();
            foreach (var span in await mediator.Send(new FindIdentifyingTextQuery(text), cancellationToken))
            {
                spans.Add(new IdentifyingFinding(field, span.Kind == IdentifyingKinds.Name ? "a registered person's name" : span.Kind == IdentifyingKinds.DateOfBirth ? "a registered person's date of birth" : "a registered person's identifier", span.Start, span.Length));
            }

            Add(spans, field, EmailPattern(), text, "an email address");
            Add(spans, field, PhonePattern(), text, "a phone number");
            Add(spans, field, TenDigitPattern(), text, "a CHI or NHS number");
            Add(spans, field, PpsPattern(), text, "a PPS number");
            Add(spans, field, PostcodePattern(), text, "a UK postcode");
            Add(spans, field, EircodePattern(), text, "an Eircode");
            Add(spans, field, StreetPattern(), text, "a street address");
            var thisYear = clock.GetUtcNow().Year;
            foreach (Match m in DatePattern().Matches(text))
            {
                var year = int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (year < 100)
                {
                    // A two-digit year is this century's unless that would be in the future.
                    year += 2000 + year <= thisYear ? 2000 : 1900;
                }

                if (year <= thisYear - BirthDateYears)
                {
                    spans.Add(new IdentifyingFinding(field, "a date that may be a date of birth", m.Index, m.Length));
                }
            }

            Add(spans, field, BirthKeywordPattern(), text, "a date of birth");

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

    /// <summary>Refuses identifying text with INVALID_ARGUMENT: each field named with what was found and where.</summary>
    public async Task EnsureAnonymousAsync(IReadOnlyList<(string Field, string Text)> fields, CancellationToken cancellationToken)
    {
        var findings = await FindAsync(fields, cancellationToken);
        if (findings.Count > 0)
        {
            throw new RequestValidationException(findings
                .Select(f => new FieldError(f.Field, $"contains {f.Kind} (characters {f.Start + 1} to {f.Start + f.Length}): a form must not identify anyone"))
                .ToList());
        }
    }

    private static void Add(List<IdentifyingFinding> spans, string field, Regex pattern, string text, string kind) =>
        spans.AddRange(pattern.Matches(text).Select(m => new IdentifyingFinding(field, kind, m.Index, m.Length)));

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EmailPattern();

    // UK and Irish numbers: a leading 0, +44 or +353, then nine or ten more digits with optional spaces or hyphens.
    [GeneratedRegex(@"(?<![\d+])(?:\+44\s?|\+353\s?|0)(?:\(0\)\s?)?\d(?:[\s-]?\d){7,10}(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(?<!\d)(?:\d{3}[ -]?\d{3}[ -]?\d{4}|\d{6}[ -]?\d{4})(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TenDigitPattern();

    [GeneratedRegex(@"(?<![\dA-Za-z])\d{7}[A-Wa-w][A-Wa-w]?(?![A-Za-z\d])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PpsPattern();

    [GeneratedRegex(@"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PostcodePattern();

    [GeneratedRegex(@"\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EircodePattern();

    [GeneratedRegex(@"\b(?:\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][a-z']+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Crescent|Court|Place|Terrace|Gardens|Way|Close|Square|Grove|Brae|Wynd|Row|View|Park)\b|\bFlat\s+\d+[A-Za-z]?\b)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StreetPattern();

    [GeneratedRegex(@"(?<!\d)(?:\d{1,2}[./-]\d{1,2}[./-](?<y>\d{4}|\d{2})|(?<y>\d{4})-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?<y>\d{4}))(?!\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\b(?:d\.?o\.?b\.?|date of birth|born (?:on|in))\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BirthKeywordPattern();
}
