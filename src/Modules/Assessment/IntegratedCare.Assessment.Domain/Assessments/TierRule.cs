namespace IntegratedCare.Assessment.Domain.Assessments;

/// <summary>The lowest tier at which the assessed needs can be met safely, and why.</summary>
internal sealed record TierRecommendation(int Tier, string Rationale);

/// <summary>
/// Recommends the lowest appropriate tier (1 generalist services; 2 open-access, low-threshold
/// specialist services; 3 structured, care-planned community treatment; 4 residential or inpatient
/// specialist services). Needs are met at the lowest tier that can meet them (the report, §3.3), so the
/// rule climbs only as far as the assessment forces it:
/// <list type="number">
/// <item>S is the higher of the drug use and alcohol use needs.</item>
/// <item>Tier 4 when S is high and there is an acute risk (an overdose or self-harm flag) or a high
/// physical or mental health need that community treatment cannot hold.</item>
/// <item>Tier 3 when S is high; or S is moderate with any risk flag, or with three or more of the other
/// nine domains at moderate or high need (complex needs call for a care-planned service).</item>
/// <item>Tier 2 when S is moderate; or S is low with any risk flag.</item>
/// <item>Tier 1 otherwise: no more than a low substance need and no risk flagged.</item>
/// </list>
/// </summary>
internal static class TierRule
{
    public static TierRecommendation Recommend(IReadOnlyDictionary<NeedDomain, NeedLevel> needs, IReadOnlyCollection<RiskFlag> flags)
    {
        NeedLevel Need(NeedDomain domain) => needs.TryGetValue(domain, out var level) ? level : NeedLevel.None;

        var drugs = Need(NeedDomain.DrugUse);
        var alcohol = Need(NeedDomain.AlcoholUse);
        var substance = drugs >= alcohol ? drugs : alcohol;
        var substanceName = drugs >= alcohol ? "drug use" : "alcohol use";
        var acute = flags.Where(f => f is RiskFlag.Overdose or RiskFlag.SelfHarm).Order().ToList();
        var highHealth = new[] { NeedDomain.PhysicalHealth, NeedDomain.MentalHealth }.Where(d => Need(d) == NeedLevel.High).ToList();
        var otherDomains = NeedDomains.All.Where(d => d is not (NeedDomain.DrugUse or NeedDomain.AlcoholUse));
        var complex = otherDomains.Count(d => Need(d) >= NeedLevel.Moderate);

        if (substance == NeedLevel.High && (acute.Count > 0 || highHealth.Count > 0))
        {
            var reasons = acute.Select(f => Describe(f) + " risk").Concat(highHealth.Select(d => Describe(d) + " need high"));
            return new(4, $"Tier 4: {substanceName} need is high with {string.Join(" and ", reasons)}.");
        }

        if (substance == NeedLevel.High)
        {
            return new(3, $"Tier 3: {substanceName} need is high, without acute risk or high health needs.");
        }

        if (substance == NeedLevel.Moderate && flags.Count > 0)
        {
            return new(3, $"Tier 3: {substanceName} need is moderate with {string.Join(" and ", flags.Order().Select(Describe))} risk.");
        }

        if (substance == NeedLevel.Moderate && complex >= 3)
        {
            return new(3, $"Tier 3: {substanceName} need is moderate with {complex} other domains at moderate or high need.");
        }

        if (substance == NeedLevel.Moderate)
        {
            return new(2, $"Tier 2: {substanceName} need is moderate, with no risk flagged and {complex} other domains at moderate or high need.");
        }

        if (substance == NeedLevel.Low && flags.Count > 0)
        {
            return new(2, $"Tier 2: {substanceName} need is low with {string.Join(" and ", flags.Order().Select(Describe))} risk.");
        }

        return new(1, "Tier 1: substance use need is low or none and no risk is flagged: generalist services can meet the needs.");
    }

    private static string Describe(RiskFlag flag) => flag switch
    {
        RiskFlag.Overdose => "overdose",
        RiskFlag.SelfHarm => "self-harm",
        RiskFlag.HarmToOthers => "harm to others",
        RiskFlag.ChildProtection => "child protection",
        RiskFlag.DomesticAbuse => "domestic abuse",
        _ => flag.ToString(),
    };

    private static string Describe(NeedDomain domain) => domain switch
    {
        NeedDomain.PhysicalHealth => "physical health",
        NeedDomain.MentalHealth => "mental health",
        _ => domain.ToString(),
    };
}
