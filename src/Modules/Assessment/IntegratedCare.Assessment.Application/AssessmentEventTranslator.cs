using IntegratedCare.Assessment.Contracts;
using IntegratedCare.Assessment.Domain.Assessments;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Domain;

namespace IntegratedCare.Assessment.Application;

/// <summary>Which Assessment domain events other modules hear of: completion only, without identity details.</summary>
internal sealed class AssessmentEventTranslator : IDomainEventTranslator
{
    public IEnumerable<IIntegrationEvent> Translate(IDomainEvent domainEvent)
    {
        if (domainEvent is AssessmentCompleted e)
        {
            yield return new AssessmentCompletedIntegrationEvent(
                Guid.NewGuid(),
                e.OccurredAt,
                e.AssessmentId.Value,
                e.ServiceUserId,
                e.LeadAgencyId,
                e.CompletedBy,
                e.Findings.Select(f => new AssessedDomain(f.Domain.ToString(), f.Need.ToString(), f.ContributingAgencyId)).ToList(),
                e.RiskFlags.Select(f => f.ToString()).ToList(),
                e.Recommendation.Tier,
                e.Recommendation.Rationale,
                e.Supersedes?.Value);
        }
    }
}
