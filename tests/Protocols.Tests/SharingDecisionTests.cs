using IntegratedCare.BuildingBlocks.Domain.Calendar;
using IntegratedCare.BuildingBlocks.Infrastructure.Calendar;
using IntegratedCare.Protocols.Domain.InterAgency;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Consents;
using IntegratedCare.Protocols.Domain.Sharing;

namespace Protocols.Tests;

public sealed class SharingDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Person = Guid.NewGuid();
    private static readonly Recipient Housing = new(AgencyId.New(), AgencyType.HousingAndHomelessness, true);
    private static readonly AgencyId Addiction = AgencyId.New();

    private static SharingProtocol ActiveProtocol(params SharingRule[] rules)
    {
        var protocol = SharingProtocol.Create("West Dunbartonshire ISP", rules, Now);
        protocol.Sign(0, Housing.Id, true, Now);
        protocol.Sign(1, Addiction, true, Now);
        protocol.Activate(2, Now);
        return protocol;
    }

    private static readonly SharingRule HousingByConsent = new(DataCategory.AssessmentHousing, AgencyType.HousingAndHomelessness, SharingPurpose.DirectCare, SharingBasis.Consent, "");
    private static readonly SharingRule FamilyForChildProtection = new(DataCategory.AssessmentFamilyAndChildren, AgencyType.HousingAndHomelessness, SharingPurpose.Safeguarding, SharingBasis.LegalOverride, "child-protection");

    private static Consent ConsentFor(ProvisionType type, DataCategory category, DateTimeOffset? expires = null) => Consent.Record(
        Person, Addiction, "case-manager-1", ConsentMethod.Written, false,
        [new ConsentProvision(type, [category], [], [AgencyType.HousingAndHomelessness], [])], expires, Now.AddDays(-1));

    private static SharingRequest Ask(DataCategory category, SharingPurpose purpose = SharingPurpose.DirectCare, string? overrideCode = null) =>
        new(Person, Housing.Id, category, purpose, overrideCode, overrideCode is null ? null : "Section 11 duty: risk to a child in the household");

    [Fact]
    public void AConsentInForceUnderASignedRule_Permits_AndSaysWhich()
    {
        var consent = ConsentFor(ProvisionType.Permit, DataCategory.AssessmentHousing);
        var protocol = ActiveProtocol(HousingByConsent);

        var decision = SharingDecisionPolicy.Decide(Ask(DataCategory.AssessmentHousing), Housing, [protocol], [consent], Now);

        Assert.True(decision.Permitted);
        Assert.Equal((consent.Id, protocol.Id), (decision.ConsentId, decision.ProtocolId));
        Assert.Contains($"consent {consent.Id}", decision.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void AWithdrawnConsent_TurnsThePermitIntoADeny()
    {
        var consent = ConsentFor(ProvisionType.Permit, DataCategory.AssessmentHousing);
        var protocol = ActiveProtocol(HousingByConsent);

        consent.Withdraw(0, "Person asked us to stop sharing", Now);
        var decision = SharingDecisionPolicy.Decide(Ask(DataCategory.AssessmentHousing), Housing, [protocol], [consent], Now);

        Assert.False(decision.Permitted);
        Assert.Equal(ConsentStatus.Inactive, consent.StatusAt(Now));
        Assert.IsType<ConsentWithdrawn>(consent.DomainEvents.Last());
    }

    [Fact]
    public void AnExpiredConsent_PermitsNothing()
    {
        var consent = ConsentFor(ProvisionType.Permit, DataCategory.AssessmentHousing, Now.AddHours(1));

        var decision = SharingDecisionPolicy.Decide(Ask(DataCategory.AssessmentHousing), Housing, [ActiveProtocol(HousingByConsent)], [consent], Now.AddHours(2));

        Assert.False(decision.Permitted);
        Assert.Equal(ConsentStatus.Inactive, consent.StatusAt(Now.AddHours(2)));
    }

    [Fact]
    public void ADenyProvision_WinsOverAPermit()
    {
        var permit = ConsentFor(ProvisionType.Permit, DataCategory.AssessmentHousing);
        var deny = ConsentFor(ProvisionType.Deny, DataCategory.AssessmentHousing);

        var decision = SharingDecisionPolicy.Decide(Ask(DataCategory.AssessmentHousing), Housing, [ActiveProtocol(HousingByConsent)], [permit, deny], Now);

        Assert.False(decision.Permitted);
        Assert.Equal(deny.Id, decision.ConsentId);
    }

    [Fact]
    public void WithoutARule_EvenConsentDoesNotPermit()
    {
        var consent = ConsentFor(ProvisionType.Permit, DataCategory.HealthInformation);

        var decision = SharingDecisionPolicy.Decide(Ask(DataCategory.HealthInformation), Housing, [ActiveProtocol(HousingByConsent)], [consent], Now);

        Assert.False(decision.Permitted);
        Assert.Null(decision.Rule);
    }

    [Fact]
    public void AChildProtectionOverride_PermitsWithoutConsent_WithItsReasonInTheBasis()
    {
        var decision = SharingDecisionPolicy.Decide(
            Ask(DataCategory.AssessmentFamilyAndChildren, SharingPurpose.Safeguarding, "child-protection"), Housing, [ActiveProtocol(FamilyForChildProtection)], [], Now);

        Assert.True(decision.Permitted);
        Assert.Contains("legal basis child-protection: Section 11 duty", decision.Basis, StringComparison.Ordinal);
        Assert.Null(decision.ConsentId);
    }

    [Fact]
    public void AnOverrideTheRulesDoNotProvideFor_IsDenied()
    {
        var decision = SharingDecisionPolicy.Decide(
            Ask(DataCategory.AssessmentHousing, SharingPurpose.DirectCare, "child-protection"), Housing, [ActiveProtocol(HousingByConsent)], [], Now);

        Assert.False(decision.Permitted);
    }

    [Fact]
    public void AnAgencyThatDidNotSign_OrIsInactive_IsDenied()
    {
        var stranger = new Recipient(AgencyId.New(), AgencyType.HousingAndHomelessness, true);
        var consent = Consent.Record(Person, Addiction, "cm", ConsentMethod.Verbal, false,
            [new ConsentProvision(ProvisionType.Permit, [DataCategory.AssessmentHousing], [stranger.Id.Value], [], [])], null, Now);
        var protocol = ActiveProtocol(HousingByConsent);

        Assert.False(SharingDecisionPolicy.Decide(Ask(DataCategory.AssessmentHousing) with { Recipient = stranger.Id }, stranger, [protocol], [consent], Now).Permitted);
        Assert.False(SharingDecisionPolicy.Decide(Ask(DataCategory.AssessmentHousing), Housing with { IsActive = false }, [protocol], [ConsentFor(ProvisionType.Permit, DataCategory.AssessmentHousing)], Now).Permitted);
    }

    [Fact]
    public void ADraftProtocol_CannotActivateWithFewerThanTwoSignatories_AndARetiredOneDecidesNothing()
    {
        var protocol = SharingProtocol.Create("Draft", [HousingByConsent], Now);
        protocol.Sign(0, Housing.Id, true, Now);

        Assert.Equal(nameof(SharingProtocolNeedsSignatoriesRule), Assert.Throws<BusinessRuleViolationException>(() => protocol.Activate(1, Now)).Rule);
        var active = ActiveProtocol(HousingByConsent);
        active.Retire(active.Version, Now);
        Assert.False(SharingDecisionPolicy.Decide(Ask(DataCategory.AssessmentHousing), Housing, [active], [ConsentFor(ProvisionType.Permit, DataCategory.AssessmentHousing)], Now).Permitted);
    }

    [Fact]
    public void AConsentWithAProvisionThatNamesNoRecipient_IsRefused() =>
        Assert.Equal(nameof(ConsentNeedsProvisionsRule), Assert.Throws<BusinessRuleViolationException>(() => Consent.Record(
            Person, Addiction, "cm", ConsentMethod.Written, false,
            [new ConsentProvision(ProvisionType.Permit, [DataCategory.Identity], [], [], [])], null, Now)).Rule);
}

public sealed class ResponseTimeTests
{
    private static readonly WorkingCalendar Scotland = ShippedHolidays.For(Jurisdiction.Scotland);
    private static readonly WorkingCalendar England = ShippedHolidays.For(Jurisdiction.EnglandAndWales);

    private static ResponseTime Working(int days) => new(days, ResponseTimeUnit.WorkingDays);

    [Fact]
    public void WorkingDays_SkipTheWeekend_AndEndAtLocalMidnight()
    {
        // Friday 6 March 2026, 10:00 in London (GMT). Two working days: Monday and Tuesday.
        var due = Working(2).DueFrom(new DateTimeOffset(2026, 3, 6, 10, 0, 0, TimeSpan.Zero), Scotland);

        Assert.Equal(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void WorkingDays_SkipStAndrewsDaySubstituteMonday_InScotlandOnly()
    {
        // Friday 28 November 2025. St Andrew's Day fell on Sunday 30 November, so Monday 1 December 2025 is
        // Scotland's substitute bank holiday (gov.uk). One working day: Tuesday 2 December in Scotland,
        // Monday 1 December in England and Wales.
        var friday = new DateTimeOffset(2025, 11, 28, 15, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2025, 12, 2), Scotland.LastDayOf(Working(1).DueFrom(friday, Scotland)));
        Assert.Equal(new DateOnly(2025, 12, 1), England.LastDayOf(Working(1).DueFrom(friday, England)));
    }

    [Fact]
    public void WorkingDays_SkipEachJurisdictionsOwnHolidays()
    {
        // 2 January is a bank holiday in Scotland only; 17 March (St Patrick's Day) in Northern Ireland and
        // Ireland; the first Monday of August is Scotland's and Ireland's summer holiday, England's is the last.
        Assert.False(Scotland.IsWorkingDay(new DateOnly(2026, 1, 2)));
        Assert.True(England.IsWorkingDay(new DateOnly(2026, 1, 2)));
        Assert.False(ShippedHolidays.For(Jurisdiction.NorthernIreland).IsWorkingDay(new DateOnly(2026, 3, 17)));
        Assert.False(ShippedHolidays.For(Jurisdiction.Ireland).IsWorkingDay(new DateOnly(2026, 3, 17)));
        Assert.True(Scotland.IsWorkingDay(new DateOnly(2026, 3, 17)));
        Assert.False(Scotland.IsWorkingDay(new DateOnly(2026, 8, 3)));
        Assert.True(England.IsWorkingDay(new DateOnly(2026, 8, 3)));
        Assert.False(England.IsWorkingDay(new DateOnly(2026, 8, 31)));
        // Ireland keeps no Good Friday public holiday; the UK does.
        Assert.True(ShippedHolidays.For(Jurisdiction.Ireland).IsWorkingDay(new DateOnly(2026, 4, 3)));
        Assert.False(England.IsWorkingDay(new DateOnly(2026, 4, 3)));
    }

    [Fact]
    public void CalendarDays_CountEveryDay_InSummerTimeToo()
    {
        // Friday 5 June 2026, 23:30 UTC is Saturday 00:30 in London (BST): three calendar days end Tuesday midnight BST.
        var due = new ResponseTime(3, ResponseTimeUnit.CalendarDays).DueFrom(new DateTimeOffset(2026, 6, 5, 23, 30, 0, TimeSpan.Zero), Scotland);

        Assert.Equal(new DateTimeOffset(2026, 6, 9, 23, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void CalendarDays_EndingOnAHoliday_EndOnTheNextWorkingDay()
    {
        // Wednesday 22 December 2027 + 3 days = Christmas Day (Saturday); Boxing Day and both substitute
        // days (27 and 28 December 2027) follow: the deadline is Wednesday 29 December.
        var due = new ResponseTime(3, ResponseTimeUnit.CalendarDays).DueFrom(new DateTimeOffset(2027, 12, 22, 9, 0, 0, TimeSpan.Zero), England);

        Assert.Equal(new DateOnly(2027, 12, 29), England.LastDayOf(due));
    }

    [Fact]
    public void PastTheLastYearLoaded_OnlyWeekendsAreSkipped_AndTheCalendarSaysSo()
    {
        var last = Scotland.List.LastYear;
        var beyond = new DateOnly(last + 1, 11, 30);

        Assert.False(Scotland.Covers(beyond));
        Assert.True(Scotland.Covers(new DateOnly(last, 1, 1)));
        Assert.Contains("skips weekends only", IntegratedCare.BuildingBlocks.Application.Calendar.CalendarWarnings.For(Scotland, beyond));
    }
}
