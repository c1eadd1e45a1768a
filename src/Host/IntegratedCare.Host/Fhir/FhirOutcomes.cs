using Hl7.Fhir.Model;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;

namespace IntegratedCare.Host.Fhir;

/// <summary>A refusal as FHIR says it: an <c>OperationOutcome</c> and the HTTP status with the gRPC status's meaning.</summary>
internal static class FhirOutcomes
{
    public sealed record Refusal(int Status, OperationOutcome Outcome);

    /// <summary>
    /// The commands' field names (their wire names, as gRPC reports them) as the element of the <c>Task</c> a partner
    /// sent the value in, so <c>issue.expression</c> points into the resource it sent. Only an update's: a search's
    /// own parameters (<c>status</c>, say) keep their names.
    /// </summary>
    private static readonly Dictionary<string, string> TaskPaths = new(StringComparer.Ordinal)
    {
        ["assigned_worker"] = "Task.owner.display",
        ["note"] = "Task.note",
        ["outcome"] = "Task.note",
        ["reason"] = "Task.statusReason",
        ["rejection_reason"] = "Task.statusReason",
        ["status"] = "Task.status",
        ["expected_version"] = "If-Match",
    };

    /// <summary>The queries' field names as the id or search parameter that carried the value.</summary>
    private static readonly Dictionary<string, string> ParameterPaths = new(StringComparer.Ordinal)
    {
        ["care_plan_id"] = "id",
        ["action_id"] = "id",
        ["referral_id"] = "id",
        ["service_user_id"] = "id",
        ["consent_id"] = "id",
        ["assessment_id"] = "id",
        ["page_token"] = "_page_token",
        ["page_size"] = "_count",
        ["max_results"] = "_count",
        ["given_name"] = "given",
        ["family_name"] = "family",
        ["date_of_birth"] = "birthdate",
        ["identifier.value"] = "identifier",
        ["identifier.scheme"] = "identifier",
    };

    /// <summary>What the caller did wrong, or, for the host's own failure, 503 or 500 with a correlation id and nothing else.</summary>
    public static Refusal From(Exception ex, string correlationId, bool ifMatchSent, bool update) => ex switch
    {
        FhirRefusal http => new(http.Status, Outcome([Issue(http.Status == StatusCodes.Status413PayloadTooLarge ? OperationOutcome.IssueType.TooLong : OperationOutcome.IssueType.NotSupported,
            $"{http.Field}: {http.Reason}", http.Field)])),
        RequestValidationException invalid => new(StatusCodes.Status400BadRequest, Outcome(
            [.. invalid.Errors.Select(e => Issue(OperationOutcome.IssueType.Invalid, $"{PathOf(e.Field, update)}: {e.Reason}", PathOf(e.Field, update)))])),
        UnauthenticatedException => new(StatusCodes.Status401Unauthorized, Outcome([Issue(OperationOutcome.IssueType.Login, ex.Message)])),
        ForbiddenException => new(StatusCodes.Status403Forbidden, Outcome([Issue(OperationOutcome.IssueType.Forbidden, ex.Message)])),
        NotFoundException => new(StatusCodes.Status404NotFound, Outcome([Issue(OperationOutcome.IssueType.NotFound, ex.Message)])),
        ConcurrencyConflictException => new(ifMatchSent ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict,
            Outcome([Issue(OperationOutcome.IssueType.Conflict, ex.Message)])),
        AlreadyExistsException or BusinessRuleViolationException { IsUniqueness: true } => new(StatusCodes.Status409Conflict,
            Outcome([Issue(OperationOutcome.IssueType.Duplicate, ex.Message)])),

        // An action or goal the plan does not have is as absent as one the GET would not find.
        BusinessRuleViolationException { Rule: "ItemMustBelongToThePlanRule" } => new(StatusCodes.Status404NotFound,
            Outcome([Issue(OperationOutcome.IssueType.NotFound, ex.Message)])),
        BusinessRuleViolationException { Rule: "ActionBelongsToTheAgencyRule" } => new(StatusCodes.Status403Forbidden,
            Outcome([Issue(OperationOutcome.IssueType.Forbidden, ex.Message)])),

        // FHIR's status for a change the server's business rules refuse (gRPC's FAILED_PRECONDITION).
        BusinessRuleViolationException rule => new(StatusCodes.Status422UnprocessableEntity,
            Outcome([Issue(OperationOutcome.IssueType.BusinessRule, ex.Message, rule.Rule)])),
        var full when StorageHealth.IsFull(full) => new(StatusCodes.Status503ServiceUnavailable,
            Outcome([Issue(OperationOutcome.IssueType.Transient, $"Storage is full: nothing was done or disclosed. Try again later; quote correlation id {correlationId} to support.")])),
        var failing when StorageHealth.IsUnavailable(failing) => new(StatusCodes.Status503ServiceUnavailable,
            Outcome([Issue(OperationOutcome.IssueType.Transient, $"Storage is failing: nothing was done or disclosed. Try again later; quote correlation id {correlationId} to support.")])),
        _ => new(StatusCodes.Status500InternalServerError,
            Outcome([Issue(OperationOutcome.IssueType.Exception, $"An internal error occurred. Quote correlation id {correlationId} to support.")])),
    };

    public static OperationOutcome Outcome(List<OperationOutcome.IssueComponent> issues) => new() { Issue = issues };

    public static OperationOutcome.IssueComponent Issue(OperationOutcome.IssueType code, string diagnostics, string? expression = null) => new()
    {
        Severity = OperationOutcome.IssueSeverity.Error,
        Code = code,
        Diagnostics = diagnostics,
        Expression = expression is null ? [] : [expression],
    };

    private static string PathOf(string field, bool update) =>
        (update && TaskPaths.TryGetValue(field, out var path)) || ParameterPaths.TryGetValue(field, out path) ? path : field;
}

/// <summary>A refusal only HTTP has (an unsupported media type, an over-long body): its status and the header or part at fault.</summary>
internal sealed class FhirRefusal(int status, string field, string reason) : Exception($"{field}: {reason}")
{
    public int Status { get; } = status;

    public string Field { get; } = field;

    public string Reason { get; } = reason;
}
