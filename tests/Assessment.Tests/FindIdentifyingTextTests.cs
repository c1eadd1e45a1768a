using IntegratedCare.Assessment.Application.ServiceUsers.FindIdentifyingText;
using IntegratedCare.Assessment.Contracts;
using IntegratedCare.Assessment.Domain.ServiceUsers;
using NSubstitute;

namespace Assessment.Tests;

/// <summary>The anonymity guard's query against a register holding Catherine "Kate" Johnstone, born 1985-05-03, NHS 943 476 5919.</summary>
public sealed class FindIdentifyingTextTests
{
    private readonly IServiceUserRepository _people = Substitute.For<IServiceUserRepository>();

    public FindIdentifyingTextTests()
    {
        // The register as the repository filters it: by family key, family Soundex, or given or known-as key.
        RegisteredName[] register = [new("catherine", "johnstone", "kate", "Anne")];
        _people.NamesLikeAsync(Arg.Any<IReadOnlyCollection<string>>(), Arg.Any<IReadOnlyCollection<string>>(), Arg.Any<IReadOnlyCollection<string>>(), Arg.Any<CancellationToken>())
            .Returns(c => (IReadOnlyList<RegisteredName>)register.Where(n =>
                c.ArgAt<IReadOnlyCollection<string>>(0).Contains(n.FamilyNameKey)
                || c.ArgAt<IReadOnlyCollection<string>>(1).Contains(NameMatching.Soundex(n.FamilyNameKey))
                || c.ArgAt<IReadOnlyCollection<string>>(2).Contains(n.GivenNameKey)
                || c.ArgAt<IReadOnlyCollection<string>>(2).Contains(n.KnownAsKey)).ToList());
        _people.BirthDatesAmongAsync(Arg.Any<IReadOnlyCollection<DateOnly>>(), Arg.Any<CancellationToken>())
            .Returns(c => c.Arg<IReadOnlyCollection<DateOnly>>().Where(d => d == new DateOnly(1985, 5, 3)).ToList());
        _people.IdentifiersAmongAsync(Arg.Any<IReadOnlyCollection<PersonIdentifier>>(), Arg.Any<CancellationToken>())
            .Returns(c => c.Arg<IReadOnlyCollection<PersonIdentifier>>().Where(i => i.Value == "9434765919").ToList());
    }

    [Theory]
    [InlineData("Met with Catherine Johnstone about housing.", "Catherine Johnstone")]
    [InlineData("Met with catherine JOHNSTONE about housing.", "catherine JOHNSTONE")]
    [InlineData("Kate Johnstone's tenancy ended.", "Kate Johnstone's")]
    [InlineData("C. Johnstone was evicted.", "C. Johnstone")]
    [InlineData("Mrs Johnstone was evicted.", "Mrs Johnstone")]
    [InlineData("Catherine Anne Johnstone was evicted.", "Catherine Anne Johnstone")]
    [InlineData("Client: Johnstone, Catherine.", "Johnstone, Catherine.")]
    public void ARegisteredPersonsName_IsFound(string text, string expected)
    {
        var span = Assert.Single(Find(text));

        Assert.Equal(IdentifyingKinds.Name, span.Kind);
        Assert.Equal(expected, text.Substring(span.Start, span.Length));
    }

    [Theory]
    [InlineData("The Johnstone family centre closed.")] // A family name alone can be a place or a service.
    [InlineData("Catherine from the housing team called.")]
    [InlineData("Peter Johnstone called.")] // Someone else of that name: not on the register.
    public void TextThatNamesNoRegisteredPerson_IsClear(string text) => Assert.Empty(Find(text));

    [Theory]
    [InlineData("Born 03/05/1985 in Dumbarton.", "03/05/1985")]
    [InlineData("Born 3.5.85 in Dumbarton.", "3.5.85")]
    [InlineData("Born 1985-05-03 in Dumbarton.", "1985-05-03")]
    [InlineData("Born 3rd May 1985 in Dumbarton.", "3rd May 1985")]
    [InlineData("Born May 3, 1985 in Dumbarton.", "May 3, 1985")]
    public void ARegisteredDateOfBirth_IsFound(string text, string expected)
    {
        var span = Assert.Single(Find(text));

        Assert.Equal(IdentifyingKinds.DateOfBirth, span.Kind);
        Assert.Equal(expected, text.Substring(span.Start, span.Length));
    }

    [Fact]
    public void ADateNoRegisteredPersonWasBornOn_IsClear() => Assert.Empty(Find("Referral sent 12/10/2026, no reply."));

    [Theory]
    [InlineData("NHS no 943 476 5919 on file.", "943 476 5919")]
    [InlineData("NHS no 9434765919 on file.", "9434765919")]
    public void ARegisteredIdentifier_IsFound(string text, string expected)
    {
        var span = Assert.Single(Find(text));

        Assert.Equal(IdentifyingKinds.Identifier, span.Kind);
        Assert.Equal(expected, text.Substring(span.Start, span.Length));
    }

    [Fact]
    public void SeveralFindings_AreAllReportedInTextOrder()
    {
        var spans = Find("Kate Johnstone (03/05/1985, 943 476 5919)");

        Assert.Equal([IdentifyingKinds.Name, IdentifyingKinds.DateOfBirth, IdentifyingKinds.Identifier], spans.Select(s => s.Kind));
    }

    [Theory]
    [InlineData("a.", 10_000)]
    [InlineData("1 ", 10_000)]
    [InlineData("the fourteenth of March nineteen ", 600)]
    [InlineData("E i ", 5_000)]
    [InlineData("Johnstone ", 2_000)]
    public void ALongAdversarialText_IsCheckedWithoutRunawayMatching(string unit, int times) =>
        Assert.NotNull(Find(string.Concat(Enumerable.Repeat(unit, times))[..Math.Min(unit.Length * times, 20_000)]));

    [Theory]
    [InlineData("Eilidh D. was seen.", false)]
    [InlineData("Catherine Johnstne was seen.", true)]
    [InlineData("Kate J was seen.", true)]
    [InlineData("C a t h e r i n e Johnstone was seen.", true)]
    [InlineData("Anne Johnstone was seen.", true)]
    [InlineData("Johnstone Street has a clinic.", false)]
    [InlineData("Born on the third of May nineteen eighty-five.", true)]
    public void Variants_OfARegisteredPerson_AreFound(string text, bool found) =>
        Assert.Equal(found, Find(text).Count > 0);

    private IReadOnlyList<IdentifyingSpan> Find(string text) =>
        new FindIdentifyingTextHandler(_people).Handle(new FindIdentifyingTextQuery(text), CancellationToken.None).GetAwaiter().GetResult();
}
