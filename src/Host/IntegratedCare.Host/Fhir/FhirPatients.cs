using Hl7.Fhir.Model;
using IntegratedCare.Assessment.Application.ServiceUsers;
using IntegratedCare.Assessment.Application.ServiceUsers.GetServiceUser;
using IntegratedCare.Assessment.Domain.ServiceUsers;
using IntegratedCare.Assessment.Application.ServiceUsers.SearchServiceUsers;
using IntegratedCare.BuildingBlocks.Application.Errors;
using MediatR;

namespace IntegratedCare.Host.Fhir;

/// <summary>
/// A person on the register as a <c>Patient</c>: their identity, which only the <c>GetServiceUser</c> query's
/// disclosure decision gives out (an agency without an identity permit is refused as over gRPC, and a
/// withheld contact block stays out). Sex or gender is the person's own words and not forced into FHIR's four
/// administrative codes, so it is not sent.
/// </summary>
internal static class FhirPatients
{
    /// <summary>NHS England's system for NHS numbers.</summary>
    public const string NhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number";

    /// <summary>NHS Scotland's Community Health Index, by its OID (no https system is published).</summary>
    public const string ChiNumberSystem = "urn:oid:2.16.840.1.113883.2.1.3.2.4.16.53";

    /// <summary>Ireland's Personal Public Service number: no FHIR system is published for it, so this server names its own.</summary>
    public const string PpsNumberSystem = "https://integratedcare.scot/fhir/Id/ppsn";

    public static IRequest<ServiceUserDto> Read(string serviceUserId) => new GetServiceUserQuery(serviceUserId);

    /// <summary>
    /// <c>GET Patient?identifier=system|value</c>, or <c>family</c> with <c>given</c> or <c>birthdate</c>: the register's
    /// own search (spelling variants of a name tolerated), which finds a person only for an agency that may
    /// identify them. The count is capped as the register caps it (25), and there is no next page.
    /// </summary>
    public static IRequest<IReadOnlyList<ServiceUserMatchDto>> Search(FhirSearch search)
    {
        PersonIdentifierInput? identifier = null;
        if (search.Token("identifier") is var (system, value))
        {
            IdentifierScheme? scheme = system switch
            {
                ChiNumberSystem => IdentifierScheme.Chi,
                NhsNumberSystem => IdentifierScheme.Nhs,
                PpsNumberSystem => IdentifierScheme.Pps,
                _ => throw new RequestValidationException("identifier", $"must name its system: {ChiNumberSystem}, {NhsNumberSystem} or {PpsNumberSystem} (system|value)"),
            };
            identifier = new PersonIdentifierInput(scheme, value);
        }

        return new SearchServiceUsersQuery(search.Text("given"), search.Text("family"), search.Text("birthdate"), identifier, Math.Min(search.Count, 25));
    }

    public static Patient ToPatient(ServiceUserDto person) => new()
    {
        Id = person.ServiceUserId,
        Active = true,
        Identifier =
        [
            .. person.Identifiers
                .Select(i => (System: i.Scheme switch
                {
                    IdentifierScheme.Chi => ChiNumberSystem,
                    IdentifierScheme.Nhs => NhsNumberSystem,
                    IdentifierScheme.Pps => PpsNumberSystem,
                    _ => null,
                }, i.Value))
                .Where(i => i.System is not null) // a scheme added later is not sent under another's name
                .Select(i => new Identifier(i.System, i.Value) { Use = Identifier.IdentifierUse.Official }),
        ],
        Name =
        [
            new HumanName
            {
                Use = HumanName.NameUse.Official,
                Family = person.Name.FamilyName,
                Given = [.. new[] { person.Name.GivenName }.Concat(person.Name.OtherNames.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
            },
            .. person.Name.KnownAs.Length == 0 ? [] : new[] { new HumanName { Use = HumanName.NameUse.Usual, Given = [person.Name.KnownAs], Family = person.Name.FamilyName } },
        ],
        BirthDate = person.DateOfBirth,
        Telecom = person.Contact is { } contact
            ?
            [
                .. contact.Phone.Length == 0 ? [] : new[] { new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, contact.Phone) },
                .. contact.Email.Length == 0 ? [] : new[] { new ContactPoint(ContactPoint.ContactPointSystem.Email, null, contact.Email) },
            ]
            : [],
        Address = person.Address is { } address && (address.Line1.Length > 0 || address.Town.Length > 0 || address.Postcode.Length > 0)
            ?
            [
                new Address
                {
                    Line = [.. new[] { address.Line1, address.Line2 }.Where(l => l.Length > 0)],
                    City = address.Town.Length == 0 ? null : address.Town,
                    PostalCode = address.Postcode.Length == 0 ? null : address.Postcode,
                },
            ]
            : [],
        Communication = person.PreferredLanguage.Length == 0
            ? []
            : [new Patient.CommunicationComponent { Language = new CodeableConcept { Text = person.PreferredLanguage }, Preferred = true }],
        ManagingOrganization = FhirReferences.Organization(person.RegisteringAgencyId),
    };
}
