using IntegratedCare.Assessment.Domain.ServiceUsers;

namespace Assessment.Tests;

/// <summary>The published check rules, with the published examples where the schemes publish them.</summary>
public sealed class IdentifierRulesTests
{
    [Theory]
    [InlineData("9434765919")] // NHS Digital's example NHS number.
    [InlineData("943 476 5919")]
    [InlineData("943-476-5919")]
    [InlineData("4010232137")] // NHS Digital's test-data example.
    public void NhsNumber_PassesModulus11(string value) => Assert.Null(IdentifierRules.Problem(IdentifierScheme.Nhs, value));

    [Theory]
    [InlineData("9434765918", "check digit")] // Last digit changed.
    [InlineData("9434765991", "check digit")] // Two digits transposed.
    [InlineData("943476591", "10 digits")]
    [InlineData("94347659190", "10 digits")]
    [InlineData("94347659A9", "10 digits")]
    public void NhsNumber_FailingItsRule_IsRefusedWithTheReason(string value, string reason) =>
        Assert.Contains(reason, IdentifierRules.Problem(IdentifierScheme.Nhs, value));

    [Fact]
    public void NhsNumber_WhoseCheckWouldBeTen_IsNeverValid()
    {
        // 1000000010: weighted sum 10 + 2 = 12, 11 - (12 mod 11) = 10: no check digit can follow these nine.
        for (var last = 0; last <= 9; last++)
        {
            Assert.NotNull(IdentifierRules.Problem(IdentifierScheme.Nhs, "100000001" + last));
        }
    }

    [Theory]
    [InlineData("0101010001", "2001-01-01")]
    [InlineData("1503851230", "1985-03-15")]
    [InlineData("2902961014", "1996-02-29")] // A leap day.
    [InlineData("150385 1230", "1985-03-15")]
    public void ChiNumber_PassesWithItsDateOfBirth(string value, string dateOfBirth) =>
        Assert.Null(IdentifierRules.Problem(IdentifierScheme.Chi, value, DateOnly.Parse(dateOfBirth)));

    [Theory]
    [InlineData("1503851231", "check digit")]
    [InlineData("3202851234", "DDMMYY")] // 32nd of February.
    [InlineData("2902971234", "DDMMYY")] // 1997 had no 29th of February.
    [InlineData("1513851234", "DDMMYY")] // Month 13.
    [InlineData("150385123", "10 digits")]
    public void ChiNumber_FailingItsRule_IsRefused(string value, string reason) =>
        Assert.Contains(reason, IdentifierRules.Problem(IdentifierScheme.Chi, value));

    [Fact]
    public void ChiNumber_ForAnotherDateOfBirth_IsRefused() =>
        Assert.Contains("date of birth", IdentifierRules.Problem(IdentifierScheme.Chi, "1503851230", new DateOnly(1985, 3, 16)));

    [Theory]
    [InlineData("1234567T")] // Revenue's example, old format.
    [InlineData("1234567FA")] // New format: the second letter weighs 9 × its position.
    [InlineData("1234567fa")] // Lower case, as people type it.
    [InlineData("8765432S")]
    [InlineData("8765432SW")] // W counts as 0: the old married women's suffix leaves the check unchanged.
    public void PpsNumber_PassesModulus23(string value) => Assert.Null(IdentifierRules.Problem(IdentifierScheme.Pps, value));

    [Theory]
    [InlineData("1234567A", "check letter")]
    [InlineData("1234567TA", "check letter")]
    [InlineData("1234567", "7 digits")]
    [InlineData("123456T", "7 digits")]
    [InlineData("1234567TZ", "7 digits")] // Second letters run A to W.
    public void PpsNumber_FailingItsRule_IsRefused(string value, string reason) =>
        Assert.Contains(reason, IdentifierRules.Problem(IdentifierScheme.Pps, value));

    [Fact]
    public void Normalise_DropsSpacesAndHyphensAndUpperCases() =>
        Assert.Equal("1234567FA", IdentifierRules.Normalise(" 1234-567 fa"));
}
