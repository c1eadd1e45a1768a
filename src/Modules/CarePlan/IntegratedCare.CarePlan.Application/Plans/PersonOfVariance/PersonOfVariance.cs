using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.CarePlan.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.PersonOfVariance;

internal sealed class PersonOfVarianceValidator : AbstractValidator<PersonOfVarianceQuery>
{
    public PersonOfVarianceValidator()
    {
        RuleFor(x => x.VarianceId).MustBeId();
        RuleFor(x => x.AgencyId).MustBeId();
    }
}

internal sealed class PersonOfVarianceHandler(ICarePlanRepository plans, IAuditScope audit) : IRequestHandler<PersonOfVarianceQuery, Guid?>
{
    public async Task<Guid?> Handle(PersonOfVarianceQuery request, CancellationToken cancellationToken)
    {
        audit.Resource(request.VarianceId);
        var person = await plans.PersonWithVarianceAsync(Guid.Parse(request.AgencyId), Guid.Parse(request.VarianceId), cancellationToken);
        if (person is { } found)
        {
            audit.ServiceUser(found.ToString("D"));
        }

        return person;
    }
}
