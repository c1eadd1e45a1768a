using FluentValidation;
using IntegratedCare.Assessment.Domain.Assessments;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Assessment.Application.Assessments.RaiseRiskFlag;

/// <summary>
/// Raises a risk flag (overdose, self-harm, harm to others, child protection, domestic abuse) with a note.
/// The lead agency may; another agency when the sharing decision lets it see the person's risk flags.
/// </summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "assessment")]
public sealed record RaiseRiskFlagCommand(string AssessmentId, long ExpectedVersion, RiskFlag? Flag, string Note) : ICommand<AssessmentDto>;

internal sealed class RaiseRiskFlagValidator : AbstractValidator<RaiseRiskFlagCommand>
{
    public RaiseRiskFlagValidator()
    {
        RuleFor(x => x.AssessmentId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeAVersion();
        RuleFor(x => x.Flag).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known risk flag");
        RuleFor(x => x.Note).RequiredText(2000);
    }
}

internal sealed class RaiseRiskFlagHandler(RequestCallerAgency caller, ICurrentActor currentActor, DisclosureGate gate, AssessmentAccess access, TimeProvider clock)
    : IRequestHandler<RaiseRiskFlagCommand, AssessmentDto>
{
    public async Task<AssessmentDto> Handle(RaiseRiskFlagCommand request, CancellationToken cancellationToken)
    {
        var agency = await caller.RequireActiveAsync(cancellationToken);
        var assessment = await access.LoadAsync(request.AssessmentId, agency, cancellationToken);
        await gate.RequireAsync(assessment.ServiceUserId, agency, assessment.LeadAgencyId == agency.AgencyId, DataCategories.RiskFlags, cancellationToken);
        assessment.RaiseRiskFlag(request.ExpectedVersion, request.Flag!.Value, request.Note, agency.AgencyId, currentActor.Required.Id, clock.GetUtcNow());
        return await access.ViewAsync(assessment, agency, cancellationToken);
    }
}
