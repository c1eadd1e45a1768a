using FluentValidation;
using IntegratedCare.Assessment.Domain.Assessments;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Assessment.Application.Assessments.CompleteAssessment;

/// <summary>
/// The lead agency's named assessor completes the assessment once every domain is assessed: the tier is
/// fixed, the assessment never changes again, a reassessment's predecessor is superseded, and
/// AssessmentCompleted goes to the other modules.
/// </summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "assessment")]
public sealed record CompleteAssessmentCommand(string AssessmentId, long ExpectedVersion, string AssessorName, string AssessorRole) : ICommand<AssessmentDto>;

internal sealed class CompleteAssessmentValidator : AbstractValidator<CompleteAssessmentCommand>
{
    public CompleteAssessmentValidator()
    {
        RuleFor(x => x.AssessmentId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeAVersion();
        RuleFor(x => x.AssessorName).RequiredText(200);
        RuleFor(x => x.AssessorRole).OptionalText(100);
    }
}

internal sealed class CompleteAssessmentHandler(IAssessmentRepository assessments, RequestCallerAgency caller, ICurrentActor currentActor, AssessmentAccess access, TimeProvider clock)
    : IRequestHandler<CompleteAssessmentCommand, AssessmentDto>
{
    public async Task<AssessmentDto> Handle(CompleteAssessmentCommand request, CancellationToken cancellationToken)
    {
        var agency = await caller.RequireActiveAsync(cancellationToken);
        var assessment = await access.LoadAsync(request.AssessmentId, agency, cancellationToken);
        if (assessment.LeadAgencyId != agency.AgencyId)
        {
            throw new ForbiddenException("Only the lead agency's assessor completes an assessment.");
        }

        var now = clock.GetUtcNow();
        assessment.Complete(request.ExpectedVersion, request.AssessorName, request.AssessorRole ?? string.Empty, currentActor.Required.Id, now);
        if (assessment.Supersedes is { } previousId && await assessments.FindAsync(previousId, cancellationToken) is { Status: AssessmentStatus.Completed } previous)
        {
            previous.MarkSupersededBy(assessment.Id, now);
        }

        return await access.ViewAsync(assessment, agency, cancellationToken);
    }
}
