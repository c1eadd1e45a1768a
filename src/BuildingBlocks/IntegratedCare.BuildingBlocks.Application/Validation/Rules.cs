using System.Text.RegularExpressions;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Domain;

namespace IntegratedCare.BuildingBlocks.Application.Validation;

/// <summary>Validation rules every module needs, phrased once.</summary>
public static partial class Rules
{
    private static readonly Regex Phone = PhonePattern();

    public static IRuleBuilderOptions<T, string> MustBeId<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(TypedIds.IsValid).WithMessage("must be an id in the form 8-4-4-4-12 hexadecimal digits");

    /// <summary>Required text of bounded length without control characters.</summary>
    public static IRuleBuilderOptions<T, string> RequiredText<T>(this IRuleBuilderInitial<T, string> rule, int maxLength) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("is required")
            .Must(v => v.Trim().Length <= maxLength).WithMessage($"must be at most {maxLength} characters")
            .Must(v => !v.Any(char.IsControl)).WithMessage("must not contain control characters");

    /// <summary>Required text of a few lines: line breaks are allowed, other control characters are not.</summary>
    public static IRuleBuilderOptions<T, string> RequiredLines<T>(this IRuleBuilderInitial<T, string> rule, int maxLength, int maxLines) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("is required")
            .Must(v => v.Trim().Length <= maxLength).WithMessage($"must be at most {maxLength} characters")
            .Must(v => !v.Any(c => char.IsControl(c) && c is not ('\n' or '\r'))).WithMessage("must not contain control characters other than line breaks")
            .Must(v => v.Trim().Split('\n').Length <= maxLines).WithMessage($"must be at most {maxLines} lines");

    /// <summary>The concurrency token a caller sends back: the version it last read.</summary>
    public static IRuleBuilderOptions<T, long> MustBeAVersion<T>(this IRuleBuilder<T, long> rule) =>
        rule.GreaterThanOrEqualTo(0).WithMessage("must be the version last read (0 or more)");

    /// <summary>A required work email address.</summary>
    public static IRuleBuilderOptions<T, string> RequiredEmail<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("is required")
            .MaximumLength(254).WithMessage("must be at most 254 characters")
            .EmailAddress().WithMessage("is not an email address");

    /// <summary>An optional phone number: empty, or 6 to 20 digits, spaces, brackets or hyphens after an optional +.</summary>
    public static IRuleBuilderOptions<T, string> OptionalPhone<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || Phone.IsMatch(v))
            .WithMessage("must be 6 to 20 digits, spaces, brackets or hyphens, optionally after a +");

    /// <summary>Optional text: empty is allowed, anything else must be bounded and printable.</summary>
    public static IRuleBuilderOptions<T, string> OptionalText<T>(this IRuleBuilderInitial<T, string> rule, int maxLength) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => v is null || v.Trim().Length <= maxLength).WithMessage($"must be at most {maxLength} characters")
            .Must(v => v is null || !v.Any(char.IsControl)).WithMessage("must not contain control characters");

    [GeneratedRegex(@"^\+?[0-9][0-9 ()-]{5,19}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex PhonePattern();
}
