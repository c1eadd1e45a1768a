using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.Identity.Domain.StaffAccounts;

namespace Identity.Tests;

public sealed class StaffAccountTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly RolePolicy Policy = new(new HashSet<string> { "case-manager", "agency-admin" }, "system-admin");
    private static readonly LockoutPolicy Lockout = new(3, TimeSpan.FromMinutes(15));

    [Fact]
    public void Create_TrimsAndNormalisesTheUserName_AndDropsRepeatedRoles()
    {
        var account = Account(" Casey.M ", "agency-1", "case-manager", "case-manager");

        Assert.Equal(("Casey.M", "casey.m"), (account.UserName, account.NormalizedUserName));
        Assert.Equal(["case-manager"], account.Roles);
        Assert.NotEqual(Guid.Empty, account.SecurityStamp);
    }

    [Fact]
    public void Create_AnAgencyRoleWithoutAnAgency_IsRefused()
    {
        var refused = Assert.Throws<BusinessRuleViolationException>(() => Account("casey", null, "case-manager"));

        Assert.Equal(nameof(AgencyRolesNeedAnAgencyRule), refused.Rule);
    }

    [Fact]
    public void WrongPasswords_LockTheAccountAtTheLimit_AndTheCountStartsAgain()
    {
        var account = Account("casey", "agency-1", "case-manager");

        Assert.False(account.RecordWrongPassword(Lockout, Now));
        Assert.False(account.RecordWrongPassword(Lockout, Now));
        Assert.Equal(0, account.Version);
        Assert.True(account.RecordWrongPassword(Lockout, Now));

        Assert.Equal((0, Now.AddMinutes(15), 1L), (account.FailedSignIns, account.LockedUntil, account.Version));
        Assert.True(account.IsLockedAt(Now.AddMinutes(14)));
        Assert.False(account.IsLockedAt(Now.AddMinutes(15)));
    }

    [Fact]
    public void SigningIn_WhileLockedOrDisabled_IsRefused_AndARightPasswordOtherwiseClearsTheCount()
    {
        var locked = Account("casey", "agency-1", "case-manager");
        for (var i = 0; i < 3; i++)
        {
            locked.RecordWrongPassword(Lockout, Now);
        }

        Assert.Equal(nameof(ADisabledOrLockedAccountCannotSignInRule), Assert.Throws<BusinessRuleViolationException>(() => locked.RecordSignIn(Now.AddMinutes(1), null)).Rule);
        var disabled = Account("dana", "agency-1", "case-manager");
        disabled.Disable(byHolder: false);
        Assert.Equal(nameof(ADisabledOrLockedAccountCannotSignInRule), Assert.Throws<BusinessRuleViolationException>(() => disabled.RecordSignIn(Now, null)).Rule);

        var fine = Account("erin", "agency-1", "case-manager");
        fine.RecordWrongPassword(Lockout, Now);
        fine.RecordSignIn(Now, "new-hash");
        Assert.Equal((0, (DateTimeOffset?)Now, "new-hash"), (fine.FailedSignIns, fine.LastSignInAt, fine.PasswordHash));
    }

    [Fact]
    public void EveryAdministratorChange_TurnsTheStamp_SoOpenSessionsEnd()
    {
        var account = Account("casey", "agency-1", "case-manager");
        var stamps = new List<Guid> { account.SecurityStamp };
        Assert.True(account.HoldsSession(account.SecurityStamp.ToString(), Now));

        account.Unlock();
        stamps.Add(account.SecurityStamp);
        account.ResetPassword("other-hash");
        stamps.Add(account.SecurityStamp);
        account.SetRoles(["case-manager", "agency-admin"], byHolder: false, Policy);
        stamps.Add(account.SecurityStamp);
        account.Disable(byHolder: false);
        stamps.Add(account.SecurityStamp);
        account.Enable();
        stamps.Add(account.SecurityStamp);

        Assert.Equal(stamps.Count, stamps.Distinct().Count());
        Assert.Equal(5, account.Version);
        Assert.False(account.HoldsSession(stamps[0].ToString(), Now));
        Assert.True(account.HoldsSession(account.SecurityStamp.ToString(), Now));
    }

    [Fact]
    public void ADisabledAccount_HoldsNoSession_EvenWithTheCurrentStamp()
    {
        var account = Account("casey", "agency-1", "case-manager");
        account.Disable(byHolder: false);

        Assert.False(account.HoldsSession(account.SecurityStamp.ToString(), Now));
    }

    [Fact]
    public void AnAdministrator_CannotDisableThemselves_NorDropTheirOwnAdministration()
    {
        var admin = Account("root", null, "system-admin");

        Assert.Equal(nameof(AdministratorsMayNotDisableThemselvesRule), Assert.Throws<BusinessRuleViolationException>(() => admin.Disable(byHolder: true)).Rule);
        Assert.Equal(nameof(AdministratorsMayNotDisableThemselvesRule), Assert.Throws<BusinessRuleViolationException>(() => admin.SetRoles(["national-coordinator"], byHolder: true, Policy)).Rule);
        Assert.False(admin.Disabled);
        Assert.Equal(["system-admin"], admin.Roles);

        admin.SetRoles(["system-admin", "national-coordinator"], byHolder: true, Policy);
        admin.SetRoles(["national-coordinator"], byHolder: false, Policy);
        Assert.Equal(["national-coordinator"], admin.Roles);
    }

    [Fact]
    public void SetRoles_ToAnAgencyRoleOnAnAccountWithNoAgency_IsRefused()
    {
        var coordinator = Account("rhona", null, "rehabilitation-coordinator");

        Assert.Equal(nameof(AgencyRolesNeedAnAgencyRule), Assert.Throws<BusinessRuleViolationException>(() => coordinator.SetRoles(["case-manager"], byHolder: false, Policy)).Rule);
        Assert.Equal(0, coordinator.Version);
    }

    [Fact]
    public void AStaleVersion_IsRefused()
    {
        var account = Account("casey", "agency-1", "case-manager");
        account.Unlock();

        Assert.Throws<ConcurrencyConflictException>(() => account.EnsureVersion(0));
        account.EnsureVersion(1);
    }

    private static StaffAccount Account(string userName, string? agencyId, params string[] roles) =>
        StaffAccount.Create(userName, "Display " + userName, agencyId, roles, Policy, "hash", Now);
}
