using System.Globalization;
using System.Text;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.GapsAndBlocks.Application.Forms;
using IntegratedCare.GapsAndBlocks.Domain.Forms;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Reports;

public enum ReportDimension
{
    Category = 1,
    Kind = 2,
    Area = 3,
    AgencyType = 4,
    Stage = 5,
    Quarter = 6,
}

/// <summary>
/// One row of a planning report. A null cell is suppressed: under five, or one that could be worked out
/// from the others by subtraction. The median is shown only over five or more resolved forms.
/// </summary>
public sealed record ReportRow(
    string Key,
    int? Forms,
    int? Resolved,
    int? ResolvedByCoordinator,
    int? ResolvedBySubGroup,
    int? ResolvedByNdric,
    int? Overdue,
    double? MedianDaysToResolution)
{
    /// <summary>The share of the resolved forms resolved at each level (co-ordinator, sub-group, NDRIC), where both counts are shown.</summary>
    public double? ShareResolvedByCoordinator => Share(ResolvedByCoordinator);

    public double? ShareResolvedBySubGroup => Share(ResolvedBySubGroup);

    public double? ShareResolvedByNdric => Share(ResolvedByNdric);

    private double? Share(int? level) => level is { } part && Resolved is { } whole && whole > 0 ? Math.Round((double)part / whole, 3) : null;
}

public sealed record PlanningReportDto(ReportDimension Dimension, DateOnly From, DateOnly To, IReadOnlyList<ReportRow> Rows, ReportRow Total, int SuppressedCells, string Csv);

/// <summary>
/// Where services are incomplete or under-resourced (the protocol): forms sent on to co-ordinators in a
/// period, by one dimension, with counts, resolution at each level, overdue counts and the median days
/// from submission to resolution. Small cells are suppressed, and so is any cell that would give one away.
/// </summary>
[Authorize(Roles.RehabilitationCoordinator, Roles.SubgroupMember, Roles.NationalCoordinator, Roles.SystemAdmin)]
[Audit(AuditAction.Read, "planning-report")]
public sealed record GetPlanningReportQuery(ReportDimension? Dimension, string From, string To, string AreaId) : IQuery<PlanningReportDto>;

internal sealed class GetPlanningReportValidator : AbstractValidator<GetPlanningReportQuery>
{
    public GetPlanningReportValidator()
    {
        RuleFor(x => x.Dimension).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known dimension");
        RuleFor(x => x.From).Must(d => FormInput.ParseDate(d) is not null).WithMessage("must be a date as YYYY-MM-DD");
        RuleFor(x => x.To).Must(d => FormInput.ParseDate(d) is not null).WithMessage("must be a date as YYYY-MM-DD");
        RuleFor(x => x.To).Must((q, to) => FormInput.ParseDate(q.From) is not { } from || FormInput.ParseDate(to) is not { } end || end > from)
            .WithMessage("must be after from");
        RuleFor(x => x.AreaId).MustBeId().When(x => !string.IsNullOrEmpty(x.AreaId));
    }
}

internal sealed class GetPlanningReportHandler(IFormRepository forms, IMediator mediator, TimeProvider clock) : IRequestHandler<GetPlanningReportQuery, PlanningReportDto>
{
    public async Task<PlanningReportDto> Handle(GetPlanningReportQuery request, CancellationToken cancellationToken)
    {
        var from = FormInput.ParseDate(request.From)!.Value;
        var to = FormInput.ParseDate(request.To)!.Value;
        Guid? area = string.IsNullOrEmpty(request.AreaId) ? null : Guid.Parse(request.AreaId);
        var period = new FormPeriod(
            new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), area);
        var by = request.Dimension switch
        {
            ReportDimension.Category => TallyBy.Category,
            ReportDimension.Kind => TallyBy.Kind,
            ReportDimension.Stage => TallyBy.Stage,
            ReportDimension.Quarter => TallyBy.Quarter,
            ReportDimension.Area => TallyBy.Area,
            _ => TallyBy.Agency,
        };

        // Counted in the database; only the names of areas (or the types of agencies) come from Protocols,
        // one question per area or agency the period holds, however many forms.
        var names = new Dictionary<Guid, string>();
        if (by is TallyBy.Area or TallyBy.Agency)
        {
            foreach (var id in await forms.SubmittedOwnersAsync(by, period, cancellationToken))
            {
                var name = by == TallyBy.Area
                    ? (await mediator.Send(new AreaProfileQuery(id.ToString("D")), cancellationToken))?.Name
                    : (await mediator.Send(new AgencyProfileQuery(id.ToString("D")), cancellationToken))?.AgencyType;
                names[id] = name ?? "Unknown";
            }
        }

        var tallies = await forms.TallyAsync(by, period, clock.GetUtcNow(), names, cancellationToken);
        var raw = tallies.Rows.OrderBy(t => t.Key, StringComparer.Ordinal).Select(Raw).ToList();
        var (rows, suppressed) = Suppression.Apply(raw, Raw(tallies.Total));
        var report = new PlanningReportDto(request.Dimension!.Value, from, to, rows.Take(rows.Count - 1).ToList(), rows[^1], suppressed, string.Empty);
        return report with { Csv = Csv(report) };
    }

    private static RawRow Raw(FormTally t) => new(
        t.Key, [t.Forms, t.Resolved, t.ByCoordinator, t.BySubGroup, t.ByNdric, t.Overdue], t.MedianDays is { } median ? Math.Round(median, 1) : null);

    private static string Csv(PlanningReportDto report)
    {
        static string Cell(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "suppressed";
        static string Quote(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal) ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
        var csv = new StringBuilder();
        csv.AppendLine($"{report.Dimension.ToString().ToLowerInvariant()},forms,resolved,resolved_by_coordinator,resolved_by_sub_group,resolved_by_ndric,overdue,median_days_to_resolution,share_by_coordinator,share_by_sub_group,share_by_ndric");
        static string Share(double? share) => share?.ToString("0.000", CultureInfo.InvariantCulture) ?? "suppressed";
        foreach (var row in report.Rows.Append(report.Total))
        {
            csv.AppendLine(string.Join(',',
                Quote(row.Key), Cell(row.Forms), Cell(row.Resolved), Cell(row.ResolvedByCoordinator), Cell(row.ResolvedBySubGroup), Cell(row.ResolvedByNdric),
                Cell(row.Overdue), row.MedianDaysToResolution?.ToString("0.0", CultureInfo.InvariantCulture) ?? "suppressed",
                Share(row.ShareResolvedByCoordinator), Share(row.ShareResolvedBySubGroup), Share(row.ShareResolvedByNdric)));
        }

        return csv.ToString();
    }
}

/// <summary>A row before suppression: the counts in report order (forms, resolved, by co-ordinator, by sub-group, by NDRIC, overdue).</summary>
internal sealed record RawRow(string Key, int[] Counts, double? Median);

/// <summary>
/// Statistical disclosure control (DESIGN.md §5): a count under five is suppressed (primary); then, while
/// any suppressed cell could be worked out by subtraction — the only suppressed cell of a column against
/// the total row, or of a row's resolution levels against its resolved count — the smallest other cell
/// there is suppressed too (secondary). A median over fewer than five resolved forms is never shown.
/// </summary>
internal static class Suppression
{
    public const int Threshold = 5;

    private static readonly int[] Levels = [2, 3, 4];

    public static (IReadOnlyList<ReportRow> Rows, int Suppressed) Apply(IReadOnlyList<RawRow> rows, RawRow total)
    {
        var all = rows.Append(total).ToList();
        var hidden = all.Select(r => r.Counts.Select(c => c < Threshold).ToArray()).ToList();
        var changed = true;
        while (changed)
        {
            changed = false;

            // Columns: the body rows add up to the total row.
            for (var column = 0; column < total.Counts.Length; column++)
            {
                changed |= Protect(Enumerable.Range(0, all.Count).Select(r => (r, column)).ToList(), all, hidden);
            }

            // Within each row, the three resolution levels add up to the resolved count.
            for (var row = 0; row < all.Count; row++)
            {
                changed |= Protect(Levels.Append(1).Select(c => (row, c)).ToList(), all, hidden);
            }
        }

        var result = all.Select((r, i) => new ReportRow(
            r.Key,
            Show(r, hidden[i], 0), Show(r, hidden[i], 1), Show(r, hidden[i], 2), Show(r, hidden[i], 3), Show(r, hidden[i], 4), Show(r, hidden[i], 5),
            r.Counts[1] >= Threshold ? r.Median : null)).ToList();
        return (result, hidden.Sum(h => h.Count(x => x)));
    }

    /// <summary>In a group of cells that add up (the last the sum of the others), a lone hidden cell gets company.</summary>
    private static bool Protect(List<(int Row, int Column)> cells, List<RawRow> all, List<bool[]> hidden)
    {
        var hiddenCells = cells.Where(c => hidden[c.Row][c.Column]).ToList();
        if (hiddenCells.Count != 1)
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

    private static int? Show(RawRow row, bool[] hidden, int column) => hidden[column] ? null : row.Counts[column];
}
