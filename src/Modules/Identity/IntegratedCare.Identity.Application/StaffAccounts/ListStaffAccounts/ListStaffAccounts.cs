using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Identity.Domain.StaffAccounts;
using MediatR;

namespace IntegratedCare.Identity.Application.StaffAccounts.ListStaffAccounts;

[Authorize(BuildingBlocks.Application.Security.Roles.SystemAdmin)]
[Audit(AuditAction.Read, "staff-account")]
public sealed record ListStaffAccountsQuery : IQuery<IReadOnlyList<StaffAccountDto>>;

internal sealed class ListStaffAccountsHandler(IStaffAccountRepository accounts) : IRequestHandler<ListStaffAccountsQuery, IReadOnlyList<StaffAccountDto>>
{
    public async Task<IReadOnlyList<StaffAccountDto>> Handle(ListStaffAccountsQuery request, CancellationToken cancellationToken) =>
        (await accounts.ListAsync(cancellationToken)).Select(StaffAccountDto.From).ToList();
}
