using Hl7.Fhir.Model;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;

namespace IntegratedCare.Host.Fhir;

/// <summary>A refusal as FHIR says it: an <c>OperationOutcome</c> and the HTTP status with the gRPC status's meaning.</summary>
internal static class FhirOutcomes
{
    public sealed record Refusal(int Status, OperationOutcome Outcome);

    /// <summary>What the caller did wrong, or, for the host's own failure, 503 or 500 with a correlation id and nothing else.</summary>
    public static Refusal From(Exception ex, string correlationId, bool ifMatchSent) => ex switch
    {
        RequestValidationException invalid => new(StatusCodes.Status400BadRequest, Outcome(
            [.. invalid.Errors.Select(e => Issue(OperationOutcome.IssueType.Invalid, $"{e.Field}: {e.Reason}", e.Field))])),
        UnauthenticatedException => new(StatusCodes.Status401Unauthorized, Outcome([Issue(OperationOutcome.IssueType.Login, ex.Message)])),
        ForbiddenException => new(StatusCodes.Status403Forbidden, Outcome([Issue(OperationOutcome.IssueType.Forbidden, ex.Message)])),
        NotFoundException => new(StatusCodes.Status404NotFound, Outcome([Issue(OperationOutcome.IssueType.NotFound, ex.Message)])),
        ConcurrencyConflictException => new(ifMatchSent ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict,
            Outcome([Issue(OperationOutcome.IssueType.Conflict, ex.Message)])),
        AlreadyExistsException or BusinessRuleViolationException { IsUniqueness: true } => new(StatusCodes.Status409Conflict,
            Outcome([Issue(OperationOutcome.IssueType.Duplicate, ex.Message)])),
        BusinessRuleViolationException rule => new(StatusCodes.Status409Conflict,
            Outcome([Issue(OperationOutcome.IssueType.BusinessRule, ex.Message, rule.Rule)])),
        var full when StorageHealth.IsFull(full) || StorageHealth.IsUnavailable(full) => new(StatusCodes.Status503ServiceUnavailable,
            Outcome([Issue(OperationOutcome.IssueType.Transient, $"Storage is failing or full: nothing was done or disclosed. Try again later; quote correlation id {correlationId} to support.")])),
        _ => new(StatusCodes.Status500InternalServerError,
            Outcome([Issue(OperationOutcome.IssueType.Exception, $"An internal error occurred. Quote correlation id {correlationId} to support.")])),
    };

    public static OperationOutcome Outcome(List<OperationOutcome.IssueComponent> issues) => new() { Issue = issues };

    private static OperationOutcome.IssueComponent Issue(OperationOutcome.IssueType code, string diagnostics, string? expression = null) => new()
    {
        Severity = OperationOutcome.IssueSeverity.Error,
        Code = code,
        Diagnostics = diagnostics,
        Expression = expression is null ? [] : [expression],
    };
}
