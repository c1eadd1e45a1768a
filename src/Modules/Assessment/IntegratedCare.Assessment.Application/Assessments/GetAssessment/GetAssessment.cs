using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Assessment.Application.Assessments.GetAssessment;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Read, "assessment")]
public sealed record GetAssessmentQuery(string AssessmentId) : IQuery<AssessmentDto>;

internal sealed class GetAssessmentValidator : AbstractValidator<GetAssessmentQuery>
{
    public GetAssessmentValidator() => RuleFor(x => x.AssessmentId).MustBeId();
}

internal sealed class GetAssessmentHandler(RequestCallerAgency caller, AssessmentAccess access) : IRequestHandler<GetAssessmentQuery, AssessmentDto>
{
    public async Task<AssessmentDto> Handle(GetAssessmentQuery request, CancellationToken cancellationToken)
    {
        var agency = await caller.RequireActiveAsync(cancellationToken);
        var assessment = await access.LoadAsync(request.AssessmentId, agency, cancellationToken);
        return await access.ViewAsync(assessment, agency, cancellationToken);
    }
}
