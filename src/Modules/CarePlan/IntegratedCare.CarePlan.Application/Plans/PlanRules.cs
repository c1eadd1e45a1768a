using IntegratedCare.BuildingBlocks.Application.Calendar;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans;

internal static class PlanRules
{
    public static void Plan<T>(AbstractValidator<T> v, Func<T, string> id, Func<T, long> version)
    {
        v.RuleFor(x => id(x)).MustBeId().OverridePropertyName("CarePlanId");
        v.RuleFor(x => version(x)).MustBeAVersion().OverridePropertyName("ExpectedVersion");
    }
}
