using IntegratedCare.GapsAndBlocks.Domain.Variances;

namespace IntegratedCare.GapsAndBlocks.Application.Variances;

/// <summary>A variance handed over from a care plan, waiting for a form (or raised by one). Names no person.</summary>
public sealed record HandedVarianceDto(
    string VarianceId,
    string LeadAgencyId,
    string ActionAgencyId,
    string Kind,
    string Reason,
    DateTimeOffset HandedAt,
    string FormId,
    DateTimeOffset? RaisedAt)
{
    internal static HandedVarianceDto From(HandedVariance v) => new(
        v.VarianceId.ToString("D"), v.LeadAgencyId.ToString("D"), v.ActionAgencyId.ToString("D"), v.Kind, v.Reason, v.HandedAt,
        v.FormId?.ToString("D") ?? string.Empty, v.RaisedAt);
}
