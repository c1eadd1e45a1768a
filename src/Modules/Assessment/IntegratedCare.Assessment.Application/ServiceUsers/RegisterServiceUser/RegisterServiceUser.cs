using FluentValidation;
using IntegratedCare.Assessment.Domain.ServiceUsers;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Assessment.Application.ServiceUsers.RegisterServiceUser;

/// <summary>
/// Registers a person for the caller's agency. Refused when another record holds one of the identifiers
/// (ALREADY_EXISTS), or when the register holds a likely duplicate the caller may know of (it has a care
/// relationship with the person or a consent permits it their data) and has not confirmed is someone else
/// (FAILED_PRECONDITION naming the candidate ids). Likely matches it may not know of are not named.
/// </summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Create, "service-user")]
public sealed record RegisterServiceUserCommand(ServiceUserDetailsInput? Details, IReadOnlyList<string> ConfirmedDistinctFrom, string? RequestId = null) : ICommand<ServiceUserDto>, IntegratedCare.BuildingBlocks.Application.Idempotency.IIdempotentCommand;

internal sealed class RegisterServiceUserValidator : AbstractValidator<RegisterServiceUserCommand>
{
    public RegisterServiceUserValidator(TimeProvider clock)
    {
        RuleFor(x => x.Details).NotNull().WithMessage("is required").SetValidator(new ServiceUserDetailsValidator(clock)!);
        RuleFor(x => x.ConfirmedDistinctFrom).Must(c => c.Count <= 50).WithMessage("must name at most 50 records");
        RuleForEach(x => x.ConfirmedDistinctFrom).MustBeId();
    }
}

internal sealed class RegisterServiceUserHandler(
    IServiceUserRepository people,
    RequestCallerAgency caller, ICurrentActor currentActor,
    DisclosureGate gate,
    IAuditScope audit,
    TimeProvider clock) : IRequestHandler<RegisterServiceUserCommand, ServiceUserDto>
{
    public async Task<ServiceUserDto> Handle(RegisterServiceUserCommand request, CancellationToken cancellationToken)
    {
        var agency = await caller.RequireActiveAsync(cancellationToken);
        var details = request.Details!.ToDetails();
        await Register.EnsureIdentifiersAreFreeAsync(people, details.Identifiers, null, cancellationToken);

        var confirmed = request.ConfirmedDistinctFrom.Select(id => new ServiceUserId(Guid.Parse(id))).ToHashSet();
        var likely = new List<ServiceUserId>();
        foreach (var match in await Register.MatchesAsync(people, ProbeOf(details), cancellationToken))
        {
            // Only records the caller may know of are named: a likely match held by agencies with no
            // relationship to the caller is neither named nor hinted at (see the README on finding a person).
            if (match.Strength == MatchStrength.Likely && !confirmed.Contains(match.Person.Id) && await MayKnowOfAsync(match.Person, agency, cancellationToken))
            {
                likely.Add(match.Person.Id);
            }
        }

        Rule.Check(new MustNotBeALikelyDuplicateRule(likely));

        var person = ServiceUser.Register(details, agency.AgencyId, currentActor.Required.Id, clock.GetUtcNow());
        people.Add(person);
        audit.Resource(person.Id.ToString());
        audit.ServiceUser(person.Id.ToString());
        return ServiceUserDto.From(person, contactDetails: true, DisclosureGate.OwnRecordBasis);
    }

    private async Task<bool> MayKnowOfAsync(ServiceUser person, AgencyProfile agency, CancellationToken cancellationToken) =>
        person.RegisteringAgencyId == agency.AgencyId || await gate.KnowsOfPersonAsync(person.Id.Value, agency, cancellationToken);

    private static PersonProbe ProbeOf(ServiceUserDetails details) =>
        new(details.Name.GivenName, details.Name.FamilyName, details.DateOfBirth, details.Identifiers);
}
