using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.Identity.Domain.Credentials;

namespace Identity.Tests;

public sealed class AgencyCredentialTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Issuing_WithAnExternalAuthority_IsRefused()
    {
        var refused = Assert.Throws<BusinessRuleViolationException>(() => AgencyCredential.Issue("agency-1", "Housing", "admin", Now, Now.AddDays(30), issuedLocally: false));

        Assert.Equal(nameof(CredentialsAreIssuedLocallyRule), refused.Rule);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(AgencyCredential.MaxValidDays + 1)]
    public void Issuing_ForNoTimeOrTooLong_IsRefused(int days)
    {
        var refused = Assert.Throws<BusinessRuleViolationException>(() => AgencyCredential.Issue("agency-1", "Housing", "admin", Now, Now.AddDays(days), issuedLocally: true));

        Assert.Equal(nameof(ACredentialHoldsForAKnownTimeRule), refused.Rule);
    }

    [Fact]
    public void ACredential_HoldsUntilItExpires()
    {
        var credential = Issue(30);

        Assert.True(credential.HoldsAt(Now.AddDays(30).AddTicks(-1)));
        Assert.False(credential.HoldsAt(Now.AddDays(30)));
        Assert.Equal("Housing", credential.Name);
    }

    [Fact]
    public void Revoking_EndsItNow_AndASecondRevocationIsRefused()
    {
        var credential = Issue(30);
        credential.Revoke(Now.AddDays(1));

        Assert.Equal(Now.AddDays(1), credential.RevokedAt);
        Assert.False(credential.HoldsAt(Now.AddDays(1)));
        Assert.Equal(nameof(CredentialMustStillHoldRule), Assert.Throws<BusinessRuleViolationException>(() => credential.Revoke(Now.AddDays(2))).Rule);
    }

    [Fact]
    public void RevokingAnExpiredCredential_IsRefused()
    {
        var credential = Issue(30);

        Assert.Equal(nameof(CredentialMustStillHoldRule), Assert.Throws<BusinessRuleViolationException>(() => credential.Revoke(Now.AddDays(31))).Rule);
        Assert.Null(credential.RevokedAt);
    }

    [Fact]
    public void Rotating_IssuesASuccessorForTheSameTime_AndTheOldOneEndsAfterTheGrace()
    {
        var old = Issue(30);

        var successor = old.Rotate("admin-2", Now.AddDays(10), graceDays: 7, issuedLocally: true);

        Assert.Equal(("agency-1", "Housing", "admin-2"), (successor.AgencyId, successor.Name, successor.IssuedBy));
        Assert.Equal(Now.AddDays(40), successor.ExpiresAt);
        Assert.Equal((Now.AddDays(17), successor.Id), (old.RevokedAt!.Value, old.ReplacedBy));
        Assert.Equal(nameof(CredentialMustStillHoldRule), Assert.Throws<BusinessRuleViolationException>(() => old.Rotate("admin", Now.AddDays(11), 0, true)).Rule);
    }

    [Fact]
    public void ARotationsGrace_NeverOutlivesTheOldCredential()
    {
        var old = Issue(30);

        old.Rotate("admin", Now.AddDays(28), graceDays: AgencyCredential.MaxGraceDays, issuedLocally: true);

        Assert.Equal(Now.AddDays(30), old.RevokedAt);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(AgencyCredential.MaxGraceDays + 1)]
    public void ARotationsGrace_OutOfBounds_IsRefused(int graceDays)
    {
        var old = Issue(30);

        Assert.Equal(nameof(AGracePeriodIsBoundedRule), Assert.Throws<BusinessRuleViolationException>(() => old.Rotate("admin", Now, graceDays, true)).Rule);
        Assert.Null(old.ReplacedBy);
    }

    private static AgencyCredential Issue(int days) => AgencyCredential.Issue("agency-1", " Housing ", "admin", Now, Now.AddDays(days), issuedLocally: true);
}
