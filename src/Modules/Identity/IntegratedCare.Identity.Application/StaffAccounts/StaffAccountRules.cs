using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Validation;

namespace IntegratedCare.Identity.Application.StaffAccounts;

/// <summary>The rules a local account's fields follow, in one place for the commands and the first-run page.</summary>
public static class StaffAccountRules
{
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

    public static IRuleBuilderOptions<T, string> NotContainingUserName<T>(this IRuleBuilderInitial<T, string> rule, Func<T, string> userName) =>
        rule.Must((x, p) => string.IsNullOrEmpty(userName(x)) || !p.Contains(userName(x), StringComparison.OrdinalIgnoreCase))
            .WithMessage("must not contain the user name");

    public static IRuleBuilderOptions<T, IReadOnlyList<string>> ValidStaffRoles<T>(this IRuleBuilderInitial<T, IReadOnlyList<string>> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("must name at least one role")
            .Must(r => r.All(BuildingBlocks.Application.Security.Roles.All.Contains)).WithMessage("names a role that does not exist")
            .Must(r => !r.Contains(BuildingBlocks.Application.Security.Roles.AgencySystem)).WithMessage("agency-system is for partner systems, not people: issue an agency credential instead");
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
        RuleFor(x => x.Password).NotContainingUserName(x => x.UserName);
        RuleFor(x => x.Confirm).Equal(x => x.Password).WithMessage("does not match the password");
    }
}
