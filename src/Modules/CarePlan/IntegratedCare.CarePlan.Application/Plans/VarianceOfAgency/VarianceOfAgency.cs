using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.CarePlan.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.VarianceOfAgency;

internal sealed class VarianceOfAgencyValidator : AbstractValidator<VarianceOfAgencyQuery>
{
    public VarianceOfAgencyValidator()
    {
        RuleFor(x => x.VarianceId).MustBeId();
        RuleFor(x => x.AgencyId).MustBeId();
    }
}

internal sealed class VarianceOfAgencyHandler(ICarePlanRepository plans, IAuditScope audit) : IRequestHandler<VarianceOfAgencyQuery, bool>
{
    public Task<bool> Handle(VarianceOfAgencyQuery request, CancellationToken cancellationToken)
    {
        audit.Resource(request.VarianceId);
        return plans.LeadsPlanWithVarianceAsync(Guid.Parse(request.AgencyId), Guid.Parse(request.VarianceId), cancellationToken);
    }
}
