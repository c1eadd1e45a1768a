using FluentValidation;
using IntegratedCare.Assessment.Contracts;
using IntegratedCare.Assessment.Domain.Assessments;
using IntegratedCare.Assessment.Domain.ServiceUsers;
using IntegratedCare.BuildingBlocks.Application.Validation;
using MediatR;

namespace IntegratedCare.Assessment.Application.ServiceUsers.GetRegisterRelationship;

internal sealed class RegisterRelationshipValidator : AbstractValidator<RegisterRelationshipQuery>
{
    public RegisterRelationshipValidator()
    {
        RuleFor(x => x.ServiceUserId).MustBeId();
        RuleFor(x => x.AgencyId).MustBeId();
    }
}

internal sealed class RegisterRelationshipHandler(IServiceUserRepository people, IAssessmentRepository assessments)
    : IRequestHandler<RegisterRelationshipQuery, RegisterRelationship>
{
    public async Task<RegisterRelationship> Handle(RegisterRelationshipQuery request, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(request.ServiceUserId);
        var agency = Guid.Parse(request.AgencyId);
        if (await people.RegisteringAgencyAsync(new ServiceUserId(id), cancellationToken) is not { } registeredBy)
        {
            return new RegisterRelationship(false, false, false);
        }

        return new RegisterRelationship(true, registeredBy == agency, await assessments.AnyLedByAsync(id, agency, cancellationToken));
    }
}
