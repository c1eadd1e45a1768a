using Hl7.Fhir.Model;

namespace IntegratedCare.Host.Fhir;

/// <summary><c>GET /fhir/r4/metadata</c>: exactly the interactions this server answers, and nothing it does not.</summary>
internal static class FhirCapability
{
    public static CapabilityStatement Statement() => new()
    {
        Status = PublicationStatus.Active,
        Date = "2026-12-03",
        Kind = CapabilityStatementKind.Instance,
        Software = new CapabilityStatement.SoftwareComponent { Name = "IntegratedCare" },
        Implementation = new CapabilityStatement.ImplementationComponent { Description = "IntegratedCare FHIR R4 endpoint (this server's /fhir/r4)" },
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["application/fhir+json"],
        Rest =
        [
            new CapabilityStatement.RestComponent
            {
                Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                Documentation = "Bearer tokens as for gRPC (the same roles and agency); every read is the module's own query, "
                    + "under the same sharing decision and audit. Updates need If-Match with the plan version's ETag.",
                Resource =
                [
                    Resource(ResourceType.Patient, CapabilityStatement.TypeRestfulInteraction.Read),
                    Searchable(Resource(ResourceType.CarePlan, CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.SearchType),
                        ("patient", SearchParamType.Reference, "The person whose plans (Patient/<id>); without it, every plan the caller's agency may see")),
                    Resource(ResourceType.Goal, CapabilityStatement.TypeRestfulInteraction.Read),
                    Resource(ResourceType.ServiceRequest, CapabilityStatement.TypeRestfulInteraction.Read),
                    Searchable(Resource(ResourceType.AuditEvent, CapabilityStatement.TypeRestfulInteraction.SearchType),
                        ("patient", SearchParamType.Reference, "Required: the person whose disclosure log (Patient/<id>), for the agency holding their record")),
                    Resource(ResourceType.Task, CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.Update),
                ],
            },
        ],
    };

    private static CapabilityStatement.ResourceComponent Searchable(CapabilityStatement.ResourceComponent resource, params (string Name, SearchParamType Type, string Documentation)[] parameters)
    {
        resource.SearchParam = [.. parameters.Select(p => new CapabilityStatement.SearchParamComponent { Name = p.Name, Type = p.Type, Documentation = p.Documentation })];
        return resource;
    }

    private static CapabilityStatement.ResourceComponent Resource(ResourceType type, params CapabilityStatement.TypeRestfulInteraction[] interactions) => new()
    {
        Type = type.ToString(),
        // An update must name the version it changes (If-Match), so updates are versioned-update.
        Versioning = interactions.Contains(CapabilityStatement.TypeRestfulInteraction.Update)
            ? CapabilityStatement.ResourceVersionPolicy.VersionedUpdate
            : CapabilityStatement.ResourceVersionPolicy.Versioned,
        UpdateCreate = interactions.Contains(CapabilityStatement.TypeRestfulInteraction.Update) ? false : null,
        Interaction = [.. interactions.Select(i => new CapabilityStatement.ResourceInteractionComponent { Code = i })],
    };
}
