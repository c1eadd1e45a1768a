using IntegratedCare.GapsAndBlocks.Application.Reports.GetPlanningReport;

namespace GapsAndBlocks.Tests;

/// <summary>Small-cell and complementary suppression of planning reports.</summary>
public sealed class SuppressionTests
{
    [Fact]
    public void CellsUnderFive_AreSuppressed_AndTheMedianNeedsFiveResolved()
    {
        var (rows, _) = Suppression.Apply([Row("Housing", 12, 6, 6, 0, 0, 7, 11.5), Row("Literacy", 8, 4, 4, 0, 0, 5, 3.0)], Row("Total", 20, 10, 10, 0, 0, 12, 9.0));

        Assert.Equal(12, rows[0].Forms);
        Assert.Equal(11.5, rows[0].MedianDaysToResolution);
        Assert.Null(rows[1].Resolved);
        Assert.Null(rows[0].Resolved); // 10 - 6 would give the 4 away.
        Assert.Null(rows[1].MedianDaysToResolution);
        Assert.Null(rows[0].ResolvedBySubGroup);
    }

    [Fact]
    public void ALoneSuppressedCellInAColumn_GetsCompany_SoTheTotalCannotGiveItAway()
    {
        // Overdue: 9, 3 and 8 of 20. Hiding only the 3 would leave 20 - 9 - 8 = 3.
        var (rows, suppressed) = Suppression.Apply(
            [Row("A", 20, 20, 20, 0, 0, 9, 5.0), Row("B", 20, 20, 20, 0, 0, 3, 5.0), Row("C", 20, 20, 20, 0, 0, 8, 5.0)],
            Row("Total", 60, 60, 60, 0, 0, 20, 5.0));

        Assert.Null(rows[1].Overdue);
        Assert.Null(rows[2].Overdue);
        Assert.Equal(9, rows[0].Overdue);
        Assert.True(suppressed >= 2);
    }

    [Fact]
    public void ALoneSuppressedResolutionLevel_GetsCompany_SoTheResolvedCountCannotGiveItAway()
    {
        // Resolved 20 = 12 by the co-ordinator + 6 by the sub-group + 2 by NDRIC: hiding the 2 alone leaves 20 - 12 - 6.
        var (rows, _) = Suppression.Apply([Row("A", 30, 20, 12, 6, 2, 10, 5.0), Row("B", 30, 20, 12, 6, 2, 10, 5.0)], Row("Total", 60, 40, 24, 12, 4, 20, 5.0));

        Assert.Null(rows[0].ResolvedByNdric);
        Assert.Null(rows[0].ResolvedBySubGroup);
        Assert.Equal(12, rows[0].ResolvedByCoordinator);
    }

    [Fact]
    public void NothingSmall_NothingSuppressed()
    {
        var (rows, suppressed) = Suppression.Apply([Row("A", 10, 10, 5, 5, 0 + 5, 6, 2.0)], Row("Total", 10, 10, 5, 5, 5, 6, 2.0));

        Assert.Equal(0, suppressed);
        Assert.Equal(10, rows[0].Forms);
    }

    private static RawRow Row(string key, int forms, int resolved, int coordinator, int subGroup, int ndric, int overdue, double median) =>
        new(key, [forms, resolved, coordinator, subGroup, ndric, overdue], median);
}
