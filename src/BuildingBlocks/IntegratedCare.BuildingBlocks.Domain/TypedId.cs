namespace IntegratedCare.BuildingBlocks.Domain;

/// <summary>
/// Strongly typed ids are records wrapping a <see cref="Guid"/>, so an AgencyId can never be passed
/// where an AreaId is expected. Implementations: <c>public sealed record AgencyId(Guid Value) : ITypedId</c>.
/// </summary>
public interface ITypedId
{
    Guid Value { get; }
}

public static class TypedIds
{
    /// <summary>Parses the canonical text form of an id, exactly (no surrounding spaces); false for anything else, including the empty Guid.</summary>
    public static bool TryParse(string? text, out Guid value)
    {
        // Guid parsing forgives surrounding spaces; an id on the wire must be exactly 36 characters.
        if (text is { Length: 36 } && Guid.TryParseExact(text, "D", out value) && value != Guid.Empty)
        {
            return true;
        }

        value = Guid.Empty;
        return false;
    }

    public static bool IsValid(string? text) => TryParse(text, out _);
}
