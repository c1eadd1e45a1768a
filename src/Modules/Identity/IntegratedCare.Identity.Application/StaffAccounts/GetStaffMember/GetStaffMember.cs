using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.Identity.Contracts;
using IntegratedCare.Identity.Domain.StaffAccounts;
using MediatR;

namespace IntegratedCare.Identity.Application.StaffAccounts.GetStaffMember;

internal sealed class StaffMemberValidator : AbstractValidator<StaffMemberQuery>
{
    public StaffMemberValidator() => RuleFor(x => x.StaffId).RequiredText(200);
}

internal sealed class StaffMemberHandler(IStaffAccountRepository accounts, IAuditScope audit) : IRequestHandler<StaffMemberQuery, StaffMember?>
{
    public async Task<StaffMember?> Handle(StaffMemberQuery request, CancellationToken cancellationToken)
    {
        audit.Resource(request.StaffId);
        if (!BuildingBlocks.Domain.TypedIds.TryParse(request.StaffId, out var id))
        {
            return null;
        }

        var account = await accounts.FindAsync(new StaffAccountId(id), cancellationToken);
        return account is null ? null : new StaffMember(account.Id.ToString(), account.DisplayName, account.AgencyId, account.Roles, !account.Disabled);
    }
}
