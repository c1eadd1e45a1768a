using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Validation;

namespace IntegratedCare.CarePlan.Application.Plans;

internal static class PlanRules
{
    /// <summary>
    /// A planning report's period runs from a quarter's first day to another's: whole quarters only, so two reports
    /// never differ by a few days (and so by a few people) and give away what suppression withheld.
    /// </summary>
    public static void WholeQuarters<T>(AbstractValidator<T> v, Func<T, string> from, Func<T, string> to)
    {
        v.RuleFor(x => from(x)).Cascade(CascadeMode.Stop).RequiredDate().Must(IsQuarterStart).WithMessage(QuarterMessage).OverridePropertyName("From");
        v.RuleFor(x => to(x)).Cascade(CascadeMode.Stop).RequiredDate().Must(IsQuarterStart).WithMessage(QuarterMessage)
            .Must((q, end) => IsoDates.Parse(from(q)) is not { } start || IsoDates.Parse(end) is not { } stop || stop > start).WithMessage("must be after from")
            .OverridePropertyName("To");
    }

    private const string QuarterMessage = "must be the first day of a quarter (1 January, April, July or October): reports cover whole quarters";

    private static bool IsQuarterStart(string text) => IsoDates.Parse(text) is { } day && day.Day == 1 && (day.Month - 1) % 3 == 0;

    public static void Plan<T>(AbstractValidator<T> v, Func<T, string> id, Func<T, long> version)
    {
        v.RuleFor(x => id(x)).MustBeId().OverridePropertyName("CarePlanId");
        v.RuleFor(x => version(x)).MustBeAVersion().OverridePropertyName("ExpectedVersion");
    }
}
