using IntegratedCare.Assessment.Domain.Assessments;
using IntegratedCare.Assessment.Domain.ServiceUsers;
using IntegratedCare.Protocols.Contracts;

namespace IntegratedCare.Assessment.Application.ServiceUsers.RegisterCareFacts;

/// <summary>
/// How an agency holds a person's record in the register: whether the person exists, whether the agency
/// registered them, and whether it leads one of their assessments. Discloses nothing about the person.
/// </summary>
internal sealed class RegisterCareFacts(IServiceUserRepository people, IAssessmentRepository assessments) : ICareRelationshipFacts
{
    public async Task<CareFacts> FactsAsync(Guid serviceUserId, Guid agencyId, CancellationToken cancellationToken)
    {
        if (await people.RegisteringAgencyAsync(new ServiceUserId(serviceUserId), cancellationToken) is not { } registeredBy)
        {
            return new CareFacts(PersonExists: false);
        }

        return new CareFacts(true, Registered: registeredBy == agencyId, LeadsAssessment: await assessments.AnyLedByAsync(serviceUserId, agencyId, cancellationToken));
    }
}
