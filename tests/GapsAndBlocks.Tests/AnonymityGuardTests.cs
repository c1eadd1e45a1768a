using IntegratedCare.Assessment.Contracts;
using IntegratedCare.GapsAndBlocks.Application.Forms;
using MediatR;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace GapsAndBlocks.Tests;

/// <summary>The pattern half of the anonymity guard (the register half is Assessment's query, stubbed here as finding nothing).</summary>
public sealed class AnonymityGuardTests
{
    private readonly AnonymityGuard _guard;

    public AnonymityGuardTests()
    {
        var mediator = Substitute.For<IMediator>();
        mediator.Send(Arg.Any<FindIdentifyingTextQuery>(), Arg.Any<CancellationToken>()).Returns(Task.FromResult<IReadOnlyList<IdentifyingSpan>>([]));
        _guard = new AnonymityGuard(mediator, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("Her number is 07700 900123.", "a phone number")]
    [InlineData("Call +44 7700 900123 today.", "a phone number")]
    [InlineData("Ring 0141-496-0000.", "a phone number")]
    [InlineData("Mobile +353 87 123 4567.", "a phone number")]
    [InlineData("Email kate.j@example.com for news.", "an email address")]
    [InlineData("Lives near G82 1AA.", "a UK postcode")]
    [InlineData("Moved to EH1 1YZ last week.", "a UK postcode")]
    [InlineData("Address D02 X285 in Dublin.", "an Eircode")]
    [InlineData("Eircode A65F4E2 given.", "an Eircode")]
    [InlineData("NHS 943 476 5919 on the letter.", "a CHI or NHS number")]
    [InlineData("PPS 1234567T on the letter.", "a PPS number")]
    [InlineData("Flat 3 was flooded.", "a street address")]
    [InlineData("Stays at 14 Glebe Street now.", "a street address")]
    [InlineData("Born 3rd May 1985.", "a date of birth")]
    [InlineData("Born on 03/05/85 in Dumbarton.", "a date of birth")]
    [InlineData("Seen on 03/05/85 in Dumbarton.", "a date that may be a date of birth")]
    [InlineData("Her d.o.b. is on file.", "a date of birth")]
    public async Task IdentifyingText_IsFound(string text, string kind)
    {
        var findings = await _guard.FindAsync([("overview", text)], CancellationToken.None);

        Assert.Contains(findings, f => f.Kind == kind && f.Field == "overview");
    }

    [Theory]
    [InlineData("Referred to housing on 12/10/2026; no reply after ten working days.")]
    [InlineData("The waiting list is 16 weeks and there are 3 places for 40 people.")]
    [InlineData("The housing options team has no supported places in the area.")]
    [InlineData("Tier 4 detox beds: 10 in the region, all taken until 2027.")]
    [InlineData("Escalated to the service manager; the protocol's review is due 2027-11-01.")]
    public async Task TheIssueAlone_IsClear(string text) =>
        Assert.Empty(await _guard.FindAsync([("overview", text)], CancellationToken.None));

    public static TheoryData<string> Adversarial => new()
    {
        string.Concat(Enumerable.Repeat("a.", 10_000)),
        string.Concat(Enumerable.Repeat("1 ", 10_000)),
        string.Concat(Enumerable.Repeat("x dot ", 3_000)) + "at",
        string.Concat(Enumerable.Repeat("born ", 4_000)),
        string.Concat(Enumerable.Repeat("12 ", 3_000)) + "street",
        string.Concat(Enumerable.Repeat("a@", 10_000)),
        string.Concat(Enumerable.Repeat("flat ", 4_000)),
        string.Concat(Enumerable.Repeat("oh ", 6_000)),
    };

    [Theory]
    [MemberData(nameof(Adversarial))]
    public async Task ALongAdversarialText_IsCheckedWithoutRunawayMatching(string text)
    {
        // Each pattern has a match timeout; a timeout would surface as an error, so finishing at all is the test.
        var findings = await _guard.FindAsync([("overview", text)], CancellationToken.None);

        Assert.NotNull(findings);
    }

    [Fact]
    public async Task Refusal_NamesEachFieldAndPosition_WithoutRepeatingTheText()
    {
        var refused = await Assert.ThrowsAsync<IntegratedCare.BuildingBlocks.Application.Errors.RequestValidationException>(() =>
            _guard.EnsureAnonymousAsync([("form.overview", "Call 07700 900123."), ("form.recommendations", "Fine.")], CancellationToken.None));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("form.overview", error.Field);
        Assert.Contains("characters 6 to 17", error.Reason);
        Assert.DoesNotContain("900123", error.Reason);
    }
}
