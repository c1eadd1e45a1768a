using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.CarePlan.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.LeadCaseManagerOfPerson;

internal sealed class LeadCaseManagerOfPersonValidator : AbstractValidator<LeadCaseManagerOfPersonQuery>
{
    public LeadCaseManagerOfPersonValidator() => RuleFor(x => x.ServiceUserId).MustBeId();
}

internal sealed class LeadCaseManagerOfPersonHandler(ICarePlanRepository plans, IAuditScope audit) : IRequestHandler<LeadCaseManagerOfPersonQuery, string?>
{
    public async Task<string?> Handle(LeadCaseManagerOfPersonQuery request, CancellationToken cancellationToken)
    {
        audit.ServiceUser(request.ServiceUserId);
        var plan = await plans.OpenForServiceUserAsync(Guid.Parse(request.ServiceUserId), cancellationToken);
        if (plan is null)
        {
            return null;
        }

        audit.Resource(plan.Id.ToString());
        return string.IsNullOrWhiteSpace(plan.LeadCaseManager) ? null : plan.LeadCaseManager;
    }
}
