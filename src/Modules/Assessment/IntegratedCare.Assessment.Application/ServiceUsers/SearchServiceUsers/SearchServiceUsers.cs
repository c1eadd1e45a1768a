using FluentValidation;
using IntegratedCare.Assessment.Domain.ServiceUsers;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Assessment.Application.ServiceUsers.SearchServiceUsers;

/// <summary>
/// Finds people by name and date of birth, tolerating spelling variants, or by identifier. Used before
/// registering, to find the person's record rather than create a second one. A match is returned only to
/// an agency in a care relationship with the person or permitted their identity; the person's details
/// come with it only where the sharing decision permits. To anyone else the search finds nothing.
/// </summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem, Roles.InformationGovernance)]
[Audit(AuditAction.Read, "service-user-search")]
public sealed record SearchServiceUsersQuery(
    string GivenName,
    string FamilyName,
    string DateOfBirth,
    PersonIdentifierInput? Identifier,
    int MaxResults) : IQuery<IReadOnlyList<ServiceUserMatchDto>>;

internal sealed class SearchServiceUsersValidator : AbstractValidator<SearchServiceUsersQuery>
{
    public const int DefaultResults = 10;
    public const int MostResults = 25;

    public SearchServiceUsersValidator()
    {
        RuleFor(x => x.GivenName).MaximumLength(100).WithMessage("must be at most 100 characters");
        RuleFor(x => x.FamilyName).MaximumLength(100).WithMessage("must be at most 100 characters");
        RuleFor(x => x.DateOfBirth).Must(d => string.IsNullOrEmpty(d) || ServiceUserDetailsInput.TryParseDate(d, out _))
            .WithMessage("must be a date as YYYY-MM-DD");
        RuleFor(x => x.MaxResults).InclusiveBetween(0, MostResults).WithMessage($"must be between 0 (the default, {DefaultResults}) and {MostResults}");

        // Enough to single a person out, never a trawl: a family name with a given name or date of birth, or an identifier.
        RuleFor(x => x.FamilyName)
            .Must((query, family) => !string.IsNullOrWhiteSpace(family) && (!string.IsNullOrWhiteSpace(query.GivenName) || !string.IsNullOrEmpty(query.DateOfBirth)))
            .When(x => x.Identifier is null)
            .WithMessage("is required, with given_name or date_of_birth, unless an identifier is sent");
        When(x => x.Identifier is not null, () =>
        {
            RuleFor(x => x.Identifier!.Scheme).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known identifier scheme");
            RuleFor(x => x.Identifier!.Value).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("is required")
                .MaximumLength(20).WithMessage("must be at most 20 characters");
        });
    }
}

internal sealed class SearchServiceUsersHandler(IServiceUserRepository people, RequestCallerAgency caller, DisclosureGate gate, IAuditScope audit)
    : IRequestHandler<SearchServiceUsersQuery, IReadOnlyList<ServiceUserMatchDto>>
{
    public async Task<IReadOnlyList<ServiceUserMatchDto>> Handle(SearchServiceUsersQuery request, CancellationToken cancellationToken)
    {
        var agency = await caller.RequireActiveAsync(cancellationToken);
        DateOnly? dateOfBirth = ServiceUserDetailsInput.TryParseDate(request.DateOfBirth, out var dob) ? dob : null;
        var identifiers = request.Identifier is { Scheme: { } scheme }
            ? new[] { new PersonIdentifier(scheme, IdentifierRules.Normalise(request.Identifier.Value)) }
            : [];
        var probe = new PersonProbe(request.GivenName ?? string.Empty, request.FamilyName ?? string.Empty, dateOfBirth, identifiers);
        var matches = (await Register.MatchesAsync(people, probe, cancellationToken))
            .Take(request.MaxResults == 0 ? SearchServiceUsersValidator.DefaultResults : request.MaxResults);

        var results = new List<ServiceUserMatchDto>();
        foreach (var match in matches)
        {
            var person = match.Person;
            var owns = person.RegisteringAgencyId == agency.AgencyId;
            var identity = await gate.DecideAsync(person.Id.Value, agency, owns, DataCategories.Identity, cancellationToken);
            ServiceUserDto? disclosed = null;
            if (identity.Permitted)
            {
                var contact = await gate.DecideAsync(person.Id.Value, agency, owns, DataCategories.ContactDetails, cancellationToken);
                disclosed = ServiceUserDto.From(person, contact.Permitted, identity.Basis);
                audit.Disclosed(person.Id.ToString(), identity.Basis);
            }

            // A match the caller may not know of (no care relationship, no consent permitting it anything) is left out:
            // the search does not confirm to a stranger that the person is known here.
            if (disclosed is null && !await gate.KnowsOfPersonAsync(person.Id.Value, agency, cancellationToken))
            {
                continue;
            }

            results.Add(new ServiceUserMatchDto(person.Id.ToString(), match.Strength, match.Score, disclosed, disclosed is null));
        }

        return results;
    }
}
