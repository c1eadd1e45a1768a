using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Identity.Domain.Credentials;
using MediatR;

namespace IntegratedCare.Identity.Application.Credentials.ListAgencyCredentials;

[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Read, "agency-credential")]
public sealed record ListAgencyCredentialsQuery : IQuery<IReadOnlyList<AgencyCredentialDto>>;

internal sealed class ListAgencyCredentialsHandler(IAgencyCredentialRepository credentials)
    : IRequestHandler<ListAgencyCredentialsQuery, IReadOnlyList<AgencyCredentialDto>>
{
    public async Task<IReadOnlyList<AgencyCredentialDto>> Handle(ListAgencyCredentialsQuery request, CancellationToken cancellationToken) =>
        (await credentials.ListAsync(cancellationToken))
            .OrderBy(c => c.AgencyId, StringComparer.Ordinal).ThenByDescending(c => c.IssuedAt)
            .Select(AgencyCredentialDto.From).ToList();
}
