using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.CodeVariance;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record CodeVarianceCommand(string CarePlanId, long ExpectedVersion, string VarianceId, VarianceReason? Reason, string Note) : ICommand<CarePlanDto>;

internal sealed class CodeVarianceValidator : AbstractValidator<CodeVarianceCommand>
{
    public CodeVarianceValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.VarianceId).MustBeId();
        RuleFor(x => x.Reason).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known variance reason");
        RuleFor(x => x.Note).OptionalText(1000);
    }
}

internal sealed class CodeVarianceHandler(PlanChanges changes) : IRequestHandler<CodeVarianceCommand, CarePlanDto>
{
    public Task<CarePlanDto> Handle(CodeVarianceCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, $"Variance {r.VarianceId} coded {r.Reason}", (plan, now) =>
            plan.CodeVariance(r.ExpectedVersion, Guid.Parse(r.VarianceId), r.Reason!.Value, r.Note ?? string.Empty, now), ct);
}
