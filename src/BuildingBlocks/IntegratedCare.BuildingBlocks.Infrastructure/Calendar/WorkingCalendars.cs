using System.Text.Json;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Calendar;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Domain.Calendar;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Calendar;

/// <summary>A jurisdiction's holidays as an administrator last loaded them; the shipped file's otherwise.</summary>
public sealed class HolidayCalendarRow
{
    public Jurisdiction Jurisdiction { get; set; }

    public int FirstYear { get; set; }

    public int LastYear { get; set; }

    public List<PublicHoliday> Holidays { get; set; } = [];

    public DateTimeOffset LoadedAt { get; set; }

    public required string LoadedBy { get; set; }
}

/// <summary>
/// The holidays in memory: the file shipped in this assembly (<c>bank-holidays.json</c>, generated from the
/// published lists; see README), overridden per jurisdiction by rows an administrator loaded.
/// </summary>
internal sealed class WorkingCalendars(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<WorkingCalendars> logger) : IWorkingCalendars
{
    private readonly Jurisdiction _national = configuration.GetValue("Calendar:National", Jurisdiction.Scotland);

    /// <summary>Its name among the shared caches: a load on any host is re-read on every host.</summary>
    public const string CacheName = "holidays";

    public const string ShippedSource = "shipped with IntegratedCare (bank-holidays.json)";

    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(IReadOnlyDictionary<Jurisdiction, WorkingCalendar> Calendars, IReadOnlyDictionary<Jurisdiction, HolidayCalendarRow> Loaded);

    public WorkingCalendar For(Jurisdiction jurisdiction)
    {
        var snapshot = _snapshot ?? Load();
        return snapshot.Calendars.TryGetValue(jurisdiction, out var calendar)
            ? calendar
            : throw new ArgumentOutOfRangeException(nameof(jurisdiction), jurisdiction, "No calendar for this jurisdiction.");
    }

    public WorkingCalendar National => For(_national);

    public IReadOnlyList<HolidayCalendarDto> Describe()
    {
        var snapshot = _snapshot ?? Load();
        return snapshot.Calendars.Values.OrderBy(c => c.Jurisdiction).Select(c =>
        {
            var loaded = snapshot.Loaded.GetValueOrDefault(c.Jurisdiction);
            return new HolidayCalendarDto(c.Jurisdiction, JurisdictionNames.Division(c.Jurisdiction), c.List.FirstYear, c.List.LastYear, c.List.Holidays,
                loaded is null ? ShippedSource : "loaded by an administrator", loaded?.LoadedAt, loaded?.LoadedBy ?? string.Empty);
        }).ToList();
    }

    /// <summary>Reads the holidays afresh (after a load commits).</summary>
    public void Reload()
    {
        _snapshot = null;
        Load();
    }

    private Snapshot Load()
    {
        var loaded = new Dictionary<Jurisdiction, HolidayCalendarRow>();
        try
        {
            using var scope = scopes.CreateScope();
            foreach (var row in scope.ServiceProvider.GetRequiredService<PlatformDbContext>().HolidayCalendars.AsNoTracking().ToList())
            {
                loaded[row.Jurisdiction] = row;
            }
        }
        catch (Exception ex) when (StorageHealth.IsMissingTable(ex))
        {
            // Before the platform migrations ran (design-time tools): the shipped holidays alone.
        }

        var calendars = ShippedHolidays.Lists.ToDictionary(l => l.Jurisdiction, l => new WorkingCalendar(l));
        foreach (var row in loaded.Values)
        {
            calendars[row.Jurisdiction] = new WorkingCalendar(new HolidayList(row.Jurisdiction, row.FirstYear, row.LastYear, row.Holidays));
        }

        foreach (var calendar in calendars.Values)
        {
            logger.LogInformation("Holidays for {Jurisdiction}: {First}–{Last}, {Count} days", calendar.Jurisdiction, calendar.List.FirstYear, calendar.List.LastYear, calendar.List.Holidays.Count);
            if (calendar.List.LastYear < DateOnly.FromDateTime(DateTime.UtcNow).AddDays(CalendarWarnings.HorizonDays).Year)
            {
                logger.LogWarning(
                    "Public holidays for {Jurisdiction} are loaded only to the end of {Last}: deadlines after that skip weekends only. Load a newer holidays file (Areas page, or AgencyService/LoadHolidays).",
                    calendar.Jurisdiction, calendar.List.LastYear);
            }

        }

        var snapshot = new Snapshot(calendars, loaded);
        _snapshot = snapshot;
        return snapshot;
    }
}

/// <summary>The holidays shipped in this assembly: Calendar/bank-holidays.json (see README, "Calendar").</summary>
public static class ShippedHolidays
{
    private static readonly Lazy<IReadOnlyList<HolidayList>> Loaded = new(Load);

    public static IReadOnlyList<HolidayList> Lists => Loaded.Value;

    public static WorkingCalendar For(Jurisdiction jurisdiction) => new(Lists.Single(l => l.Jurisdiction == jurisdiction));

    private static IReadOnlyList<HolidayList> Load()
    {
        using var stream = typeof(ShippedHolidays).Assembly.GetManifestResourceStream("IntegratedCare.BuildingBlocks.Infrastructure.Calendar.bank-holidays.json")
            ?? throw new InvalidOperationException("The shipped holidays file is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var (lists, problems) = HolidaysFile.Parse(reader.ReadToEnd());
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The shipped holidays file is invalid: {problems[0].Field} {problems[0].Problem}");
        }

        var missing = Enum.GetValues<Jurisdiction>().Except(lists.Select(l => l.Jurisdiction)).ToList();
        return missing.Count > 0
            ? throw new InvalidOperationException($"The shipped holidays file lacks {string.Join(", ", missing)}.")
            : lists;
    }
}

internal sealed class LoadHolidaysHandler(PlatformDbContext db, WorkingCalendars calendars, IUnitOfWork unitOfWork, ICurrentActor current, IAuditScope audit, TimeProvider clock, Application.Caching.ISharedCaches caches)
    : IRequestHandler<LoadHolidaysCommand, IReadOnlyList<HolidayCalendarDto>>
{
    public async Task<IReadOnlyList<HolidayCalendarDto>> Handle(LoadHolidaysCommand request, CancellationToken cancellationToken)
    {
        var (lists, _) = HolidaysFile.Parse(request.File);
        var now = clock.GetUtcNow();
        foreach (var list in lists)
        {
            var row = await db.HolidayCalendars.SingleOrDefaultAsync(r => r.Jurisdiction == list.Jurisdiction, cancellationToken);
            if (row is null)
            {
                row = new HolidayCalendarRow { Jurisdiction = list.Jurisdiction, LoadedBy = current.Required.Id };
                db.HolidayCalendars.Add(row);
            }

            row.FirstYear = list.FirstYear;
            row.LastYear = list.LastYear;
            row.Holidays = list.Holidays.ToList();
            row.LoadedAt = now;
            row.LoadedBy = current.Required.Id;
        }

        audit.Resource(string.Join(",", lists.Select(l => JurisdictionNames.Division(l.Jurisdiction))));
        unitOfWork.AfterCommit(calendars.Reload);
        await caches.ChangedAsync(WorkingCalendars.CacheName, cancellationToken);
        var shown = lists.Select(l => l.Jurisdiction).ToHashSet();
        return lists.Select(l => new HolidayCalendarDto(l.Jurisdiction, JurisdictionNames.Division(l.Jurisdiction), l.FirstYear, l.LastYear, l.Holidays, "loaded by an administrator", now, current.Required.Id))
            .Concat(calendars.Describe().Where(d => !shown.Contains(d.Jurisdiction)))
            .OrderBy(d => d.Jurisdiction)
            .ToList();
    }
}

internal sealed class ListHolidayCalendarsHandler(WorkingCalendars calendars) : IRequestHandler<ListHolidayCalendarsQuery, IReadOnlyList<HolidayCalendarDto>>
{
    public Task<IReadOnlyList<HolidayCalendarDto>> Handle(ListHolidayCalendarsQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(calendars.Describe());
}
