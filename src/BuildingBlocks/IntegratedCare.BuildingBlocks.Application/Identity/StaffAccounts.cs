using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;

namespace IntegratedCare.BuildingBlocks.Application.Identity;

/// <summary>A local staff account as an administrator sees it. Never carries the password hash.</summary>
public sealed record StaffAccountDto(
    string StaffAccountId,
    string UserName,
    string DisplayName,
    string? AgencyId,
    IReadOnlyList<string> Roles,
    bool Disabled,
    DateTimeOffset? LockedUntil,
    int FailedSignIns,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt,
    long Version);

/// <summary>What an administrator does to an existing account.</summary>
public enum StaffAccountChange
{
    Unlock = 1,
    Disable = 2,
    Enable = 3,
    ResetPassword = 4,
    SetRoles = 5,
}

/// <summary>Creates a local staff account (the embedded default; an external provider holds its own).</summary>
[Authorize(Security.Roles.SystemAdmin)]
[Audit(AuditAction.Create, "staff-account")]
public sealed record CreateStaffAccountCommand(
    string UserName,
    string DisplayName,
    string AgencyId,
    IReadOnlyList<string> Roles,
    string Password) : ICommand<StaffAccountDto>;

[Authorize(Security.Roles.SystemAdmin)]
[Audit(AuditAction.Read, "staff-account")]
public sealed record ListStaffAccountsQuery : IQuery<IReadOnlyList<StaffAccountDto>>;

[Authorize(Security.Roles.SystemAdmin)]
[Audit(AuditAction.Update, "staff-account")]
public sealed record ChangeStaffAccountCommand(
    string StaffAccountId,
    StaffAccountChange? Change,
    long ExpectedVersion,
    string NewPassword,
    IReadOnlyList<string> Roles) : ICommand<StaffAccountDto>;

/// <summary>The rules a local account's fields follow, in one place for the handlers and the first-run page.</summary>
public static class StaffAccountRules
{
    /// <summary>Roles whose holder works within one agency, so the account must name it.</summary>
    public static readonly IReadOnlySet<string> AgencyRoles = new HashSet<string>(StringComparer.Ordinal)
    {
        Security.Roles.CaseManager, Security.Roles.LineManager, Security.Roles.AgencyAdmin,
    };

    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 128;

    public static IRuleBuilderOptions<T, string> ValidUserName<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("is required")
            .Length(3, 64).WithMessage("must be 3 to 64 characters")
            .Matches("^[A-Za-z0-9._@-]+$").WithMessage("may hold only letters, digits and . _ @ -");

    public static IRuleBuilderOptions<T, string> ValidPassword<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("is required")
            .Length(MinPasswordLength, MaxPasswordLength).WithMessage($"must be {MinPasswordLength} to {MaxPasswordLength} characters")
            .Must(p => p.Distinct().Count() >= 5).WithMessage("must use at least 5 different characters");

    public static IRuleBuilderOptions<T, IReadOnlyList<string>> ValidStaffRoles<T>(this IRuleBuilderInitial<T, IReadOnlyList<string>> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("must name at least one role")
            .Must(r => r.All(Security.Roles.All.Contains)).WithMessage("names a role that does not exist")
            .Must(r => !r.Contains(Security.Roles.AgencySystem)).WithMessage("agency-system is for partner systems, not people: issue an agency credential instead");
}

internal sealed class CreateStaffAccountValidator : AbstractValidator<CreateStaffAccountCommand>
{
    public CreateStaffAccountValidator()
    {
        RuleFor(x => x.UserName).ValidUserName();
        RuleFor(x => x.DisplayName).RequiredText(200);
        RuleFor(x => x.Roles).ValidStaffRoles();
        RuleFor(x => x.Password).ValidPassword();
        RuleFor(x => x.AgencyId).MustBeId().When(x => !string.IsNullOrEmpty(x.AgencyId));
        // Case work and agency administration happen within an agency; co-ordinators and committee
        // members serve an area or the nation.
        RuleFor(x => x.AgencyId).NotEmpty().WithMessage("is required for case-manager, line-manager and agency-admin")
            .When(x => x.Roles.Any(StaffAccountRules.AgencyRoles.Contains));
        RuleFor(x => x.Password).Must((x, p) => !p.Contains(x.UserName, StringComparison.OrdinalIgnoreCase))
            .WithMessage("must not contain the user name").When(x => !string.IsNullOrEmpty(x.UserName));
    }
}

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

/// <summary>The first system administrator, as the first-run page takes it.</summary>
public sealed record FirstAdministrator(string DisplayName, string UserName, string Password, string Confirm);

public sealed class FirstAdministratorValidator : AbstractValidator<FirstAdministrator>
{
    public FirstAdministratorValidator()
    {
        RuleFor(x => x.DisplayName).RequiredText(200);
        RuleFor(x => x.UserName).ValidUserName();
        RuleFor(x => x.Password).ValidPassword();
        RuleFor(x => x.Password).Must((x, p) => !p.Contains(x.UserName, StringComparison.OrdinalIgnoreCase))
            .WithMessage("must not contain the user name").When(x => !string.IsNullOrEmpty(x.UserName));
        RuleFor(x => x.Confirm).Equal(x => x.Password).WithMessage("does not match the password");
    }
}
