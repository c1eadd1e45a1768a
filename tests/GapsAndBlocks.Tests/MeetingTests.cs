using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.GapsAndBlocks.Domain.Meetings;
using static GapsAndBlocks.Tests.TestForms;

namespace GapsAndBlocks.Tests;

/// <summary>Sub-group and NDRIC meetings: scheduled ahead (or recorded as held, within a year), minuted once, on or after the day.</summary>
public sealed class MeetingTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void ASubGroupMeeting_ScheduledForToday_KeepsItsArea_AndAwaitsItsMinutes()
    {
        var meeting = Meeting.Schedule(MeetingKind.SubGroup, Area, Today, Today, heldAlready: false, "co");

        Assert.Equal((MeetingKind.SubGroup, (Guid?)Area, Today, "co", 0L), (meeting.Kind, meeting.AreaId, meeting.HeldOn, meeting.ScheduledBy, meeting.Version));
        Assert.Equal(((DateTimeOffset?)null, string.Empty), (meeting.MinutedAt, meeting.MinutedBy));
        Assert.Empty(meeting.Minutes);
        Assert.Empty(meeting.DomainEvents);
    }

    [Fact]
    public void AnNdricMeeting_BelongsToNoArea_EvenIfOneIsGiven()
    {
        var meeting = Meeting.Schedule(MeetingKind.Ndric, Area, Today.AddDays(30), Today, heldAlready: false, "nc");

        Assert.Null(meeting.AreaId);
    }

    [Fact]
    public void AMeetingScheduledForAPastDay_IsRefused_UnlessRecordedAsHeld()
    {
        var refused = Assert.Throws<BusinessRuleViolationException>(() => Meeting.Schedule(MeetingKind.SubGroup, Area, Today.AddDays(-1), Today, heldAlready: false, "co"));

        Assert.Equal(nameof(MeetingIsScheduledAheadRule), refused.Rule);
        Assert.Contains("2026-11-22 is past (today is 2026-11-23)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(Today.AddDays(-1), Meeting.Schedule(MeetingKind.SubGroup, Area, Today.AddDays(-1), Today, heldAlready: true, "co").HeldOn);
    }

    [Theory]
    [InlineData(0, "has not been held yet")]
    [InlineData(7, "has not been held yet")]
    [InlineData(-367, "more than 366 days ago")]
    public void AMeetingRecordedAsHeld_IsForAPastDayWithinAYear(int days, string why)
    {
        var refused = Assert.Throws<BusinessRuleViolationException>(() => Meeting.Schedule(MeetingKind.Ndric, null, Today.AddDays(days), Today, heldAlready: true, "nc"));

        Assert.Equal(nameof(MeetingIsScheduledAheadRule), refused.Rule);
        Assert.Contains(why, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-366)]
    public void AMeetingHeldUpTo366DaysAgo_MayBeRecorded(int days)
    {
        Assert.Equal(Today.AddDays(days), Meeting.Schedule(MeetingKind.SubGroup, Area, Today.AddDays(days), Today, heldAlready: true, "co").HeldOn);
    }

    [Fact]
    public void TodayIsTheMeetingsCalendarsToday_SoLateEveningUtcIsAlreadyTomorrow()
    {
        // 23:30 UTC on 10 June 2026 is 11 June in Scotland (BST): a meeting on the 10th is then past.
        var lateEvening = new DateTimeOffset(2026, 6, 10, 23, 30, 0, TimeSpan.Zero);
        var tenth = new DateOnly(2026, 6, 10);

        Assert.Equal(tenth, Meeting.Schedule(MeetingKind.SubGroup, Area, tenth, DateOnly.FromDateTime(lateEvening.UtcDateTime), heldAlready: false, "co").HeldOn);
        Assert.Equal(nameof(MeetingIsScheduledAheadRule), Refused(() => Meeting.Schedule(MeetingKind.SubGroup, Area, tenth, Scotland.Today(lateEvening), heldAlready: false, "co")));
    }

    [Fact]
    public void Minutes_RecordedOnTheMeetingsDay_AreKept_AsGiven()
    {
        var meeting = Meeting.Schedule(MeetingKind.SubGroup, Area, Today, Today, heldAlready: false, "co");
        var items = new List<MinuteItem>
        {
            new(Guid.NewGuid(), ItemDecision.Resolved, "Places agreed", false),
            new(Guid.NewGuid(), ItemDecision.ReferredUp, "National gap", false),
            new(Guid.NewGuid(), ItemDecision.Deferred, "Papers late", true),
        };
        var expected = items.ToList();

        meeting.RecordMinutes(0, items, "sg", Now, Today);
        items.Clear();

        Assert.Equal(expected, meeting.Minutes);
        Assert.Equal(((DateTimeOffset?)Now, "sg", 1L), (meeting.MinutedAt, meeting.MinutedBy, meeting.Version));
    }

    [Fact]
    public void MinutesBeforeTheMeetingsDay_AreRefused()
    {
        var meeting = Meeting.Schedule(MeetingKind.SubGroup, Area, Today.AddDays(1), Today, heldAlready: false, "co");

        Assert.Equal(nameof(MinutesFollowTheMeetingRule), Refused(() => meeting.RecordMinutes(0, [], "sg", Now, Today)));
        Assert.Equal(((DateTimeOffset?)null, 0L), (meeting.MinutedAt, meeting.Version));
        meeting.RecordMinutes(0, [], "sg", Now.AddDays(1), Today.AddDays(1));
        Assert.Equal((DateTimeOffset?)Now.AddDays(1), meeting.MinutedAt);
    }

    [Fact]
    public void AMeetingIsMinutedOnce()
    {
        var meeting = Meeting.Schedule(MeetingKind.SubGroup, Area, Today, Today, heldAlready: false, "co");
        MinuteItem first = new(Guid.NewGuid(), ItemDecision.Resolved, "Done", false);
        meeting.RecordMinutes(0, [first], "sg", Now, Today);

        Assert.Equal(nameof(MinutesAreRecordedOnceRule), Refused(() => meeting.RecordMinutes(1, [], "other", Now.AddDays(1), Today.AddDays(1))));
        Assert.Equal([first], meeting.Minutes);
        Assert.Equal(("sg", (DateTimeOffset?)Now, 1L), (meeting.MinutedBy, meeting.MinutedAt, meeting.Version));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void MinutesAgainstAnotherVersion_AreAConflict(long version)
    {
        var meeting = Meeting.Schedule(MeetingKind.SubGroup, Area, Today, Today, heldAlready: false, "co");

        var conflict = Assert.Throws<ConcurrencyConflictException>(() => meeting.RecordMinutes(version, [], "sg", Now, Today));

        Assert.Equal((nameof(Meeting), (long?)version, (long?)0), (conflict.Aggregate, conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Null(meeting.MinutedAt);
    }

    [Fact]
    public void Ndric_RefersNothingUp_ButResolvesAndDefers()
    {
        var refused = Meeting.Schedule(MeetingKind.Ndric, null, Today, Today, heldAlready: false, "nc");
        var decided = Meeting.Schedule(MeetingKind.Ndric, null, Today, Today, heldAlready: false, "nc");

        Assert.Equal(
            nameof(NdricRefersNothingUpRule),
            Refused(() => refused.RecordMinutes(0, [new(Guid.NewGuid(), ItemDecision.Resolved, "Fund", false), new(Guid.NewGuid(), ItemDecision.ReferredUp, "Up?", false)], "nc", Now, Today)));
        decided.RecordMinutes(0, [new(Guid.NewGuid(), ItemDecision.Resolved, "Fund", false), new(Guid.NewGuid(), ItemDecision.Deferred, "Costs", false)], "nc", Now, Today);

        Assert.Equal(((DateTimeOffset?)null, 0), (refused.MinutedAt, refused.Minutes.Count));
        Assert.Equal(2, decided.Minutes.Count);
    }
}
