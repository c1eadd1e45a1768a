using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Identity.Domain.StaffAccounts;
using MediatR;

namespace IntegratedCare.Identity.Application.StaffAccounts.ChangeStaffAccount;

/// <summary>What an administrator does to an existing account.</summary>
public enum StaffAccountChange
{
    Unlock = 1,
    Disable = 2,
    Enable = 3,
    ResetPassword = 4,
    SetRoles = 5,
}

[Authorize(BuildingBlocks.Application.Security.Roles.SystemAdmin)]
[Audit(AuditAction.Update, "staff-account")]
public sealed record ChangeStaffAccountCommand(
    string StaffAccountId,
    StaffAccountChange? Change,
    long ExpectedVersion,
    string NewPassword,
    IReadOnlyList<string> Roles) : ICommand<StaffAccountDto>;

internal sealed class ChangeStaffAccountValidator : AbstractValidator<ChangeStaffAccountCommand>
{
    public ChangeStaffAccountValidator()
    {
        RuleFor(x => x.StaffAccountId).MustBeId();
        RuleFor(x => x.Change).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known change");
        RuleFor(x => x.ExpectedVersion).MustBeAVersion();
        RuleFor(x => x.NewPassword).ValidPassword().When(x => x.Change == StaffAccountChange.ResetPassword);
        RuleFor(x => x.Roles).ValidStaffRoles().When(x => x.Change == StaffAccountChange.SetRoles);
    }
}

internal sealed class ChangeStaffAccountHandler(IStaffAccountRepository accounts, IPasswordHasher hasher, ICurrentActor current, IAuditScope audit)
    : IRequestHandler<ChangeStaffAccountCommand, StaffAccountDto>
{
    public async Task<StaffAccountDto> Handle(ChangeStaffAccountCommand request, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(new StaffAccountId(Guid.Parse(request.StaffAccountId)), cancellationToken)
            ?? throw new NotFoundException("staff-account", request.StaffAccountId);
        audit.Resource(account.Id.ToString());
        account.EnsureVersion(request.ExpectedVersion);

        var byHolder = current.Required.Id == account.Id.ToString();
        switch (request.Change)
        {
            case StaffAccountChange.Unlock:
                account.Unlock();
                break;
            case StaffAccountChange.Disable:
                account.Disable(byHolder);
                break;
            case StaffAccountChange.Enable:
                account.Enable();
                break;
            case StaffAccountChange.ResetPassword:
                account.ResetPassword(hasher.Hash(request.NewPassword));
                break;
            case StaffAccountChange.SetRoles:
                account.SetRoles(request.Roles, byHolder, IdentityPolicies.Roles);
                break;
        }

        return StaffAccountDto.From(account);
    }
}
