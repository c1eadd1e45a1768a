using System.Globalization;
using System.Text;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.GetWaitingTimesReport;

public enum WaitingTimesDimension
{
    Area = 1,
    Agency = 2,
}

/// <summary>
/// One row of the waiting-time report. A null cell is suppressed (under five, or one the others would give away);
/// the median and the share within the standard are shown only over five or more who started.
/// </summary>
public sealed record WaitingTimesRow(
    string Key,
    int? Referred,
    int? Started,
    int? WithinOneWeek,
    int? OneToThreeWeeks,
    int? ThreeToSixWeeks,
    int? OverSixWeeks,
    int? WaitingOverThreeWeeks,
    double? MedianDaysToStart,
    double? ShareWithinStandard);

public sealed record WaitingTimesReportDto(
    WaitingTimesDimension Dimension, DateOnly From, DateOnly To, int StandardDays, double StandardShare, IReadOnlyList<WaitingTimesRow> Rows, WaitingTimesRow Total, int SuppressedCells, string Csv);

/// <summary>
/// Waiting times as Scotland reports them nationally (DAISy): from a referral's arrival at an agency to the first
/// action of that agency in the person's plan starting (its first progress in progress or completed), against the
/// standard that 90% start within three weeks. Per area of the receiving agency, or per agency: the referrals
/// received in the period (turned-away ones left out), how many started and how long they waited, and how many
/// still wait beyond three weeks (of the referrals still open). A wait runs from the referral's arrival (made
/// electronically, it arrives when it is made). Only counts leave the module; small cells are suppressed.
/// </summary>
[Authorize(Roles.RehabilitationCoordinator, Roles.SubgroupMember, Roles.NationalCoordinator, Roles.SystemAdmin)]
[Audit(AuditAction.Read, "waiting-times-report")]
public sealed record GetWaitingTimesReportQuery(WaitingTimesDimension? Dimension, string From, string To, string AreaId) : IQuery<WaitingTimesReportDto>;

internal sealed class GetWaitingTimesReportValidator : AbstractValidator<GetWaitingTimesReportQuery>
{
    public GetWaitingTimesReportValidator()
    {
        RuleFor(x => x.Dimension).NotNull().WithMessage("is required: area or agency").IsInEnum().WithMessage("is not area or agency");
        PlanRules.WholeQuarters(this, x => x.From, x => x.To);
        RuleFor(x => x.AreaId).MustBeId().When(x => !string.IsNullOrEmpty(x.AreaId));
    }
}

internal sealed class GetWaitingTimesReportHandler(ICarePlanRepository plans, IMediator mediator, TimeProvider clock) : IRequestHandler<GetWaitingTimesReportQuery, WaitingTimesReportDto>
{
    /// <summary>The Scottish standard: 90% start treatment within three weeks of referral.</summary>
    public const int StandardDays = 21;

    public const double StandardShare = 0.9;

    public async Task<WaitingTimesReportDto> Handle(GetWaitingTimesReportQuery request, CancellationToken cancellationToken)
    {
        var from = IsoDates.Parse(request.From)!.Value;
        var to = IsoDates.Parse(request.To)!.Value;
        Guid? onlyArea = string.IsNullOrEmpty(request.AreaId) ? null : Guid.Parse(request.AreaId);
        var referrals = (await mediator.Send(new ReferralsReceivedQuery(Instant(from), Instant(to)), cancellationToken)).Where(r => !r.TurnedAway).ToList();
        var actions = (await plans.ActionsOfAsync([.. referrals.Select(r => r.ServiceUserId)], cancellationToken))
            .GroupBy(p => p.ServiceUserId)
            .ToDictionary(g => g.Key, g => g.SelectMany(p => p.Actions).ToList());

        var agencies = new Dictionary<Guid, AgencyProfile?>();
        foreach (var agency in referrals.Select(r => r.ToAgencyId).Distinct())
        {
            agencies[agency] = await mediator.Send(new AgencyProfileQuery(agency.ToString("D")), cancellationToken);
        }

        var areaNames = new Dictionary<Guid, string>();
        foreach (var area in agencies.Values.SelectMany(a => a?.AreaIds ?? []).Distinct())
        {
            areaNames[area] = (await mediator.Send(new AreaProfileQuery(area.ToString("D")), cancellationToken))?.Name ?? area.ToString("D");
        }

        var now = clock.GetUtcNow();
        var waits = referrals
            // One area: its single-area agencies, exactly its row in the report by area (an agency serving several
            // areas is counted in none of them alone, so no filtered report differs from the whole by a few people).
            .Where(r => onlyArea is not { } only || agencies[r.ToAgencyId]?.AreaIds is [var area] && area == only)
            .Select(r => (Referral: r, Started: FirstStart(actions.GetValueOrDefault(r.ServiceUserId) ?? [], r)))
            .ToList();
        string AreaOf(Guid agency) => agencies[agency]?.AreaIds is [var area] ? areaNames[area] : "Agencies serving several areas or none";
        var rows = request.Dimension == WaitingTimesDimension.Agency
            ? waits.GroupBy(w => w.Referral.ToAgencyId)
                .Select(g => (Area: AreaOf(g.Key), Row: Count(agencies[g.Key]?.Name ?? "Unknown agency", g, now)))
                .OrderBy(r => r.Area, StringComparer.Ordinal).ThenBy(r => r.Row.Key, StringComparer.Ordinal)
                .ToList()
            : waits.GroupBy(w => AreaOf(w.Referral.ToAgencyId))
                .Select(g => (Area: g.Key, Row: Count(g.Key, g, now)))
                .OrderBy(r => r.Area, StringComparer.Ordinal)
                .ToList();

        // By agency, each area's agencies add up to the area's row of the report by area: protected as a group too.
        var (shown, suppressed) = WaitingTimesSuppression.Apply([.. rows.Select(r => r.Row)], Count("Total", waits, now), [.. rows.Select(r => r.Area)]);
        return new WaitingTimesReportDto(request.Dimension!.Value, from, to, StandardDays, StandardShare, [.. shown.Take(shown.Count - 1)], shown[^1], suppressed, Csv(shown));
    }

    private static DateTimeOffset Instant(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>
    /// When the receiving agency's first action for the person got under way after the referral reached it: an action's
    /// start is its first progress in progress or completed, and an action already under way before the referral is
    /// not this referral's start.
    /// </summary>
    private static DateTimeOffset? FirstStart(IReadOnlyList<PlanAction> actions, ReceivedReferral referral) =>
        actions.Where(a => a.AgencyId == referral.ToAgencyId)
            .Select(a => a.Progress.Where(p => p.Status is ActionStatus.InProgress or ActionStatus.Completed).Select(p => (DateTimeOffset?)p.At).Min())
            .Where(start => start >= referral.ReceivedAt)
            .Min();

    private static RawWaitingRow Count(string key, IEnumerable<(ReceivedReferral Referral, DateTimeOffset? Started)> waits, DateTimeOffset now)
    {
        var counts = new int[7];
        var days = new List<double>();
        foreach (var (referral, started) in waits)
        {
            counts[0]++;
            if (started is { } at)
            {
                var waited = (at - referral.ReceivedAt).TotalDays;
                days.Add(waited);
                counts[1]++;
                counts[waited <= 7 ? 2 : waited <= StandardDays ? 3 : waited <= 42 ? 4 : 5]++;
            }
            else if (referral.Open && (now - referral.ReceivedAt).TotalDays > StandardDays)
            {
                counts[6]++;
            }
        }

        days.Sort();
        double? median = days.Count == 0 ? null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2;
        return new RawWaitingRow(key, counts, median is { } m ? Math.Round(m, MidpointRounding.AwayFromZero) : null);
    }

    private static string Csv(IReadOnlyList<WaitingTimesRow> rows)
    {
        var csv = new StringBuilder("group,referred,started,within_1_week,1_to_3_weeks,3_to_6_weeks,over_6_weeks,waiting_over_3_weeks,median_days_to_start,share_within_3_weeks\r\n");
        foreach (var r in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Quote(r.Key)},{r.Referred},{r.Started},{r.WithinOneWeek},{r.OneToThreeWeeks},{r.ThreeToSixWeeks},{r.OverSixWeeks},{r.WaitingOverThreeWeeks},{r.MedianDaysToStart},{r.ShareWithinStandard}\r\n");
        }

        return csv.ToString();
    }

    /// <summary>A name may hold a comma or a quote; a leading formula character is neutralised for spreadsheets.</summary>
    private static string Quote(string text)
    {
        var safe = text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}

/// <summary>A row before suppression: referred, started, the four waits, waiting over three weeks; and the median wait.</summary>
internal sealed record RawWaitingRow(string Key, int[] Counts, double? Median);

/// <summary>
/// The planning report's disclosure control, with what these counts add: a count under five is suppressed
/// (primary), and so is a count whose unpublished difference from its whole is under five (12 referred and 11
/// started says one did not). Then, while a suppressed cell could be worked out by subtraction — the only one of a
/// column against the total row, of a row's four waits against those who started, or (by agency) of an area's
/// agencies against the area's row in the report by area — the smallest other cell there is suppressed too. The
/// median (to the day) and the share within three weeks are shown only over ten or more who started, and only where
/// the count of those who started is shown.
/// </summary>
internal static class WaitingTimesSuppression
{
    public const int Threshold = 5;

    public const int MedianThreshold = 10;

    private static readonly int[] Waits = [2, 3, 4, 5];

    /// <summary>(part, whole, others): the part is hidden when whole − part − others is under five.</summary>
    private static readonly (int Part, int Whole, int[] Others)[] Differences = [(1, 0, []), (6, 0, [1])];

    public static (IReadOnlyList<WaitingTimesRow> Rows, int Suppressed) Apply(IReadOnlyList<RawWaitingRow> body, RawWaitingRow total, IReadOnlyList<string>? areas = null)
    {
        var all = body.Append(total).ToList();
        var hidden = all.Select(r => r.Counts.Select(c => c < Threshold).ToArray()).ToList();
        for (var row = 0; row < all.Count; row++)
        {
            foreach (var (part, whole, others) in Differences)
            {
                hidden[row][part] |= all[row].Counts[whole] - all[row].Counts[part] - others.Sum(o => all[row].Counts[o]) < Threshold;
            }
        }

        // Rows of the same area (by agency): they add up to a row published elsewhere.
        var areaGroups = areas is null ? [] : Enumerable.Range(0, body.Count).GroupBy(i => areas[i]).Where(g => g.Count() > 1).Select(g => g.ToList()).ToList();
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var column = 0; column < total.Counts.Length; column++)
            {
                changed |= Protect([.. Enumerable.Range(0, all.Count).Select(r => (r, column))], all, hidden);
                foreach (var group in areaGroups)
                {
                    changed |= Protect([.. group.Select(r => (r, column))], all, hidden);
                }
            }

            for (var row = 0; row < all.Count; row++)
            {
                changed |= Protect([.. Waits.Append(1).Select(c => (row, c))], all, hidden);
            }
        }

        var rows = all.Select((r, i) =>
        {
            int? Show(int column) => hidden[i][column] ? null : r.Counts[column];
            var enough = r.Counts[1] >= MedianThreshold && !hidden[i][1];
            double? share = enough && !hidden[i][2] && !hidden[i][3] ? Math.Round((double)(r.Counts[2] + r.Counts[3]) / r.Counts[1], 3) : null;
            return new WaitingTimesRow(r.Key, Show(0), Show(1), Show(2), Show(3), Show(4), Show(5), Show(6), enough ? r.Median : null, share);
        }).ToList();
        return (rows, hidden.Sum(h => h.Count(x => x)));
    }

    /// <summary>In a group of cells that add up (the last the sum of the others, or the column's total row), a lone hidden cell gets company.</summary>
    private static bool Protect(List<(int Row, int Column)> cells, List<RawWaitingRow> all, List<bool[]> hidden)
    {
        if (cells.Count(c => hidden[c.Row][c.Column]) != 1)
        {
            return false;
        }

        var shown = cells.Where(c => !hidden[c.Row][c.Column]).OrderBy(c => all[c.Row].Counts[c.Column]).ToList();
        if (shown.Count == 0)
        {
            return false;
        }

        hidden[shown[0].Row][shown[0].Column] = true;
        return true;
    }
}
