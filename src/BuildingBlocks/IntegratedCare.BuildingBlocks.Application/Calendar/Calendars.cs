using System.Globalization;
using System.Text.Json;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Domain.Calendar;

namespace IntegratedCare.BuildingBlocks.Application.Calendar;

/// <summary>
/// The one calendar service every deadline and sweep uses. The holidays shipped with the system are
/// replaced, jurisdiction by jurisdiction, by any file an administrator loaded later.
/// </summary>
public interface IWorkingCalendars
{
    WorkingCalendar For(Jurisdiction jurisdiction);

    /// <summary>The calendar of what belongs to no area (national meetings, agencies without one): <c>Calendar:National</c>, Scotland by default.</summary>
    WorkingCalendar National { get; }

    /// <summary>
    /// The latest "today" of any jurisdiction at <paramref name="now"/>: what a query over every area seeks
    /// up to (the UK's and Ireland's clocks agree, so it is every jurisdiction's today).
    /// </summary>
    DateOnly LatestToday(DateTimeOffset now) => Enum.GetValues<Jurisdiction>().Max(j => For(j).Today(now));
}

public static class CalendarWarnings
{
    /// <summary>How far ahead the system looks for deadlines past the last year of holidays loaded (logs, health, admin page).</summary>
    public const int HorizonDays = 90;

    /// <summary>The warning to show when a deadline falls in a year whose holidays are not loaded, else null.</summary>
    public static string? For(WorkingCalendar calendar, DateOnly lastDay) =>
        calendar.Covers(lastDay)
            ? null
            : $"No public holidays are loaded for {JurisdictionNames.Display(calendar.Jurisdiction)} in {lastDay.Year}: this deadline skips weekends only. An administrator can load a newer holidays file.";
}

public static class JurisdictionNames
{
    /// <summary>The division names of the UK government's bank-holidays.json, and "ireland".</summary>
    public static readonly IReadOnlyDictionary<string, Jurisdiction> Divisions = new Dictionary<string, Jurisdiction>(StringComparer.Ordinal)
    {
        ["scotland"] = Jurisdiction.Scotland,
        ["england-and-wales"] = Jurisdiction.EnglandAndWales,
        ["northern-ireland"] = Jurisdiction.NorthernIreland,
        ["ireland"] = Jurisdiction.Ireland,
    };

    public static string Division(Jurisdiction jurisdiction) => Divisions.Single(d => d.Value == jurisdiction).Key;

    public static string Display(Jurisdiction jurisdiction) => jurisdiction switch
    {
        Jurisdiction.Scotland => "Scotland",
        Jurisdiction.EnglandAndWales => "England and Wales",
        Jurisdiction.NorthernIreland => "Northern Ireland",
        Jurisdiction.Ireland => "Ireland",
        _ => jurisdiction.ToString(),
    };
}

/// <summary>
/// Reads a holidays file in the format of https://www.gov.uk/bank-holidays.json: an object whose keys are
/// divisions ("england-and-wales", "scotland", "northern-ireland", and here also "ireland"), each with
/// <c>events</c> of <c>{ "title", "date": "yyyy-MM-dd", "notes" }</c>. A division covers the years from its
/// first event's to its last event's. Every problem is reported with the path of the value at fault.
/// </summary>
public static class HolidaysFile
{
    public const int MaxBytes = 1_000_000;
    public const int MaxEventsPerDivision = 2_000;

    public static (IReadOnlyList<HolidayList> Lists, IReadOnlyList<(string Field, string Problem)> Problems) Parse(string json)
    {
        var problems = new List<(string, string)>();
        var lists = new List<HolidayList>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException ex)
        {
            return ([], [("file", $"is not JSON ({ex.Message.Split('.')[0]})")]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ([], [("file", "must be an object of divisions, as https://www.gov.uk/bank-holidays.json")]);
            }

            foreach (var division in document.RootElement.EnumerateObject())
            {
                var at = $"file.{division.Name}";
                if (!JurisdictionNames.Divisions.TryGetValue(division.Name, out var jurisdiction))
                {
                    problems.Add((at, $"is not a division this system counts in (one of {string.Join(", ", JurisdictionNames.Divisions.Keys)})"));
                    continue;
                }

                if (division.Value.ValueKind != JsonValueKind.Object || !division.Value.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
                {
                    problems.Add((at, "must hold an \"events\" array"));
                    continue;
                }

                if (events.GetArrayLength() is 0 or > MaxEventsPerDivision)
                {
                    problems.Add(($"{at}.events", $"must hold 1 to {MaxEventsPerDivision} events"));
                    continue;
                }

                var holidays = new List<PublicHoliday>();
                var index = 0;
                foreach (var e in events.EnumerateArray())
                {
                    var eventAt = $"{at}.events[{index++}]";
                    var date = e.ValueKind == JsonValueKind.Object && e.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                    var title = e.ValueKind == JsonValueKind.Object && e.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                    var notes = e.ValueKind == JsonValueKind.Object && e.TryGetProperty("notes", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : "";
                    if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day.Year is < 2000 or > 2100)
                    {
                        problems.Add(($"{eventAt}.date", "must be a date yyyy-MM-dd between 2000 and 2100"));
                        continue;
                    }

                    if (string.IsNullOrWhiteSpace(title) || title.Length > 200)
                    {
                        problems.Add(($"{eventAt}.title", "must be 1 to 200 characters"));
                        continue;
                    }

                    holidays.Add(new PublicHoliday(day, title.Trim(), (notes ?? "").Trim()));
                }

                if (holidays.Count > 0)
                {
                    var ordered = holidays.DistinctBy(h => h.Date).OrderBy(h => h.Date).ToList();
                    lists.Add(new HolidayList(jurisdiction, ordered[0].Date.Year, ordered[^1].Date.Year, ordered));
                }
            }
        }

        if (problems.Count == 0 && lists.Count == 0)
        {
            problems.Add(("file", "holds no division"));
        }

        return (lists, problems);
    }
}

/// <summary>A jurisdiction's calendar as an administrator sees it.</summary>
public sealed record HolidayCalendarDto(Jurisdiction Jurisdiction, string Division, int FirstYear, int LastYear, IReadOnlyList<PublicHoliday> Holidays, string Source, DateTimeOffset? LoadedAt, string LoadedBy);

/// <summary>
/// Loads a newer holidays file (gov.uk bank-holidays.json format, with "ireland" as a further division).
/// Each division in the file replaces that jurisdiction's holidays; divisions it leaves out keep theirs.
/// </summary>
[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Update, "holiday-calendar")]
public sealed record LoadHolidaysCommand(string File) : ICommand<IReadOnlyList<HolidayCalendarDto>>;

/// <summary>Every jurisdiction's holidays and where they came from. Open to any member of staff or agency.</summary>
[Authorize]
[Audit(AuditAction.Read, "holiday-calendar")]
public sealed record ListHolidayCalendarsQuery : IQuery<IReadOnlyList<HolidayCalendarDto>>;

internal sealed class LoadHolidaysValidator : AbstractValidator<LoadHolidaysCommand>
{
    public LoadHolidaysValidator()
    {
        RuleFor(x => x.File).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("is required")
            .Must(f => f.Length <= HolidaysFile.MaxBytes).WithMessage($"must be at most {HolidaysFile.MaxBytes} characters")
            .Custom((file, context) =>
            {
                foreach (var (field, problem) in HolidaysFile.Parse(file).Problems)
                {
                    context.AddFailure(field, problem);
                }
            });
    }
}
