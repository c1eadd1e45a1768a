using FluentValidation;
using IntegratedCare.Assessment.Domain.ServiceUsers;
using IntegratedCare.BuildingBlocks.Application.Validation;

namespace IntegratedCare.Assessment.Application.ServiceUsers;

public sealed record PersonNameInput(string GivenName, string FamilyName, string OtherNames, string KnownAs);

public sealed record PersonIdentifierInput(IdentifierScheme? Scheme, string Value);

public sealed record ContactDetailsInput(string Phone, string Email);

public sealed record AddressInput(string Line1, string Line2, string Town, string Postcode);

/// <summary>A person's details as sent: the date of birth as YYYY-MM-DD, enums null when unspecified.</summary>
public sealed record ServiceUserDetailsInput(
    PersonNameInput? Name,
    string DateOfBirth,
    string SexOrGender,
    IReadOnlyList<PersonIdentifierInput> Identifiers,
    ContactDetailsInput? Contact,
    AddressInput? Address,
    string PreferredLanguage,
    bool InterpreterNeeded)
{
    public static bool TryParseDate(string? text, out DateOnly date)
    {
        var parsed = IsoDates.Parse(text);
        date = parsed ?? default;
        return parsed is not null;
    }

    /// <summary>The validated input as the domain's value (call only after <see cref="ServiceUserDetailsValidator"/>).</summary>
    public ServiceUserDetails ToDetails()
    {
        TryParseDate(DateOfBirth, out var dateOfBirth);
        return new ServiceUserDetails(
            new PersonName(Name!.GivenName, Name.FamilyName, Name.OtherNames ?? string.Empty, Name.KnownAs ?? string.Empty),
            dateOfBirth,
            SexOrGender ?? string.Empty,
            Identifiers.Select(i => new PersonIdentifier(i.Scheme!.Value, IdentifierRules.Normalise(i.Value))).ToList(),
            new ContactDetails(Contact?.Phone ?? string.Empty, Contact?.Email ?? string.Empty),
            new PostalAddress(Address?.Line1 ?? string.Empty, Address?.Line2 ?? string.Empty, Address?.Town ?? string.Empty, Address?.Postcode ?? string.Empty),
            PreferredLanguage ?? string.Empty,
            InterpreterNeeded);
    }
}

/// <summary>Every field of a person's details, named as the partner sent it (e.g. <c>details.identifiers[0].value</c>).</summary>
internal sealed class ServiceUserDetailsValidator : AbstractValidator<ServiceUserDetailsInput>
{
    public ServiceUserDetailsValidator(TimeProvider clock)
    {
        RuleFor(x => x.Name).NotNull().WithMessage("is required");
        When(x => x.Name is not null, () =>
        {
            RuleFor(x => x.Name!.GivenName).RequiredText(100);
            RuleFor(x => x.Name!.FamilyName).RequiredText(100);
            RuleFor(x => x.Name!.OtherNames).OptionalText(200);
            RuleFor(x => x.Name!.KnownAs).OptionalText(100);
        });
        RuleFor(x => x.DateOfBirth).Cascade(CascadeMode.Stop)
            .Must(d => ServiceUserDetailsInput.TryParseDate(d, out _)).WithMessage("must be a date as YYYY-MM-DD")
            .Must(d => ServiceUserDetailsInput.TryParseDate(d, out var date)
                && date >= DateOfBirthMustBePlausibleRule.Earliest
                && date <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .WithMessage("must lie between 1900-01-01 and today");
        RuleFor(x => x.SexOrGender).OptionalText(50);
        RuleFor(x => x.PreferredLanguage).OptionalText(50);
        RuleFor(x => x.Identifiers).Must(i => i.Count <= 3).WithMessage("must hold at most one identifier of each scheme")
            .Must(i => i.Where(x => x.Scheme is not null).GroupBy(x => x.Scheme).All(g => g.Count() == 1))
            .WithMessage("must hold at most one identifier of each scheme");
        RuleForEach(x => x.Identifiers).ChildRules(identifier =>
        {
            identifier.RuleFor(i => i.Scheme).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known identifier scheme");
            identifier.RuleFor(i => i.Value).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("is required")
                .MaximumLength(20).WithMessage("must be at most 20 characters");
        });

        // The check rule, with the date of birth for CHI: reported by the identifier's own position.
        RuleForEach(x => x.Identifiers)
            .OverrideIndexer((_, _, _, index) => $"[{index}].value")
            .Must((input, identifier) => identifier.Scheme is null || string.IsNullOrEmpty(identifier.Value) || identifier.Value.Length > 20
                || IdentifierRules.Problem(identifier.Scheme.Value, identifier.Value, ParsedDateOfBirth(input)) is null)
            .WithMessage((input, identifier) => IdentifierRules.Problem(identifier.Scheme!.Value, identifier.Value, ParsedDateOfBirth(input)) ?? string.Empty);
        When(x => x.Contact is not null, () =>
        {
            RuleFor(x => x.Contact!.Phone).OptionalPhone();
            RuleFor(x => x.Contact!.Email).Cascade(CascadeMode.Stop)
                .MaximumLength(254).WithMessage("must be at most 254 characters")
                .EmailAddress().When(x => !string.IsNullOrEmpty(x.Contact!.Email)).WithMessage("is not an email address");
        });
        When(x => x.Address is not null, () =>
        {
            RuleFor(x => x.Address!.Line1).OptionalText(200);
            RuleFor(x => x.Address!.Line2).OptionalText(200);
            RuleFor(x => x.Address!.Town).OptionalText(100);
            RuleFor(x => x.Address!.Postcode).OptionalText(10);
        });
    }

    private static DateOnly? ParsedDateOfBirth(ServiceUserDetailsInput input) =>
        ServiceUserDetailsInput.TryParseDate(input.DateOfBirth, out var date) ? date : null;
}
