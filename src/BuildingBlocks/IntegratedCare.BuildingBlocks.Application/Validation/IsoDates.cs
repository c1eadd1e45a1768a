using System.Globalization;
using FluentValidation;

namespace IntegratedCare.BuildingBlocks.Application.Validation;

/// <summary>Calendar dates travel exactly as YYYY-MM-DD (no surrounding spaces); empty means "not given".</summary>
public static class IsoDates
{
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static IRuleBuilderOptions<T, string> OptionalDate<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(t => string.IsNullOrEmpty(t) || Parse(t) is not null).WithMessage("must be a date as YYYY-MM-DD");

    public static IRuleBuilderOptions<T, string> RequiredDate<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(t => Parse(t) is not null).WithMessage("must be a date as YYYY-MM-DD");
}
