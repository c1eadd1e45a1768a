using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// The Firely validator over the core R4 profiles, offline: the specification comes from the
/// Hl7.Fhir.Specification.Data.R4 package's specification.zip in the test's output, and nothing is fetched.
/// </summary>
internal static class FhirValidation
{
    private static readonly Lazy<Validator> Shared = new(() =>
    {
        var source = new CachedResolver(ZipSource.CreateValidationSource(Path.Combine(AppContext.BaseDirectory, "specification.zip")));
        return new Validator(source, new LocalTerminologyService(source));
    });

    /// <summary>The errors (and fatals) the validator finds: empty for a valid resource.</summary>
    public static List<string> Errors(Resource resource)
    {
        OperationOutcome outcome;
        lock (Shared)
        {
            outcome = Shared.Value.Validate(resource);
        }

        return [.. outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{string.Join(",", i.Expression)}: {i.Details?.Text ?? i.Diagnostics}")];
    }
}
