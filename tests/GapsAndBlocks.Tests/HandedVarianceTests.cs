using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.GapsAndBlocks.Domain.Variances;

namespace GapsAndBlocks.Tests;

public sealed class HandedVarianceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Lead = Guid.NewGuid();

    [Fact]
    public void AHandedVariance_WaitsUntilAFormRaisesIt_AndTheFirstFormStays()
    {
        var variance = HandedVariance.HandedOver(Guid.NewGuid(), Lead, Guid.NewGuid(), "Overdue", "WaitingList", Now);
        Assert.Null(variance.FormId);

        var first = Guid.NewGuid();
        variance.RaisedBy(first, Lead, Now.AddHours(1));
        variance.RaisedBy(Guid.NewGuid(), Lead, Now.AddHours(2));

        Assert.Equal((first, Now.AddHours(1)), (variance.FormId!.Value, variance.RaisedAt!.Value));
    }

    [Fact]
    public void AnotherAgencysForm_CannotRaiseIt()
    {
        var variance = HandedVariance.HandedOver(Guid.NewGuid(), Lead, Guid.NewGuid(), "Declined", "ResourceGap", Now);

        var refused = Assert.Throws<BusinessRuleViolationException>(() => variance.RaisedBy(Guid.NewGuid(), Guid.NewGuid(), Now));

        Assert.Equal(nameof(OnlyTheLeadAgencyRaisesItsVarianceRule), refused.Rule);
        Assert.Null(variance.FormId);
    }
}
