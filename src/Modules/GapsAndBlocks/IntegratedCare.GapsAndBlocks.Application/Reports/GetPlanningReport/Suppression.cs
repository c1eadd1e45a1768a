using FluentValidation;

namespace IntegratedCare.GapsAndBlocks.Application.Reports.GetPlanningReport;

/// <summary>A row before suppression: the counts in report order (forms, resolved, by co-ordinator, by sub-group, by NDRIC, overdue).</summary>
internal sealed record RawRow(string Key, int[] Counts, double? Median);

/// <summary>
/// Statistical disclosure control: a count under five is suppressed (primary); then, while
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
