using Hl7.Fhir.Model;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.Protocols.Application.Consents;
using IntegratedCare.Protocols.Application.Consents.GetConsent;
using IntegratedCare.Protocols.Application.Consents.ListConsents;
using IntegratedCare.Protocols.Domain.Consents;
using IntegratedCare.Protocols.Domain.Sharing;
using MediatR;
using Consent = Hl7.Fhir.Model.Consent;

namespace IntegratedCare.Host.Fhir;

/// <summary>
/// A person's consent to share (or their recorded refusal) as a FHIR R4 privacy <c>Consent</c>: the period it
/// runs for is the root provision's, and each of our provisions is a nested one, permit or deny, for its data
/// categories (<c>code</c>), to its agencies (<c>actor</c>, information recipients) and for its purposes
/// (<c>purpose</c>, HL7 purpose-of-use codes). Reads are the Protocols module's own queries, so a partner sees
/// only the consents its agency recorded or is named in, as over gRPC.
/// </summary>
internal static class FhirConsents
{
    public const string DataCategorySystem = "https://integratedcare.scot/fhir/CodeSystem/data-category";

    public const string AgencyTypeSystem = "https://integratedcare.scot/fhir/CodeSystem/agency-type";

    private const string ActReasonSystem = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

    private static readonly Dictionary<SharingPurpose, Coding> Purposes = new()
    {
        [SharingPurpose.DirectCare] = new Coding(ActReasonSystem, "TREAT", "treatment"),
        [SharingPurpose.Safeguarding] = new Coding(ActReasonSystem, "THREAT", "threat"),
        [SharingPurpose.Planning] = new Coding(ActReasonSystem, "HOPERAT", "healthcare operations"),
    };

    public static IRequest<ConsentDto> Read(string consentId) => new GetConsentQuery(consentId);

    public static IRequest<Page<ConsentDto>> Search(string patient, int count, string pageToken) => new ListConsentsQuery(patient, count, pageToken);

    /// <summary>When the consent last changed: withdrawn, expired (it reads as inactive from then), or recorded.</summary>
    public static DateTimeOffset Updated(ConsentDto consent) =>
        consent.WithdrawnAt
        ?? (consent.Status == ConsentStatus.Inactive && consent.ExpiresAt is { } expired ? expired : consent.RecordedAt);

    public static Consent ToConsent(ConsentDto consent) => new()
    {
        Id = consent.ConsentId,
        Status = consent.Status switch
        {
            ConsentStatus.Draft => Consent.ConsentState.Draft,
            ConsentStatus.Active => Consent.ConsentState.Active,
            ConsentStatus.Rejected => Consent.ConsentState.Rejected,
            ConsentStatus.Inactive => Consent.ConsentState.Inactive,
            _ => Consent.ConsentState.EnteredInError,
        },
        Scope = new CodeableConcept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", "Privacy Consent"),
        Category = [new CodeableConcept("http://loinc.org", "59284-0", "Patient Consent")],
        Patient = FhirReferences.Patient(consent.ServiceUserId),
        DateTime = FhirReferences.Instant(consent.RecordedAt),
        Performer = [FhirReferences.Patient(consent.ServiceUserId)],
        Organization = [FhirReferences.Organization(consent.RecordingAgencyId)],
        // A recorded refusal opts the person out; anything else opts them in to what its provisions permit.
        PolicyRule = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ActCode",
            consent.Status == ConsentStatus.Rejected ? "OPTOUT" : "OPTIN", consent.Status == ConsentStatus.Rejected ? "opt-out" : "opt-in")
        {
            Text = $"The area's information sharing protocol; consent given {(consent.Method == ConsentMethod.Written ? "in writing" : "verbally")}, recorded by {consent.RecordedBy}",
        },
        Provision = new Consent.provisionComponent
        {
            Period = new Period
            {
                Start = FhirReferences.Instant(consent.RecordedAt),
                End = FhirReferences.Instant(consent.WithdrawnAt is { } withdrawn && (consent.ExpiresAt is not { } expires || withdrawn < expires) ? withdrawn : consent.ExpiresAt),
            },
            Provision = [.. consent.Provisions.Select(ToProvision)],
        },
    };

    private static Consent.provisionComponent ToProvision(ConsentProvisionDto provision) => new()
    {
        Type = provision.Type == ProvisionType.Permit ? Consent.ConsentProvisionType.Permit : Consent.ConsentProvisionType.Deny,
        Actor =
        [
            .. provision.AgencyIds.Select(id => Recipient(FhirReferences.Organization(id))),
            .. provision.AgencyTypes.Select(type => Recipient(new ResourceReference
            {
                // No one organisation: a logical reference by agency type, which a partner's system can match on.
                Type = "Organization",
                Identifier = new Identifier(AgencyTypeSystem, FhirReferences.Kebab(type.ToString())),
                Display = $"Any {FhirReferences.Words(type.ToString()).ToLowerInvariant()} agency",
            })),
        ],
        Purpose = [.. provision.Purposes.Select(p => Purposes.TryGetValue(p, out var coding) ? coding : new Coding { Display = FhirReferences.Words(p.ToString()) })],
        Code = [.. provision.DataCategories.Select(c => new CodeableConcept(DataCategorySystem, c))],
    };

    private static Consent.provisionActorComponent Recipient(ResourceReference who) => new()
    {
        Role = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", "information recipient"),
        Reference = who,
    };
}
