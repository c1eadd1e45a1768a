using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.CarePlan.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.ActionStillOpen;

internal sealed class ActionStillOpenValidator : AbstractValidator<ActionStillOpenQuery>
{
    public ActionStillOpenValidator()
    {
        RuleFor(x => x.CarePlanId).MustBeId();
        RuleFor(x => x.ActionId).MustBeId();
    }
}

internal sealed class ActionStillOpenHandler(ICarePlanRepository plans, IAuditScope audit) : IRequestHandler<ActionStillOpenQuery, bool>
{
    public async Task<bool> Handle(ActionStillOpenQuery request, CancellationToken cancellationToken)
    {
        audit.Resource(request.CarePlanId);
        var plan = await plans.FindAsync(new CarePlanId(Guid.Parse(request.CarePlanId)), cancellationToken);
        var actionId = Guid.Parse(request.ActionId);
        return plan is { IsOpen: true } && plan.Actions.Any(a => a.ActionId == actionId && a.IsOpen && !a.OverdueNoted);
    }
}
