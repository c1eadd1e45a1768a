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

namespace IntegratedCare.CarePlan.Application.Plans.GetOutcomeReport;

public enum OutcomeReportDimension
{
    Area = 1,
    Tier = 2,
    Quarter = 3,
}

/// <summary>
/// One row of the outcome report: people whose start profile fell in the period and who have a later one, and
/// how many of them improved from the start to the latest. A null cell is suppressed (under five, or one that
/// would give a small cell away by subtraction); a share is shown only where both its counts are.
/// </summary>
public sealed record OutcomeReportRow(
    string Key,
    int? People,
    int? UsingAtStart,
    int? UseImproved,
    int? InjectingAtStart,
    int? InjectingImproved,
    int? HealthImproved)
{
    public double? ShareUseImproved => Share(UseImproved, UsingAtStart);

    public double? ShareInjectingImproved => Share(InjectingImproved, InjectingAtStart);

    public double? ShareHealthImproved => Share(HealthImproved, People);

    private static double? Share(int? part, int? whole) => part is { } p && whole is { } w && w > 0 ? Math.Round((double)p / w, 3) : null;
}

public sealed record OutcomeReportDto(OutcomeReportDimension Dimension, DateOnly From, DateOnly To, IReadOnlyList<OutcomeReportRow> Rows, OutcomeReportRow Total, int SuppressedCells, string Csv);

/// <summary>
/// Whether treatment helps, for planning: of the people whose Treatment Outcomes Profile at start ended in the
/// period and who have a later profile (a review's or the exit's), how many used fewer days (any substance),
/// injected on fewer days, and rated their health and quality of life higher at the latest profile, by the lead
/// agency's area, the plan's tier or the start's quarter. Only counts leave the module, and small cells are
/// suppressed as the gaps-and-blocks planning report suppresses them.
/// </summary>
[Authorize(Roles.RehabilitationCoordinator, Roles.SubgroupMember, Roles.NationalCoordinator, Roles.SystemAdmin)]
[Audit(AuditAction.Read, "outcome-report")]
public sealed record GetOutcomeReportQuery(OutcomeReportDimension? Dimension, string From, string To, string AreaId) : IQuery<OutcomeReportDto>;

internal sealed class GetOutcomeReportValidator : AbstractValidator<GetOutcomeReportQuery>
{
    public GetOutcomeReportValidator()
    {
        RuleFor(x => x.Dimension).NotNull().WithMessage("is required: area, tier or quarter").IsInEnum().WithMessage("is not area, tier or quarter");
        PlanRules.WholeQuarters(this, x => x.From, x => x.To);
        RuleFor(x => x.AreaId).MustBeId().When(x => !string.IsNullOrEmpty(x.AreaId));
    }
}

internal sealed class GetOutcomeReportHandler(ICarePlanRepository plans, IMediator mediator) : IRequestHandler<GetOutcomeReportQuery, OutcomeReportDto>
{
    public async Task<OutcomeReportDto> Handle(GetOutcomeReportQuery request, CancellationToken cancellationToken)
    {
        var from = IsoDates.Parse(request.From)!.Value;
        var to = IsoDates.Parse(request.To)!.Value;
        Guid? onlyArea = string.IsNullOrEmpty(request.AreaId) ? null : Guid.Parse(request.AreaId);

        // The lead agencies' areas (one question per agency, however many plans), and the areas' names.
        var measured = (await plans.OutcomesAsync(cancellationToken))
            .Select(p => (Plan: p, Start: p.Profiles.FirstOrDefault(x => x.Occasion == TopOccasion.Start), Latest: p.Profiles.LastOrDefault(x => x.Occasion != TopOccasion.Start)))
            .Where(p => p.Start is not null && p.Latest is not null && p.Start.PeriodEnd >= from && p.Start.PeriodEnd < to)
            .ToList();
        var areas = new Dictionary<Guid, IReadOnlyList<Guid>>();
        foreach (var agency in measured.Select(p => p.Plan.LeadAgencyId).Distinct())
        {
            areas[agency] = (await mediator.Send(new AgencyProfileQuery(agency.ToString("D")), cancellationToken))?.AreaIds ?? [];
        }

        var names = new Dictionary<Guid, string>();
        if (request.Dimension == OutcomeReportDimension.Area)
        {
            foreach (var area in areas.Values.SelectMany(a => a).Distinct())
            {
                names[area] = (await mediator.Send(new AreaProfileQuery(area.ToString("D")), cancellationToken))?.Name ?? area.ToString("D");
            }
        }

        // One area: its single-area agencies' people, exactly its row in the report by area.
        var people = measured.Where(p => onlyArea is not { } only || areas[p.Plan.LeadAgencyId] is [var area] && area == only).ToList();
        var groups = people
            .GroupBy(p => request.Dimension switch
            {
                // An agency serving several areas is its own row: its people are in none of them alone.
                OutcomeReportDimension.Area => areas[p.Plan.LeadAgencyId] is [var area] ? names[area] : "Agencies serving several areas or none",
                OutcomeReportDimension.Tier => $"Tier {p.Plan.Tier}",
                _ => $"{p.Start!.PeriodEnd.Year} Q{((p.Start.PeriodEnd.Month - 1) / 3) + 1}",
            })
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Count(g.Key, g.Select(p => (p.Start!, p.Latest!))))
            .ToList();
        var total = Count("Total", people.Select(p => (p.Start!, p.Latest!)));
        var (rows, suppressed) = OutcomeSuppression.Apply(groups, total);
        return new OutcomeReportDto(request.Dimension!.Value, from, to, [.. rows.Take(rows.Count - 1)], rows[^1], suppressed, Csv(rows));
    }

    private static RawOutcomeRow Count(string key, IEnumerable<(TreatmentOutcomesProfile Start, TreatmentOutcomesProfile Latest)> people)
    {
        var counts = new int[6];
        foreach (var (start, latest) in people)
        {
            counts[0]++;
            var usedBefore = DaysOfUse(start.SubstanceUse!);
            if (usedBefore > 0)
            {
                counts[1]++;
                counts[2] += DaysOfUse(latest.SubstanceUse!) < usedBefore ? 1 : 0;
            }

            if (start.SubstanceUse!.InjectingDays > 0)
            {
                counts[3]++;
                counts[4] += latest.SubstanceUse!.InjectingDays < start.SubstanceUse.InjectingDays ? 1 : 0;
            }

            counts[5] += Ratings(latest.Health!) > Ratings(start.Health!) ? 1 : 0;
        }

        return new RawOutcomeRow(key, counts);
    }

    private static int DaysOfUse(TopSubstanceUse use) => use.Alcohol + use.Opiates + use.Crack + use.Cocaine + use.Amphetamines + use.Cannabis + use.Other;

    private static int Ratings(TopHealth health) => health.PsychologicalHealth + health.PhysicalHealth + health.QualityOfLife;

    private static string Csv(IReadOnlyList<OutcomeReportRow> rows)
    {
        var csv = new StringBuilder("group,people,using_at_start,use_improved,share_use_improved,injecting_at_start,injecting_improved,share_injecting_improved,health_improved,share_health_improved\r\n");
        foreach (var r in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Quote(r.Key)},{r.People},{r.UsingAtStart},{r.UseImproved},{r.ShareUseImproved},{r.InjectingAtStart},{r.InjectingImproved},{r.ShareInjectingImproved},{r.HealthImproved},{r.ShareHealthImproved}\r\n");
        }

        return csv.ToString();
    }

    /// <summary>An area's name may hold a comma or a quote; a leading formula character is neutralised for spreadsheets.</summary>
    private static string Quote(string text)
    {
        var safe = text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}

/// <summary>A row before suppression: people, using at start, use improved, injecting at start, injecting improved, health improved.</summary>
internal sealed record RawOutcomeRow(string Key, int[] Counts);

/// <summary>
/// Statistical disclosure control for the outcome report, as the planning report's: a count under five is
/// suppressed (primary), and while a column's only suppressed cell could be worked out from the total row, the
/// smallest other cell of the column is suppressed too (secondary). A count is also suppressed where its unpublished
/// difference from its whole is under five (seven of nine improved says two did not; nine of ten using at start says
/// one was not).
/// </summary>
internal static class OutcomeSuppression
{
    public const int Threshold = 5;

    /// <summary>(part, whole): each count and the count it is part of; their unpublished difference is a cell too.</summary>
    private static readonly (int Part, int Whole)[] Parts = [(1, 0), (3, 0), (2, 1), (4, 3), (5, 0)];

    public static (IReadOnlyList<OutcomeReportRow> Rows, int Suppressed) Apply(IReadOnlyList<RawOutcomeRow> body, RawOutcomeRow total)
    {
        var all = body.Append(total).ToList();
        var hidden = all.Select(r => r.Counts.Select(c => c < Threshold).ToArray()).ToList();
        for (var row = 0; row < all.Count; row++)
        {
            foreach (var (part, whole) in Parts)
            {
                hidden[row][part] |= all[row].Counts[whole] - all[row].Counts[part] < Threshold;
            }
        }

        var changed = true;
        while (changed)
        {
            changed = false;
            for (var column = 0; column < total.Counts.Length; column++)
            {
                changed |= Protect([.. Enumerable.Range(0, all.Count).Select(r => (r, column))], all, hidden);
            }
        }

        var rows = all.Select((r, i) => new OutcomeReportRow(
            r.Key, Show(r, hidden[i], 0), Show(r, hidden[i], 1), Show(r, hidden[i], 2), Show(r, hidden[i], 3), Show(r, hidden[i], 4), Show(r, hidden[i], 5))).ToList();
        return (rows, hidden.Sum(h => h.Count(x => x)));
    }

    /// <summary>In a column (the body rows add up to the total row), a lone hidden cell gets company.</summary>
    private static bool Protect(List<(int Row, int Column)> cells, List<RawOutcomeRow> all, List<bool[]> hidden)
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

    private static int? Show(RawOutcomeRow row, bool[] hidden, int column) => hidden[column] ? null : row.Counts[column];
}
