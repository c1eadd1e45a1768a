using FluentValidation;
using IntegratedCare.Assessment.Domain.Assessments;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Assessment.Application.Assessments.ClearRiskFlag;

/// <summary>Clears a risk flag: the agency that raised it, or the lead agency.</summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "assessment")]
public sealed record ClearRiskFlagCommand(string AssessmentId, long ExpectedVersion, RiskFlag? Flag) : ICommand<AssessmentDto>;

internal sealed class ClearRiskFlagValidator : AbstractValidator<ClearRiskFlagCommand>
{
    public ClearRiskFlagValidator()
    {
        RuleFor(x => x.AssessmentId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeAVersion();
        RuleFor(x => x.Flag).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known risk flag");
    }
}

internal sealed class ClearRiskFlagHandler(RequestCallerAgency caller, DisclosureGate gate, AssessmentAccess access, TimeProvider clock)
    : IRequestHandler<ClearRiskFlagCommand, AssessmentDto>
{
    public async Task<AssessmentDto> Handle(ClearRiskFlagCommand request, CancellationToken cancellationToken)
    {
        var agency = await caller.RequireActiveAsync(cancellationToken);
        var assessment = await access.LoadAsync(request.AssessmentId, agency, cancellationToken);
        await gate.RequireAsync(assessment.ServiceUserId, agency, assessment.LeadAgencyId == agency.AgencyId, DataCategories.RiskFlags, cancellationToken);
        assessment.ClearRiskFlag(request.ExpectedVersion, request.Flag!.Value, agency.AgencyId, clock.GetUtcNow());
        return await access.ViewAsync(assessment, agency, cancellationToken);
    }
}
