namespace IntegratedCare.AgencySimulator;

/// <summary>An invariant the system broke: the message says which, at which step, and what showed it.</summary>
public sealed class InvariantViolation(string invariant, string step, string evidence)
    : Exception($"Invariant broken — {invariant}\n  at step: {step}\n  evidence: {evidence}")
{
    public string Invariant { get; } = invariant;
}

/// <summary>The invariants a run checks, and how many times each was checked.</summary>
public sealed class Invariants
{
    public const string NoDisclosureWithoutPermission = "no disclosure without permission";
    public const string NoOverdueItemUnflagged = "no overdue item unflagged";
    public const string EveryReadAudited = "every read audited";
    public const string NoLostUpdate = "no lost update";
    public const string NoPersonalDataInForms = "no personal data in any gaps-and-blocks form or meeting pack";

    private readonly Dictionary<string, int> _checks = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Checks => _checks;

    public string Step { get; set; } = "set-up";

    /// <summary>Counts one check of the invariant; throws <see cref="InvariantViolation"/> when it does not hold.</summary>
    public void Hold(string invariant, bool holds, Func<string> evidence)
    {
        _checks[invariant] = _checks.GetValueOrDefault(invariant) + 1;
        if (!holds)
        {
            throw new InvariantViolation(invariant, Step, evidence());
        }
    }
}
