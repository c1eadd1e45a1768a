using IntegratedCare.BuildingBlocks.Domain;

namespace IntegratedCare.GapsAndBlocks.Domain.Variances;

/// <summary>
/// A variance a lead agency's case manager handed over from a care plan: work waiting for that agency to
/// raise a gaps-and-blocks form about it. It names no person: the variance, the agencies, the kind and the
/// reason code. Raised once a form linked to it is drafted.
/// </summary>
internal sealed class HandedVariance
{
    private HandedVariance()
    {
    }

    public Guid VarianceId { get; private set; }

    public Guid LeadAgencyId { get; private set; }

    public Guid ActionAgencyId { get; private set; }

    public string Kind { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    public DateTimeOffset HandedAt { get; private set; }

    /// <summary>The form raised about it, once there is one.</summary>
    public Guid? FormId { get; private set; }

    public DateTimeOffset? RaisedAt { get; private set; }

    public static HandedVariance HandedOver(Guid varianceId, Guid leadAgencyId, Guid actionAgencyId, string kind, string reason, DateTimeOffset at) =>
        new() { VarianceId = varianceId, LeadAgencyId = leadAgencyId, ActionAgencyId = actionAgencyId, Kind = kind, Reason = reason, HandedAt = at };

    /// <summary>A form about it was drafted. A second form about the same variance leaves the first as the one that raised it.</summary>
    public void RaisedBy(Guid formId, Guid agencyId, DateTimeOffset at)
    {
        Rule.Check(new OnlyTheLeadAgencyRaisesItsVarianceRule(this, agencyId));
        if (FormId is null)
        {
            FormId = formId;
            RaisedAt = at;
        }
    }
}

internal sealed class OnlyTheLeadAgencyRaisesItsVarianceRule(HandedVariance variance, Guid agencyId) : IBusinessRule
{
    public string Message => $"Variance {variance.VarianceId} was handed over by another agency.";

    public bool IsBroken() => variance.LeadAgencyId != agencyId;
}

internal interface IHandedVarianceRepository
{
    Task<HandedVariance?> FindAsync(Guid varianceId, CancellationToken cancellationToken);

    /// <summary>A page of the agency's handed variances, oldest first, waiting ones only unless <paramref name="includeRaised"/>.</summary>
    Task<(IReadOnlyList<HandedVariance> Variances, int Total)> ForAgencyAsync(Guid leadAgencyId, bool includeRaised, int offset, int limit, CancellationToken cancellationToken);

    void Add(HandedVariance variance);
}
