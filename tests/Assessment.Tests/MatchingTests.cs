using IntegratedCare.Assessment.Domain.ServiceUsers;

namespace Assessment.Tests;

public sealed class MatchingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("O'Brien", "OBrien")]
    [InlineData("Ó Súilleabháin", "O'Suilleabhain")]
    [InlineData("MacDonald", "McDonald")]
    [InlineData("Smith-Jones", "smith jones")]
    public void Keys_IgnoreAccentsCaseApostrophesAndMac(string a, string b) => Assert.Equal(NameMatching.Key(a), NameMatching.Key(b));

    [Theory]
    [InlineData("Robert", "R163")]
    [InlineData("Rupert", "R163")]
    [InlineData("Ashcraft", "A261")] // 'h' does not separate the s and c.
    [InlineData("Tymczak", "T522")]
    [InlineData("Pfister", "P236")]
    public void Soundex_GivesThePublishedCodes(string name, string code) => Assert.Equal(code, NameMatching.Soundex(NameMatching.Key(name)));

    [Theory]
    [InlineData("Johnstone", "Jonstone")]
    [InlineData("Catherine", "Katherine")]
    [InlineData("Siobhan", "Siobhán")]
    [InlineData("Stephen", "Steven")]
    public void Similarity_ToleratesSpellingVariants(string a, string b) => Assert.True(NameMatching.Similarity(a, b) >= PersonMatching.NameThreshold);

    [Theory]
    [InlineData("Johnstone", "Murray")]
    [InlineData("Ann", "Peter")]
    public void Similarity_TellsDifferentNamesApart(string a, string b) => Assert.True(NameMatching.Similarity(a, b) < PersonMatching.NameThreshold);

    [Fact]
    public void JaroWinkler_MatchesTheTextbookExample() => Assert.Equal(0.961, Math.Round(NameMatching.JaroWinkler("martha", "marhta"), 3));

    [Fact]
    public void ASpellingVariantWithTheSameDateOfBirth_IsALikelyDuplicate()
    {
        var match = PersonMatching.Match(new PersonProbe("Katherine", "Jonstone", new DateOnly(1985, 3, 15)), Person("Catherine", "Johnstone", new DateOnly(1985, 3, 15)));

        Assert.Equal(MatchStrength.Likely, match?.Strength);
    }

    [Theory]
    [InlineData(1985, 3, 5)] // Day and month swapped.
    [InlineData(1985, 5, 8)] // One digit of the day wrong.
    [InlineData(1986, 5, 3)] // The year a year out.
    public void AMistypedDateOfBirth_StillFindsALikelyDuplicate(int year, int month, int day)
    {
        var match = PersonMatching.Match(new PersonProbe("Catherine", "Johnstone", new DateOnly(year, month, day)), Person("Catherine", "Johnstone", new DateOnly(1985, 5, 3)));

        Assert.Equal(MatchStrength.Likely, match?.Strength);
    }

    [Fact]
    public void NamesWrittenTheOtherWayRound_AreALikelyDuplicate() =>
        Assert.Equal(MatchStrength.Likely, PersonMatching.Match(new PersonProbe("Johnstone", "Catherine", new DateOnly(1985, 5, 3)), Person("Catherine", "Johnstone", new DateOnly(1985, 5, 3)))?.Strength);

    [Fact]
    public void AChangedFamilyNameWithTheSameGivenNameAndDateOfBirth_IsALikelyDuplicate() =>
        Assert.Equal(MatchStrength.Likely, PersonMatching.Match(new PersonProbe("Catherine", "Murray", new DateOnly(1985, 5, 3)), Person("Catherine", "Johnstone", new DateOnly(1985, 5, 3)))?.Strength);

    [Fact]
    public void TheSameNameWithAnUnrelatedDateOfBirth_IsNoDuplicate() =>
        Assert.Null(PersonMatching.Match(new PersonProbe("Catherine", "Johnstone", new DateOnly(1962, 11, 27)), Person("Catherine", "Johnstone", new DateOnly(1985, 5, 3))));

    [Fact]
    public void ADifferentPersonBornTheSameDay_IsNoDuplicate() =>
        Assert.Null(PersonMatching.Match(new PersonProbe("Peter", "Murray", new DateOnly(1985, 5, 3)), Person("Catherine", "Johnstone", new DateOnly(1985, 5, 3))));

    [Fact]
    public void TheSameIdentifier_IsAnIdentifierMatchWhateverTheName()
    {
        var match = PersonMatching.Match(
            new PersonProbe("Peter", "Murray", null, [new PersonIdentifier(IdentifierScheme.Nhs, "943 476 5919")]),
            Person("Catherine", "Johnstone", new DateOnly(1985, 5, 3), new PersonIdentifier(IdentifierScheme.Nhs, "9434765919")));

        Assert.Equal(MatchStrength.Identifier, match?.Strength);
    }

    [Fact]
    public void AnInitial_MatchesTheGivenName() =>
        Assert.Equal(MatchStrength.Likely, PersonMatching.Match(new PersonProbe("C", "Johnstone", new DateOnly(1985, 5, 3)), Person("Catherine", "Johnstone", new DateOnly(1985, 5, 3)))?.Strength);

    [Fact]
    public void ThePersonsKnownAsName_MatchesTheGivenName() =>
        Assert.Equal(MatchStrength.Likely, PersonMatching.Match(new PersonProbe("Kate", "Johnstone", new DateOnly(1985, 5, 3)), Person("Catherine", "Johnstone", new DateOnly(1985, 5, 3), knownAs: "Kate"))?.Strength);

    private static ServiceUser Person(string given, string family, DateOnly dateOfBirth, PersonIdentifier? identifier = null, string knownAs = "") =>
        ServiceUser.Register(
            new ServiceUserDetails(
                new PersonName(given, family, string.Empty, knownAs),
                dateOfBirth,
                string.Empty,
                identifier is null ? [] : [identifier],
                new ContactDetails(string.Empty, string.Empty),
                new PostalAddress(string.Empty, string.Empty, string.Empty, string.Empty),
                string.Empty,
                false),
            Guid.NewGuid(),
            "worker",
            Now);
}
