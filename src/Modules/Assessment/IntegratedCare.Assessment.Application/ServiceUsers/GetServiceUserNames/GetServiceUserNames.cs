using FluentValidation;
using IntegratedCare.Assessment.Domain.ServiceUsers;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Assessment.Application.ServiceUsers.GetServiceUserNames;

public sealed record ServiceUserNameDto(string ServiceUserId, string GivenName, string FamilyName);

/// <summary>
/// The names of several people at once, for a worktray's rows: one request instead of one per row. A
/// name is given only where the sharing decision permits the caller's agency the person's identity (the
/// registering agency always may), and each name given is audited as a disclosure of its own; an id
/// whose identity is withheld, or that no one holds, is simply left out, so the answer confirms nothing.
/// </summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.InformationGovernance)]
[Audit(AuditAction.Read, "service-user")]
public sealed record GetServiceUserNamesQuery(IReadOnlyList<string> ServiceUserIds) : IQuery<IReadOnlyList<ServiceUserNameDto>>;

internal sealed class GetServiceUserNamesValidator : AbstractValidator<GetServiceUserNamesQuery>
{
    public const int MostIds = 200;

    public GetServiceUserNamesValidator()
    {
        RuleFor(x => x.ServiceUserIds).NotNull().WithMessage("is required")
            .Must(ids => ids is { Count: > 0 and <= MostIds }).WithMessage($"must name between 1 and {MostIds} people");
        RuleForEach(x => x.ServiceUserIds).MustBeId();
    }
}

internal sealed class GetServiceUserNamesHandler(IServiceUserRepository people, RequestCallerAgency caller, DisclosureGate gate, IAuditScope audit)
    : IRequestHandler<GetServiceUserNamesQuery, IReadOnlyList<ServiceUserNameDto>>
{
    public async Task<IReadOnlyList<ServiceUserNameDto>> Handle(GetServiceUserNamesQuery request, CancellationToken cancellationToken)
    {
        var agency = await caller.RequireActiveAsync(cancellationToken);
        var names = new List<ServiceUserNameDto>();
        foreach (var id in request.ServiceUserIds.Select(Guid.Parse).Distinct())
        {
            if (await people.FindAsync(new ServiceUserId(id), cancellationToken) is not { } person)
            {
                continue;
            }

            var identity = await gate.DecideAsync(id, agency, person.RegisteringAgencyId == agency.AgencyId, DataCategories.Identity, cancellationToken);
            if (identity.Permitted)
            {
                audit.Disclosed(person.Id.ToString(), identity.Basis);
                names.Add(new ServiceUserNameDto(person.Id.ToString(), person.Name.GivenName, person.Name.FamilyName));
            }
        }

        return names;
    }
}
