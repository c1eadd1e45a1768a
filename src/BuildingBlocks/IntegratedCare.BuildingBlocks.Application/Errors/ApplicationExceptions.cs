namespace IntegratedCare.BuildingBlocks.Application.Errors;

/// <summary>The call carries no valid identity (gRPC UNAUTHENTICATED).</summary>
public sealed class UnauthenticatedException()
    : Exception("The call carries no valid credentials.");

/// <summary>The actor may not do this (gRPC PERMISSION_DENIED). The message names the rule, never data.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>
/// The thing asked for does not exist, or the caller may not know it does (gRPC NOT_FOUND). The caller
/// gets the same answer either way; the audit trail records a <paramref name="hidden"/> one as a denial.
/// </summary>
public sealed class NotFoundException(string resourceType, string id, bool hidden = false)
    : Exception($"{resourceType} {id} was not found.")
{
    public string ResourceType { get; } = resourceType;

    public string ResourceId { get; } = id;

    /// <summary>It exists, but the caller has no relationship that lets it know: an access refusal, not a missing thing.</summary>
    public bool Hidden { get; } = hidden;
}

/// <summary>The thing to be created exists already (gRPC ALREADY_EXISTS).</summary>
public sealed class AlreadyExistsException(string message) : Exception(message);

/// <summary>One field that failed validation: the field as the caller named it, and why.</summary>
public sealed record FieldError(string Field, string Reason);

/// <summary>The request is malformed (gRPC INVALID_ARGUMENT with one violation per field).</summary>
public sealed class RequestValidationException(IReadOnlyList<FieldError> errors)
    : Exception("The request is invalid: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Reason}")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public RequestValidationException(string field, string reason)
        : this([new FieldError(field, reason)])
    {
    }

    /// <summary>
    /// Refuses a list of references of which some name nothing, one error per missing item, by the field
    /// its position names (e.g. <c>area_ids[1]</c>).
    /// </summary>
    public static void ThrowIfAnyMissing<T>(IReadOnlyList<T> sent, IReadOnlyCollection<T> missing, Func<int, string> fieldOf, string reason)
    {
        if (missing.Count == 0)
        {
            return;
        }

        throw new RequestValidationException(sent
            .Select((item, index) => (item, index))
            .Where(x => missing.Contains(x.item))
            .Select(x => new FieldError(fieldOf(x.index), reason))
            .ToList());
    }
}
