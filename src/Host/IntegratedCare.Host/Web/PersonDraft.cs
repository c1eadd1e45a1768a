using IntegratedCare.Assessment.Application.ServiceUsers;
using IntegratedCare.Assessment.Domain.ServiceUsers;

namespace IntegratedCare.Host.Web;

/// <summary>
/// A person's details as the registration and edit forms hold them while typed. One identifier is edited
/// on the form; any others the record holds are kept as they are.
/// </summary>
public sealed class PersonDraft
{
    public string Given { get; set; } = string.Empty;

    public string Family { get; set; } = string.Empty;

    public string Other { get; set; } = string.Empty;

    public string KnownAs { get; set; } = string.Empty;

    public string DateOfBirth { get; set; } = string.Empty;

    public string Sex { get; set; } = string.Empty;

    public IdentifierScheme? Scheme { get; set; }

    public string Identifier { get; set; } = string.Empty;

    public string Phone { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string Line1 { get; set; } = string.Empty;

    public string Line2 { get; set; } = string.Empty;

    public string Town { get; set; } = string.Empty;

    public string Postcode { get; set; } = string.Empty;

    public string Language { get; set; } = string.Empty;

    public bool Interpreter { get; set; }

    private List<PersonIdentifierInput> OtherIdentifiers { get; } = [];

    public static PersonDraft From(ServiceUserDto person)
    {
        var draft = new PersonDraft
        {
            Given = person.Name.GivenName, Family = person.Name.FamilyName, Other = person.Name.OtherNames, KnownAs = person.Name.KnownAs,
            DateOfBirth = person.DateOfBirth, Sex = person.SexOrGender,
            Phone = person.Contact?.Phone ?? string.Empty, Email = person.Contact?.Email ?? string.Empty,
            Line1 = person.Address?.Line1 ?? string.Empty, Line2 = person.Address?.Line2 ?? string.Empty,
            Town = person.Address?.Town ?? string.Empty, Postcode = person.Address?.Postcode ?? string.Empty,
            Language = person.PreferredLanguage, Interpreter = person.InterpreterNeeded,
        };
        if (person.Identifiers.Count > 0)
        {
            draft.Scheme = person.Identifiers[0].Scheme;
            draft.Identifier = person.Identifiers[0].Value;
            draft.OtherIdentifiers.AddRange(person.Identifiers.Skip(1).Select(i => new PersonIdentifierInput(i.Scheme, i.Value)));
        }

        return draft;
    }

    public ServiceUserDetailsInput ToInput()
    {
        var identifiers = string.IsNullOrWhiteSpace(Identifier) ? new List<PersonIdentifierInput>() : [new PersonIdentifierInput(Scheme, Identifier)];
        identifiers.AddRange(OtherIdentifiers);
        return new ServiceUserDetailsInput(
            new PersonNameInput(Given, Family, Other, KnownAs), DateOfBirth, Sex, identifiers,
            new ContactDetailsInput(Phone, Email), new AddressInput(Line1, Line2, Town, Postcode), Language, Interpreter);
    }
}
