using FluentValidation;
using IntegratedCare.BuildingBlocks.Domain;

namespace IntegratedCare.BuildingBlocks.Application.Validation;

/// <summary>Validation rules every module needs, phrased once.</summary>
public static class Rules
{
    public static IRuleBuilderOptions<T, string> MustBeId<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(TypedIds.IsValid).WithMessage("must be an id in the form 8-4-4-4-12 hexadecimal digits");

    /// <summary>Required text of bounded length without control characters.</summary>
    public static IRuleBuilderOptions<T, string> RequiredText<T>(this IRuleBuilderInitial<T, string> rule, int maxLength) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("is required")
            .Must(v => v.Trim().Length <= maxLength).WithMessage($"must be at most {maxLength} characters")
            .Must(v => !v.Any(char.IsControl)).WithMessage("must not contain control characters");

    /// <summary>Optional text: empty is allowed, anything else must be bounded and printable.</summary>
    public static IRuleBuilderOptions<T, string> OptionalText<T>(this IRuleBuilderInitial<T, string> rule, int maxLength) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => v is null || v.Trim().Length <= maxLength).WithMessage($"must be at most {maxLength} characters")
            .Must(v => v is null || !v.Any(char.IsControl)).WithMessage("must not contain control characters");
}
