using IntegratedCare.BuildingBlocks.Domain;

namespace IntegratedCare.Assessment.Domain.ServiceUsers;

public enum MatchStrength
{
    /// <summary>Shares an identifier: the same person.</summary>
    Identifier = 1,

    /// <summary>Names alike and the same (or a mistyped) date of birth: probably the same person.</summary>
    Likely = 2,

    /// <summary>Alike enough to be worth a look.</summary>
    Possible = 3,
}

/// <summary>What a worker knows of the person they are looking for; any part may be missing.</summary>
internal sealed record PersonProbe(string GivenName, string FamilyName, DateOnly? DateOfBirth, IReadOnlyList<PersonIdentifier> Identifiers)
{
    public PersonProbe(string givenName, string familyName, DateOnly? dateOfBirth)
        : this(givenName, familyName, dateOfBirth, [])
    {
    }
}

internal sealed record PersonMatch(ServiceUser Person, MatchStrength Strength, double Score);

/// <summary>
/// Decides whether a register record may be the person described. Names are compared with
/// <see cref="NameMatching.Similarity"/>; dates of birth match exactly or with one slip (day and month
/// swapped, one digit wrong, the year a year out). A record is a likely duplicate when the family name is
/// alike (or changed, with the given name and date of birth exact), the given name or known-as name is
/// alike (or matches an initial), and the date of birth matches or slipped.
/// </summary>
internal static class PersonMatching
{
    public const double NameThreshold = 0.85;

    /// <summary>The dates a mistyped date of birth may have been meant as, the date itself first.</summary>
    public static IReadOnlyList<DateOnly> BirthDateVariants(DateOnly date)
    {
        var variants = new List<DateOnly> { date };
        if (date.Day <= 12 && date.Day != date.Month)
        {
            variants.Add(new DateOnly(date.Year, date.Day, Math.Min(date.Month, DateTime.DaysInMonth(date.Year, date.Day))));
        }

        foreach (var year in new[] { date.Year - 1, date.Year + 1 })
        {
            if (year is >= 1 and <= 9999)
            {
                variants.Add(new DateOnly(year, date.Month, Math.Min(date.Day, DateTime.DaysInMonth(year, date.Month))));
            }
        }

        // One digit of the day wrong: 13 for 18, 03 for 08.
        for (var day = 1; day <= DateTime.DaysInMonth(date.Year, date.Month); day++)
        {
            if (day != date.Day && (day / 10 == date.Day / 10 || day % 10 == date.Day % 10))
            {
                variants.Add(new DateOnly(date.Year, date.Month, day));
            }
        }

        return variants.Distinct().ToList();
    }

    public static PersonMatch? Match(PersonProbe probe, ServiceUser candidate)
    {
        if (probe.Identifiers.Any(i => candidate.Identifiers.Contains(i with { Value = IdentifierRules.Normalise(i.Value) })))
        {
            return new PersonMatch(candidate, MatchStrength.Identifier, 1.0);
        }

        var family = NameMatching.Similarity(probe.FamilyName, candidate.Name.FamilyName);
        var given = GivenSimilarity(probe.GivenName, candidate.Name);
        var birth = probe.DateOfBirth is not { } dob ? (double?)null
            : dob == candidate.DateOfBirth ? 1.0
            : BirthDateVariants(dob).Contains(candidate.DateOfBirth) ? 0.7
            : 0.0;

        // Given and family name written the other way round.
        var swapped = Math.Min(
            NameMatching.Similarity(probe.FamilyName, candidate.Name.GivenName),
            NameMatching.Similarity(probe.GivenName, candidate.Name.FamilyName));
        var names = Math.Max((family + given) / 2, swapped);
        var namesAlike = (family >= NameThreshold && given >= NameThreshold) || swapped >= NameThreshold;
        var score = birth is { } b ? (names * 0.6) + (b * 0.4) : names;

        if (birth is > 0 && namesAlike)
        {
            return new PersonMatch(candidate, MatchStrength.Likely, Math.Round(score, 3));
        }

        // A changed family name (marriage, a name taken back): the given name and date of birth exact.
        if (birth is 1.0 && given >= 0.95)
        {
            return new PersonMatch(candidate, MatchStrength.Likely, Math.Round(score, 3));
        }

        if ((birth is null && namesAlike) || (birth is > 0 && family >= NameThreshold) || (birth is 1.0 && given >= NameThreshold))
        {
            return new PersonMatch(candidate, MatchStrength.Possible, Math.Round(score, 3));
        }

        return null;
    }

    private static double GivenSimilarity(string probeGiven, PersonName name)
    {
        var key = NameMatching.Key(probeGiven);
        if (key.Length == 1)
        {
            return NameMatching.Key(name.GivenName).StartsWith(key, StringComparison.Ordinal) ? 0.9 : 0;
        }

        return Math.Max(NameMatching.Similarity(probeGiven, name.GivenName), NameMatching.Similarity(probeGiven, name.KnownAs));
    }
}

/// <summary>
/// A new record must not duplicate one already on the register unless the worker looked at the likely
/// duplicates and confirmed this is someone else. Refused, it names the candidate records by id only.
/// </summary>
public sealed class MustNotBeALikelyDuplicateRule(IReadOnlyList<ServiceUserId> unconfirmed) : IBusinessRuleWithDetails
{
    public bool IsBroken() => unconfirmed.Count > 0;

    public string Message =>
        $"The register may already hold this person: {string.Join(", ", unconfirmed)}. Check these records, and if the person is " +
        "someone else, send their ids in confirmed_distinct_from.";

    public IReadOnlyDictionary<string, string> Details => new Dictionary<string, string>
    {
        ["candidate_service_user_ids"] = string.Join(",", unconfirmed),
    };
}
