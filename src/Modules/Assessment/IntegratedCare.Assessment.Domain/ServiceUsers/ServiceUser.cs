using IntegratedCare.BuildingBlocks.Domain.Contact;
using IntegratedCare.BuildingBlocks.Domain;

namespace IntegratedCare.Assessment.Domain.ServiceUsers;

public sealed record ServiceUserId(Guid Value) : ITypedId
{
    public static ServiceUserId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("D");
}

/// <summary>A person's name as they give it; <see cref="KnownAs"/> is the name they go by, if different.</summary>
public sealed record PersonName(string GivenName, string FamilyName, string OtherNames, string KnownAs);

public sealed record ContactDetails(string Phone, string Email);

public sealed record PostalAddress(string Line1, string Line2, string Town, string Postcode);

/// <summary>Everything a worker records about who a person is; each registration or update sends it whole.</summary>
public sealed record ServiceUserDetails(
    PersonName Name,
    DateOnly DateOfBirth,
    string SexOrGender,
    IReadOnlyList<PersonIdentifier> Identifiers,
    ContactDetails Contact,
    PostalAddress Address,
    string PreferredLanguage,
    bool InterpreterNeeded);

/// <summary>
/// A person on the register: identity, identifiers, contact details. Other modules know the person only by
/// <see cref="ServiceUserId"/>; the details are disclosed under the sharing decision, and always to the
/// agency that registered them.
/// </summary>
public sealed class ServiceUser : AggregateRoot<ServiceUserId>
{
    private ServiceUser()
        : base(null!)
    {
    }

    private ServiceUser(ServiceUserId id)
        : base(id)
    {
    }

    public Guid RegisteringAgencyId { get; private set; }

    public string RegisteredBy { get; private set; } = string.Empty;

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public PersonName Name { get; private set; } = null!;

    public DateOnly DateOfBirth { get; private set; }

    public string SexOrGender { get; private set; } = string.Empty;

    public string? Chi { get; private set; }

    public string? Nhs { get; private set; }

    public string? Pps { get; private set; }

    public ContactDetails Contact { get; private set; } = null!;

    public PostalAddress Address { get; private set; } = null!;

    public string PreferredLanguage { get; private set; } = string.Empty;

    public bool InterpreterNeeded { get; private set; }

    /// <summary>Search keys kept with the record (see <see cref="NameMatching"/>).</summary>
    public string FamilyNameKey { get; private set; } = string.Empty;

    public string FamilyNameSoundex { get; private set; } = string.Empty;

    public string GivenNameKey { get; private set; } = string.Empty;

    public string KnownAsKey { get; private set; } = string.Empty;

    /// <summary>The phone number as national digits ("07700900123"), for finding it in free text; empty if none.</summary>
    public string PhoneKey { get; private set; } = string.Empty;

    /// <summary>The email address in lower case, for finding it in free text; empty if none.</summary>
    public string EmailKey { get; private set; } = string.Empty;

    public IReadOnlyList<PersonIdentifier> Identifiers =>
        new[] { (IdentifierScheme.Chi, Chi), (IdentifierScheme.Nhs, Nhs), (IdentifierScheme.Pps, Pps) }
            .Where(x => x.Item2 is not null)
            .Select(x => new PersonIdentifier(x.Item1, x.Item2!))
            .ToList();

    public static ServiceUser Register(ServiceUserDetails details, Guid registeringAgencyId, string registeredBy, DateTimeOffset now)
    {
        var person = new ServiceUser(ServiceUserId.New())
        {
            RegisteringAgencyId = registeringAgencyId,
            RegisteredBy = registeredBy,
            RegisteredAt = now,
        };
        person.Apply(details, now);
        person.Raise(new ServiceUserRegistered(person.Id, registeringAgencyId, now));
        return person;
    }

    public void Update(long expectedVersion, ServiceUserDetails details, DateTimeOffset now)
    {
        EnsureVersion(expectedVersion);
        Apply(details, now);
        Touch();
        Raise(new ServiceUserUpdated(Id, now));
    }

    private void Apply(ServiceUserDetails details, DateTimeOffset now)
    {
        CheckRule(new IdentifiersMustPassTheirCheckRule(details.Identifiers, details.DateOfBirth));
        CheckRule(new OneIdentifierPerSchemeRule(details.Identifiers));
        CheckRule(new DateOfBirthMustBePlausibleRule(details.DateOfBirth, DateOnly.FromDateTime(now.UtcDateTime)));
        Name = details.Name with
        {
            GivenName = details.Name.GivenName.Trim(),
            FamilyName = details.Name.FamilyName.Trim(),
            OtherNames = details.Name.OtherNames.Trim(),
            KnownAs = details.Name.KnownAs.Trim(),
        };
        DateOfBirth = details.DateOfBirth;
        SexOrGender = details.SexOrGender.Trim();
        Chi = Find(details.Identifiers, IdentifierScheme.Chi);
        Nhs = Find(details.Identifiers, IdentifierScheme.Nhs);
        Pps = Find(details.Identifiers, IdentifierScheme.Pps);
        Contact = new ContactDetails(details.Contact.Phone.Trim(), details.Contact.Email.Trim());
        Address = new PostalAddress(
            details.Address.Line1.Trim(), details.Address.Line2.Trim(), details.Address.Town.Trim(), details.Address.Postcode.Trim().ToUpperInvariant());
        PreferredLanguage = details.PreferredLanguage.Trim();
        InterpreterNeeded = details.InterpreterNeeded;
        FamilyNameKey = NameMatching.Key(Name.FamilyName);
        FamilyNameSoundex = NameMatching.Soundex(FamilyNameKey);
        GivenNameKey = NameMatching.Key(Name.GivenName);
        KnownAsKey = NameMatching.Key(Name.KnownAs);
        PhoneKey = ContactKeys.Phone(Contact.Phone);
        EmailKey = ContactKeys.Email(Contact.Email);
        UpdatedAt = now;
    }

    private static string? Find(IReadOnlyList<PersonIdentifier> identifiers, IdentifierScheme scheme) =>
        identifiers.FirstOrDefault(i => i.Scheme == scheme) is { } identifier ? IdentifierRules.Normalise(identifier.Value) : null;
}

internal sealed record ServiceUserRegistered(ServiceUserId ServiceUserId, Guid RegisteringAgencyId, DateTimeOffset OccurredAt) : IDomainEvent;

internal sealed record ServiceUserUpdated(ServiceUserId ServiceUserId, DateTimeOffset OccurredAt) : IDomainEvent;

internal sealed class IdentifiersMustPassTheirCheckRule(IReadOnlyList<PersonIdentifier> identifiers, DateOnly dateOfBirth) : IBusinessRule
{
    public bool IsBroken() => identifiers.Any(i => IdentifierRules.Problem(i.Scheme, i.Value, dateOfBirth) is not null);

    public string Message => "Every identifier must pass its scheme's check rule.";
}

internal sealed class OneIdentifierPerSchemeRule(IReadOnlyList<PersonIdentifier> identifiers) : IBusinessRule
{
    public bool IsBroken() => identifiers.GroupBy(i => i.Scheme).Any(g => g.Count() > 1);

    public string Message => "A person has at most one identifier of each scheme.";
}

internal sealed class DateOfBirthMustBePlausibleRule(DateOnly dateOfBirth, DateOnly today) : IBusinessRule
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public bool IsBroken() => dateOfBirth < Earliest || dateOfBirth > today;

    public string Message => "A date of birth lies between 1900-01-01 and today.";
}

/// <summary>Another person on the register already has this identifier: it names one person only.</summary>
internal sealed class IdentifierMustBeUniqueRule(IdentifierScheme scheme, bool takenByAnother) : IUniquenessRule
{
    public bool IsBroken() => takenByAnother;

    public string Message => $"Another person on the register has this {scheme.ToString().ToUpperInvariant()} number.";
}

internal interface IServiceUserRepository
{
    Task<ServiceUser?> FindAsync(ServiceUserId id, CancellationToken cancellationToken);

    /// <summary>The agency that registered the person, or null when nobody holds the id (no record loaded).</summary>
    Task<Guid?> RegisteringAgencyAsync(ServiceUserId id, CancellationToken cancellationToken);

    /// <summary>Whether someone other than <paramref name="except"/> holds this identifier.</summary>
    Task<bool> IdentifierIsTakenAsync(PersonIdentifier identifier, ServiceUserId? except, CancellationToken cancellationToken);

    /// <summary>
    /// People who may be the one described: the same family name sound, or a date of birth among
    /// <paramref name="birthDates"/>, or one of <paramref name="identifiers"/>. At most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<ServiceUser>> CandidatesAsync(
        string familyNameSoundex, IReadOnlyCollection<DateOnly> birthDates, IReadOnlyCollection<PersonIdentifier> identifiers, int limit, CancellationToken cancellationToken);

    /// <summary>The names of registered people whose family name key is among <paramref name="familyNameKeys"/>.</summary>
    Task<IReadOnlyList<RegisteredName>> NamesWithFamilyKeysAsync(IReadOnlyCollection<string> familyNameKeys, CancellationToken cancellationToken);

    /// <summary>
    /// Registered names whose family name has one of the keys or Soundex codes (near misses), or whose given
    /// or known-as name has one of the given keys: what a text's words could be the names of.
    /// </summary>
    /// <summary>The registered names of these people.</summary>
    Task<IReadOnlyList<RegisteredName>> NamesOfAsync(IReadOnlyCollection<Guid> serviceUserIds, CancellationToken cancellationToken);

    /// <summary>Those of the phone and email keys (see <see cref="ContactKeys"/>) a registered person's contact details have.</summary>
    Task<IReadOnlyCollection<string>> ContactKeysAmongAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    Task<IReadOnlyList<RegisteredName>> NamesLikeAsync(IReadOnlyCollection<string> familyNameKeys, IReadOnlyCollection<string> soundexes, IReadOnlyCollection<string> givenNameKeys, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="dates"/> that are a registered person's date of birth.</summary>
    Task<IReadOnlyCollection<DateOnly>> BirthDatesAmongAsync(IReadOnlyCollection<DateOnly> dates, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="identifiers"/> that a registered person holds.</summary>
    Task<IReadOnlyCollection<PersonIdentifier>> IdentifiersAmongAsync(IReadOnlyCollection<PersonIdentifier> identifiers, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(ServiceUserId id, CancellationToken cancellationToken);

    void Add(ServiceUser person);
}

/// <summary>A registered person's name keys (see <see cref="NameMatching.Key"/>), without who they are.</summary>
internal sealed record RegisteredName(string GivenNameKey, string FamilyNameKey, string KnownAsKey, string OtherNames = "")
{
    /// <summary>The keys of the person's other (middle) names.</summary>
    public IReadOnlyList<string> OtherNameKeys { get; } = OtherNames.Split([' ', ',', '-'], StringSplitOptions.RemoveEmptyEntries).Select(NameMatching.Key).Where(k => k.Length > 1).ToList();
}

/// <summary>Contact details as keys: a phone number as national digits (44 and 353 prefixes folded to 0), an email in lower case.</summary>
internal static class ContactKeys
{
    public static string Phone(string? phone)
    {
        var national = PhoneNumbers.National(new string((phone ?? string.Empty).Where(char.IsAsciiDigit).ToArray()));
        return national.Length >= 9 ? national : string.Empty;
    }

    public static string Email(string? email) => (email ?? string.Empty).Trim().ToLowerInvariant();
}
