using IntegratedCare.Assessment.Domain.ServiceUsers;
using IntegratedCare.BuildingBlocks.Domain;

namespace IntegratedCare.Assessment.Application.ServiceUsers;

/// <summary>What registering and updating a person share.</summary>
internal static class Register
{
    public const int CandidateLimit = 500;

    /// <summary>An identifier names one person: held by someone else, it is refused as ALREADY_EXISTS.</summary>
    public static async Task EnsureIdentifiersAreFreeAsync(
        IServiceUserRepository people, IReadOnlyList<PersonIdentifier> identifiers, ServiceUserId? except, CancellationToken cancellationToken)
    {
        foreach (var identifier in identifiers)
        {
            Rule.Check(new IdentifierMustBeUniqueRule(identifier.Scheme, await people.IdentifierIsTakenAsync(identifier, except, cancellationToken)));
        }
    }

    /// <summary>Records that may be the person described, best first.</summary>
    public static async Task<IReadOnlyList<PersonMatch>> MatchesAsync(IServiceUserRepository people, PersonProbe probe, CancellationToken cancellationToken)
    {
        var familyKey = NameMatching.Key(probe.FamilyName);
        var birthDates = probe.DateOfBirth is { } dob ? PersonMatching.BirthDateVariants(dob) : [];
        var candidates = await people.CandidatesAsync(
            familyKey.Length == 0 ? string.Empty : NameMatching.Soundex(familyKey), birthDates, probe.Identifiers, CandidateLimit, cancellationToken);
        return candidates
            .Select(c => PersonMatching.Match(probe, c))
            .OfType<PersonMatch>()
            .OrderBy(m => m.Strength)
            .ThenByDescending(m => m.Score)
            .ThenBy(m => m.Person.Id.Value)
            .ToList();
    }
}
