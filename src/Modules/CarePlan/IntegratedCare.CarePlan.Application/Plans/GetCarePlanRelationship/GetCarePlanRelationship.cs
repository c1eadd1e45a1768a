using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.CarePlan.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.GetCarePlanRelationship;

internal sealed class CarePlanRelationshipValidator : AbstractValidator<CarePlanRelationshipQuery>
{
    public CarePlanRelationshipValidator()
    {
        RuleFor(x => x.ServiceUserId).MustBeId();
        RuleFor(x => x.AgencyId).MustBeId();
    }
}

internal sealed class CarePlanRelationshipHandler(ICarePlanRepository plans) : IRequestHandler<CarePlanRelationshipQuery, CarePlanRelationship>
{
    public async Task<CarePlanRelationship> Handle(CarePlanRelationshipQuery request, CancellationToken cancellationToken)
    {
        var agency = Guid.Parse(request.AgencyId);
        var taking = (await plans.ParticipationAsync(Guid.Parse(request.ServiceUserId), cancellationToken))
            .Where(p => p.Status != CarePlanStatus.EnteredInError)
            .ToList();

        // Proposed an action is not on the team: an agency joins when it accepts one (and leaves when its
        // last action ends), and only an open plan has a team that cares for the person now.
        return new CarePlanRelationship(
            taking.Any(p => p.LeadAgencyId == agency),
            taking.Any(p => p.IsOpen && p.LeadAgencyId != agency && p.Team.Any(m => m.AgencyId == agency && m.Status == TeamMemberStatus.Active)));
    }
}
