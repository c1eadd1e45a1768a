using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Validation;

namespace IntegratedCare.CarePlan.Application.Plans;

internal static class PlanRules
{
    public static void Plan<T>(AbstractValidator<T> v, Func<T, string> id, Func<T, long> version)
    {
        v.RuleFor(x => id(x)).MustBeId().OverridePropertyName("CarePlanId");
        v.RuleFor(x => version(x)).MustBeAVersion().OverridePropertyName("ExpectedVersion");
    }
}
