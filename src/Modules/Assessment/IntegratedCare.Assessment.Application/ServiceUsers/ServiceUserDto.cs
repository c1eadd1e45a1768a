using System.Globalization;
using IntegratedCare.Assessment.Domain.ServiceUsers;

namespace IntegratedCare.Assessment.Application.ServiceUsers;

public sealed record PersonIdentifierDto(IdentifierScheme Scheme, string Value);

/// <summary>
/// A person as disclosed to the caller. Contact details and address are a category of their own: when the
/// sharing decision withholds them, they are null and <see cref="ContactDetailsWithheld"/> says so.
/// </summary>
public sealed record ServiceUserDto(
    string ServiceUserId,
    PersonNameInput Name,
    string DateOfBirth,
    string SexOrGender,
    IReadOnlyList<PersonIdentifierDto> Identifiers,
    ContactDetailsInput? Contact,
    AddressInput? Address,
    bool ContactDetailsWithheld,
    string PreferredLanguage,
    bool InterpreterNeeded,
    string RegisteringAgencyId,
    DateTimeOffset RegisteredAt,
    DateTimeOffset UpdatedAt,
    string DisclosureBasis,
    long Version)
{
    public static ServiceUserDto From(ServiceUser person, bool contactDetails, string basis) => new(
        person.Id.ToString(),
        new PersonNameInput(person.Name.GivenName, person.Name.FamilyName, person.Name.OtherNames, person.Name.KnownAs),
        person.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        person.SexOrGender,
        person.Identifiers.Select(i => new PersonIdentifierDto(i.Scheme, i.Value)).ToList(),
        contactDetails ? new ContactDetailsInput(person.Contact.Phone, person.Contact.Email) : null,
        contactDetails ? new AddressInput(person.Address.Line1, person.Address.Line2, person.Address.Town, person.Address.Postcode) : null,
        !contactDetails,
        person.PreferredLanguage,
        person.InterpreterNeeded,
        person.RegisteringAgencyId.ToString("D"),
        person.RegisteredAt,
        person.UpdatedAt,
        basis,
        person.Version);
}
