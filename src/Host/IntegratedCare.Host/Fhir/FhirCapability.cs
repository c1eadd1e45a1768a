using Hl7.Fhir.Model;

namespace IntegratedCare.Host.Fhir;

/// <summary><c>GET /fhir/r4/metadata</c>: exactly the interactions this server answers, and nothing it does not.</summary>
internal static class FhirCapability
{
    public static CapabilityStatement Statement() => new()
    {
        Status = PublicationStatus.Active,
        Date = "2026-12-04",
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
                    Searchable(Resource(ResourceType.Patient, CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.SearchType),
                        ("identifier", SearchParamType.Token, "CHI, NHS or PPS number as system|value"),
                        ("family", SearchParamType.String, "Family name, with given or birthdate (spelling variants tolerated)"),
                        ("given", SearchParamType.String, "Given name, with family"),
                        ("birthdate", SearchParamType.Date, "Date of birth (YYYY-MM-DD), with family"),
                        ("_lastUpdated", SearchParamType.Date, LastUpdated)),
                    Searchable(Resource(ResourceType.CarePlan, CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.SearchType),
                        ("patient", SearchParamType.Reference, "The person whose plans (Patient/<id>); without it, every plan the caller's agency may see"),
                        ("status", SearchParamType.Token, "draft, active, on-hold, revoked or completed (comma-separated for any of them)"),
                        ("_lastUpdated", SearchParamType.Date, LastUpdated)),
                    Searchable(Resource(ResourceType.Consent, CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.SearchType),
                        ("patient", SearchParamType.Reference, "Required: the person whose consents (Patient/<id>), newest first"),
                        ("_lastUpdated", SearchParamType.Date, LastUpdated)),
                    Searchable(Resource(ResourceType.Observation, CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.SearchType),
                        ("patient", SearchParamType.Reference, "Required: the person whose assessments and plan reviews (Patient/<id>)"),
                        ("_lastUpdated", SearchParamType.Date, LastUpdated)),
                    Resource(ResourceType.Goal, CapabilityStatement.TypeRestfulInteraction.Read),
                    Searchable(Resource(ResourceType.ServiceRequest, CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.SearchType),
                        ("performer", SearchParamType.Reference, "The receiving agency (Organization/<id>); the caller's own for the referrals to it"),
                        ("requester", SearchParamType.Reference, "The referring agency (Organization/<id>); the caller's own for the referrals it made"),
                        ("patient", SearchParamType.Reference, "The person referred (Patient/<id>)"),
                        ("status", SearchParamType.Token, "active, completed or revoked"),
                        ("_lastUpdated", SearchParamType.Date, LastUpdated)),
                    Searchable(Resource(ResourceType.AuditEvent, CapabilityStatement.TypeRestfulInteraction.SearchType),
                        ("patient", SearchParamType.Reference, "Required: the person whose disclosure log (Patient/<id>), for the agency holding their record")),
                    Searchable(Resource(ResourceType.Task, CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.SearchType, CapabilityStatement.TypeRestfulInteraction.Update),
                        ("owner", SearchParamType.Reference, "The agency that owes the task (Organization/<id>): a plan's action, or a referral to it"),
                        ("patient", SearchParamType.Reference, "The person (Patient/<id>)"),
                        ("status", SearchParamType.Token, "requested, received, accepted, rejected, in-progress, on-hold, completed, cancelled or failed"),
                        ("_lastUpdated", SearchParamType.Date, LastUpdated)),
                ],
            },
        ],
    };

    private const string LastUpdated = "When it last changed: a date or instant with eq (the default), gt, ge, lt or le; twice for a range";

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
