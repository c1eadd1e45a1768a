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
