namespace IntegratedCare.BuildingBlocks.Domain.Calendar;

/// <summary>
/// The calendars deadlines are counted in. Each has its own public holidays; the UK three share one clock
/// (Europe/London), Ireland has its own (Europe/Dublin).
/// </summary>
public enum Jurisdiction
{
    Scotland = 1,
    EnglandAndWales = 2,
    NorthernIreland = 3,
    Ireland = 4,
}

/// <summary>One public holiday as published (the UK government's bank-holidays.json, or Ireland's list).</summary>
public sealed record PublicHoliday(DateOnly Date, string Title, string Notes);

/// <summary>A jurisdiction's holidays for the years from <see cref="FirstYear"/> to <see cref="LastYear"/>.</summary>
public sealed record HolidayList(Jurisdiction Jurisdiction, int FirstYear, int LastYear, IReadOnlyList<PublicHoliday> Holidays);

/// <summary>
/// Working days and deadlines in one jurisdiction's calendar: Monday to Friday except its public holidays.
/// A deadline of N days ends at the end of its last day in the jurisdiction's local time; a last day that is
/// not a working day moves to the next working day, as statutory time limits do. Past the last year whose
/// holidays are known only weekends are skipped, and <see cref="Covers"/> says so, so callers warn.
/// </summary>
public sealed class WorkingCalendar
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeZoneInfo Dublin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Dublin");

    private readonly HashSet<DateOnly> _holidays;

    public WorkingCalendar(HolidayList list)
    {
        List = list;
        _holidays = list.Holidays.Select(h => h.Date).ToHashSet();
    }

    public HolidayList List { get; }

    public Jurisdiction Jurisdiction => List.Jurisdiction;

    public TimeZoneInfo Zone => ZoneOf(Jurisdiction);

    public static TimeZoneInfo ZoneOf(Jurisdiction jurisdiction) => jurisdiction == Jurisdiction.Ireland ? Dublin : London;

    /// <summary>The IANA name of the jurisdiction's clock.</summary>
    public static string TimeZoneIdOf(Jurisdiction jurisdiction) => jurisdiction == Jurisdiction.Ireland ? "Europe/Dublin" : "Europe/London";

    /// <summary>Whether the holidays of <paramref name="day"/>'s year are known.</summary>
    public bool Covers(DateOnly day) => day.Year >= List.FirstYear && day.Year <= List.LastYear;

    public bool IsHoliday(DateOnly day) => _holidays.Contains(day);

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday && !_holidays.Contains(day);

    /// <summary>Today's date in the jurisdiction at <paramref name="now"/>.</summary>
    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);

    /// <summary>The <paramref name="count"/>th working day after <paramref name="from"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly from, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = from;
        var remaining = count;
        while (remaining > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                remaining--;
            }
        }

        return day;
    }

    /// <summary>The <paramref name="count"/>th day after <paramref name="from"/>, or the working day after it when it is not one.</summary>
    public DateOnly AddDays(DateOnly from, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = from.AddDays(count);
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>The instant <paramref name="day"/> ends in the jurisdiction (midnight after it, local time), in UTC.</summary>
    public DateTimeOffset EndOf(DateOnly day)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(midnight, Zone), TimeSpan.Zero);
    }

    /// <summary>The last day of a deadline that ends at <paramref name="end"/> (see <see cref="EndOf"/>).</summary>
    public DateOnly LastDayOf(DateTimeOffset end) => Today(end.AddTicks(-1));

    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/> in the jurisdiction's dates (negative when before).</summary>
    public static int DaysBetween(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;
}
