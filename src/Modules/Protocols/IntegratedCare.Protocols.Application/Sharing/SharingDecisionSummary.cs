using FluentValidation;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.Domain.Sharing;

namespace IntegratedCare.Protocols.Application.Sharing;

/// <summary>The decisions for every category, as <see cref="SharingDecisionsQuery"/> and <see cref="SharingDecisionsForPeopleQuery"/> answer them.</summary>
internal static class SharingDecisionSummary
{
    private const int MostBasisCharacters = 1000;

    internal static readonly IReadOnlyList<DataCategory> AllCategories =
        DataCategoryCodes.All.Select(c => DataCategoryCodes.TryParse(c, out var category) ? category : default).ToList();

    /// <summary>Each category's result, and one basis for all of them: what was permitted and on which consents and protocols; the rest denied.</summary>
    internal static (SharingDecisions Decisions, string Basis) Summarise(IReadOnlyList<SharingDecision> decisions)
    {
        var byCode = AllCategories.Zip(decisions).ToDictionary(p => p.First.Code(), p => SharingDecider.ToResult(p.Second), StringComparer.Ordinal);
        var permitted = byCode.Where(d => d.Value.Permitted).ToList();
        var basis = permitted.Count == 0
            ? "deny: every category"
            : "permit: " + string.Join(",", permitted.Select(p => p.Key))
                + "; consents " + string.Join(",", permitted.Select(p => p.Value.ConsentId).OfType<Guid>().Distinct())
                + "; protocols " + string.Join(",", permitted.Select(p => p.Value.ProtocolId).OfType<Guid>().Distinct())
                + "; deny: the rest";
        return (new SharingDecisions(byCode), basis.Length <= MostBasisCharacters ? basis : basis[..MostBasisCharacters]);
    }
}
