using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.Identity.Domain.StaffAccounts;
using MediatR;

namespace IntegratedCare.Identity.Application.StaffAccounts.CreateStaffAccount;

/// <summary>Creates a local staff account (the embedded default; an external provider holds its own).</summary>
[Authorize(BuildingBlocks.Application.Security.Roles.SystemAdmin)]
[Audit(AuditAction.Create, "staff-account")]
public sealed record CreateStaffAccountCommand(
    string UserName,
    string DisplayName,
    string AgencyId,
    IReadOnlyList<string> Roles,
    string Password) : ICommand<StaffAccountDto>;

internal sealed class CreateStaffAccountValidator : AbstractValidator<CreateStaffAccountCommand>
{
    public CreateStaffAccountValidator()
    {
        RuleFor(x => x.UserName).ValidUserName();
        RuleFor(x => x.DisplayName).RequiredText(200);
        RuleFor(x => x.Roles).ValidStaffRoles();
        RuleFor(x => x.Password).ValidPassword();
        RuleFor(x => x.AgencyId).MustBeId().When(x => !string.IsNullOrEmpty(x.AgencyId));
        RuleFor(x => x.AgencyId).NotEmpty().WithMessage("is required for case-manager, line-manager and agency-admin")
            .When(x => x.Roles.Any(IdentityPolicies.Roles.WithinAnAgency.Contains));
        RuleFor(x => x.Password).NotContainingUserName(x => x.UserName);
    }
}

internal sealed class CreateStaffAccountHandler(
    IStaffAccountRepository accounts, IPasswordHasher hasher, IMediator mediator, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<CreateStaffAccountCommand, StaffAccountDto>
{
    public async Task<StaffAccountDto> Handle(CreateStaffAccountCommand request, CancellationToken cancellationToken)
    {
        var agencyId = string.IsNullOrEmpty(request.AgencyId) ? null : await mediator.ActiveAgencyAsync(request.AgencyId, cancellationToken);
        Rule.Check(new UserNamesAreUniqueRule(await accounts.UserNameTakenAsync(request.UserName, cancellationToken)));

        var account = StaffAccount.Create(
            request.UserName, request.DisplayName, agencyId, request.Roles, IdentityPolicies.Roles, hasher.Hash(request.Password), clock.GetUtcNow());
        accounts.Add(account);
        audit.Resource(account.Id.ToString());
        return StaffAccountDto.From(account);
    }
}
