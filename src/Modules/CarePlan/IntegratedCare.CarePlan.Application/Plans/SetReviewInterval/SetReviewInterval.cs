using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.SetReviewInterval;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record SetReviewIntervalCommand(string CarePlanId, long ExpectedVersion, int Weeks) : ICommand<CarePlanDto>;

internal sealed class SetReviewIntervalValidator : AbstractValidator<SetReviewIntervalCommand>
{
    public SetReviewIntervalValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.Weeks).InclusiveBetween(1, 52).WithMessage("must be between 1 and 52 weeks");
    }
}

internal sealed class SetReviewIntervalHandler(PlanChanges changes) : IRequestHandler<SetReviewIntervalCommand, CarePlanDto>
{
    public Task<CarePlanDto> Handle(SetReviewIntervalCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, $"Reviews every {r.Weeks} weeks", (plan, now) => plan.SetReviewInterval(r.ExpectedVersion, r.Weeks, now), ct);
}
