using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.AssignLeadCaseManager;

/// <summary>Names the lead agency's case manager (token subject) who leads the plan.</summary>
[Authorize(Roles.CaseManager, Roles.LineManager)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record AssignLeadCaseManagerCommand(string CarePlanId, long ExpectedVersion, string CaseManager) : ICommand<CarePlanDto>;

internal sealed class AssignLeadCaseManagerValidator : AbstractValidator<AssignLeadCaseManagerCommand>
{
    public AssignLeadCaseManagerValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.CaseManager).RequiredText(200);
    }
}

internal sealed class AssignLeadCaseManagerHandler(PlanChanges changes) : IRequestHandler<AssignLeadCaseManagerCommand, CarePlanDto>
{
    public Task<CarePlanDto> Handle(AssignLeadCaseManagerCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, $"Lead case manager {r.CaseManager.Trim()}", (plan, now) => plan.AssignLeadCaseManager(r.ExpectedVersion, r.CaseManager, now), ct);
}
