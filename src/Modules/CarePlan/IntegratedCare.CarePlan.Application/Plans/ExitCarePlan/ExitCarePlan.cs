using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.ExitCarePlan;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record ExitCarePlanCommand(string CarePlanId, long ExpectedVersion, string Reason) : ICommand<CarePlanDto>;

internal sealed class ExitCarePlanValidator : AbstractValidator<ExitCarePlanCommand>
{
    public ExitCarePlanValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.Reason).RequiredText(1000);
    }
}

internal sealed class ExitCarePlanHandler(PlanChanges changes) : IRequestHandler<ExitCarePlanCommand, CarePlanDto>
{
    public Task<CarePlanDto> Handle(ExitCarePlanCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, "Exit from the pathway; plan closed", (plan, now) => plan.Exit(r.ExpectedVersion, r.Reason, now), ct);
}
