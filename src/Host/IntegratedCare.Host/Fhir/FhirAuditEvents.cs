using Hl7.Fhir.Model;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Application.Governance;
using IntegratedCare.Protocols.Application.Governance.ListDisclosureLog;
using MediatR;

namespace IntegratedCare.Host.Fhir;

/// <summary>
/// A person's disclosure log as <c>AuditEvent</c>s, shaped after IHE Basic Audit Log Patterns: a RESTful
/// event (<c>type</c> rest, <c>subtype</c> the interaction), the actor and their agency as agents (the actor
/// the requestor), the person as the patient entity and the record touched as a domain-resource entity,
/// the outcome and its detail, the purpose and basis. Only who may read the log over gRPC may read it here
/// (<c>ListDisclosureLog</c>: the agency holding the person's record, its governance lead and managers), and
/// the reading is itself audited.
/// </summary>
internal static class FhirAuditEvents
{
    public const string ActorSystem = "https://integratedcare.scot/fhir/Id/actor";

    public const string RecordSystem = "https://integratedcare.scot/fhir/Id/record";

    public static IRequest<DisclosureLogPage> Search(string serviceUserId, int count, string pageToken, DateTimeOffset? asOf) =>
        new ListDisclosureLogQuery(serviceUserId, false, count, pageToken, asOf);

    public static AuditEvent ToAuditEvent(AuditRecord record) => new()
    {
        Id = record.Id.ToString("D"),
        Type = new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"),
        Subtype = record.Action switch
        {
            AuditAction.Create => [new Coding("http://hl7.org/fhir/restful-interaction", "create", "create")],
            AuditAction.Read => [new Coding("http://hl7.org/fhir/restful-interaction", "read", "read")],
            AuditAction.Update => [new Coding("http://hl7.org/fhir/restful-interaction", "update", "update")],
            AuditAction.Delete => [new Coding("http://hl7.org/fhir/restful-interaction", "delete", "delete")],
            _ => [new Coding("http://hl7.org/fhir/restful-interaction", "operation", "operation")],
        },
        Action = record.Action switch
        {
            AuditAction.Create => AuditEvent.AuditEventAction.C,
            AuditAction.Read => AuditEvent.AuditEventAction.R,
            AuditAction.Update => AuditEvent.AuditEventAction.U,
            AuditAction.Delete => AuditEvent.AuditEventAction.D,
            _ => AuditEvent.AuditEventAction.E,
        },
        Recorded = record.OccurredAt.ToUniversalTime(),
        Outcome = record.Outcome switch
        {
            AuditOutcome.Success => AuditEvent.AuditEventOutcome.N0,
            AuditOutcome.Denied => AuditEvent.AuditEventOutcome.N4,
            _ => AuditEvent.AuditEventOutcome.N8,
        },
        OutcomeDesc = record.OutcomeDetail,
        PurposeOfEvent = record.Purpose is { Length: > 0 } purpose ? [new CodeableConcept { Text = purpose }] : [],
        Agent =
        [
            new AuditEvent.AgentComponent
            {
                Type = new CodeableConcept { Text = record.ActorKind },
                Who = new ResourceReference { Identifier = new Identifier(ActorSystem, record.ActorId) },
                Role = record.Roles.Length == 0 ? [] : [new CodeableConcept { Text = record.Roles }],
                Requestor = true,
            },
            .. record.AgencyId is { Length: > 0 } agency && Guid.TryParse(agency, out var agencyId)
                ? new[] { new AuditEvent.AgentComponent { Who = FhirReferences.Organization(agencyId), Requestor = false } }
                : [],
        ],
        Source = new AuditEvent.SourceComponent { Observer = new ResourceReference { Display = "IntegratedCare" } },
        Entity =
        [
            .. record.ServiceUserId is { Length: > 0 } person
                ? new[]
                {
                    new AuditEvent.EntityComponent
                    {
                        What = FhirReferences.Patient(person),
                        Role = new Coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient"),
                    },
                }
                : [],
            new AuditEvent.EntityComponent
            {
                What = new ResourceReference { Identifier = new Identifier($"{RecordSystem}/{record.ResourceType}", record.ResourceId ?? record.Operation) },
                Role = new Coding("http://terminology.hl7.org/CodeSystem/object-role", "4", "Domain Resource"),
                Description = record.Basis is { Length: > 0 } basis ? $"{record.Operation}; basis: {basis}" : record.Operation,
            },
        ],
    };
}
