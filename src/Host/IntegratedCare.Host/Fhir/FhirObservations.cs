using System.Globalization;
using Hl7.Fhir.Model;
using IntegratedCare.Assessment.Application.Assessments;
using IntegratedCare.Assessment.Application.Assessments.GetAssessment;
using IntegratedCare.Assessment.Application.Assessments.ListAssessments;
using IntegratedCare.Assessment.Domain.Assessments;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.CarePlan.Application.Plans;
using IntegratedCare.CarePlan.Domain.Plans;
using MediatR;

namespace IntegratedCare.Host.Fhir;

/// <summary>
/// What was found about a person, as survey <c>Observation</c>s with one component per need domain: a needs
/// assessment (the need level found in each domain, the assessor's notes) and each care plan review (the 0–10
/// outcome score given in each domain). Both come from the modules' own reads, so a domain the sharing decision
/// withholds from the caller is in neither. An assessment's observation has the assessment's id (a UUID); a
/// review's has the plan's and the review's (64 hex digits, as a plan's goals and tasks do).
/// </summary>
internal static class FhirObservations
{
    public const string ObservationSystem = "https://integratedcare.scot/fhir/CodeSystem/observation";

    public const string NeedDomainSystem = "https://integratedcare.scot/fhir/CodeSystem/need-domain";

    public const string NeedLevelSystem = "https://integratedcare.scot/fhir/CodeSystem/need-level";

    private static readonly CodeableConcept Survey = new("http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey");

    public static bool IsAssessment(string id) => FhirIds.IsUuid(id);

    public static IRequest<AssessmentDto> ReadAssessment(string assessmentId) => new GetAssessmentQuery(assessmentId);

    public static IRequest<IntegratedCare.BuildingBlocks.Application.Paging.Page<AssessmentSummaryDto>> Assessments(string patient, int count, string pageToken) =>
        new ListAssessmentsQuery(patient, count, pageToken);

    public static Observation FromAssessment(AssessmentDto assessment) => new()
    {
        Id = assessment.AssessmentId,
        Status = assessment.Status == AssessmentStatus.InProgress ? ObservationStatus.Preliminary : ObservationStatus.Final,
        Category = [Survey],
        Code = new CodeableConcept(ObservationSystem, assessment.IsReassessment ? "reassessment" : "needs-assessment",
            assessment.IsReassessment ? "Reassessment of needs" : "Single shared assessment of needs"),
        Subject = FhirReferences.Patient(assessment.ServiceUserId),
        Effective = new FhirDateTime(FhirReferences.Instant(assessment.CompletedAt ?? assessment.StartedAt)),
        Issued = assessment.UpdatedAt.ToUniversalTime(),
        Performer = [FhirReferences.Organization(assessment.LeadAgencyId)],
        Note =
        [
            .. assessment.Domains.Where(d => d.Notes.Length > 0)
                .Select(d => new Annotation { Author = new FhirString(d.ContributedBy), Time = FhirReferences.Instant(d.ContributedAt), Text = $"{FhirReferences.Words(d.Domain.ToString())}: {d.Notes}" }),
        ],
        Component =
        [
            .. assessment.Domains.Select(d => new Observation.ComponentComponent
            {
                Code = Domain(d.Domain.ToString()),
                Value = new CodeableConcept(NeedLevelSystem, FhirReferences.Kebab(d.Need.ToString()), FhirReferences.Words(d.Need.ToString())),
            }),
        ],
    };

    /// <summary>Each review of a plan as one observation: the outcome scores the caller may see (a review with none left is not sent).</summary>
    public static IEnumerable<Observation> FromReviews(CarePlanDto plan) =>
        plan.Reviews.Where(r => r.OutcomeScores.Count > 0).Select(r => FromReview(plan, r));

    public static Observation FromReview(CarePlanDto plan, Review review) => new()
    {
        Id = FhirIds.Join(plan.CarePlanId, review.ReviewId),
        Status = ObservationStatus.Final,
        Category = [Survey],
        Code = new CodeableConcept(ObservationSystem, "review-outcome-scores", "Care plan review outcome scores (0-10 per need domain)"),
        Subject = FhirReferences.Patient(plan.ServiceUserId),
        BasedOn = [new ResourceReference($"CarePlan/{plan.CarePlanId}")],
        Effective = new FhirDateTime(review.HeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        Performer = [FhirReferences.Organization(plan.LeadAgencyId)],
        Note = review.RecordedBy.Length == 0 ? [] : [new Annotation { Author = new FhirString(review.RecordedBy), Text = $"Review recorded by {review.RecordedBy}" }],
        Component =
        [
            .. review.OutcomeScores.Select(s => new Observation.ComponentComponent
            {
                Code = Domain(s.Domain.ToString()),
                Value = new Integer(s.Score),
            }),
        ],
    };

    /// <summary><c>Observation/{plan}{review}</c>: the review as the caller may see it, or 404 when it is not there or shows the caller nothing.</summary>
    public static Observation Review(CarePlanDto plan, Guid reviewId, string id) =>
        plan.Reviews.SingleOrDefault(r => r.ReviewId == reviewId) is { OutcomeScores.Count: > 0 } review
            ? FromReview(plan, review)
            : throw new NotFoundException("Observation", id);

    private static CodeableConcept Domain(string domain) => new(NeedDomainSystem, FhirReferences.Kebab(domain), FhirReferences.Words(domain));
}
