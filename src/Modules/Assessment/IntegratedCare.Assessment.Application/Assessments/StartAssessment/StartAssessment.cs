using FluentValidation;
using IntegratedCare.Assessment.Application.ServiceUsers;
using IntegratedCare.Assessment.Domain.Assessments;
using IntegratedCare.Assessment.Domain.ServiceUsers;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Assessment.Application.Assessments.StartAssessment;

/// <summary>
/// The caller's agency starts a Single Shared Assessment of a person it may identify, and leads it. When
/// the person has a completed assessment, this one is its reassessment and supersedes it on completion.
/// </summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Create, "assessment")]
public sealed record StartAssessmentCommand(string ServiceUserId, string? RequestId = null) : ICommand<AssessmentDto>, IntegratedCare.BuildingBlocks.Application.Idempotency.IIdempotentCommand;

internal sealed class StartAssessmentValidator : AbstractValidator<StartAssessmentCommand>
{
    public StartAssessmentValidator() => RuleFor(x => x.ServiceUserId).MustBeId();
}

internal sealed class StartAssessmentHandler(
    IAssessmentRepository assessments,
    IServiceUserRepository people,
    RequestCallerAgency caller, ICurrentActor currentActor,
    DisclosureGate gate,
    AssessmentAccess access,
    IAuditScope audit,
    TimeProvider clock) : IRequestHandler<StartAssessmentCommand, AssessmentDto>
{
    public async Task<AssessmentDto> Handle(StartAssessmentCommand request, CancellationToken cancellationToken)
    {
        var agency = await caller.RequireActiveAsync(cancellationToken);
        var person = await ServiceUserAccess.LoadAsync(people, request.ServiceUserId, audit, cancellationToken);
        await gate.RequireAsync(person.Id.Value, agency, person.RegisteringAgencyId == agency.AgencyId, DataCategories.Identity, cancellationToken);

        // Leading an assessment makes an agency hold the person's record, so only an agency already in a
        // care relationship starts one: a consent that lets it read their identity is not enough.
        await gate.RequireCareRelationshipAsync(person.Id.Value, agency, cancellationToken);

        var history = await assessments.ForServiceUserAsync(person.Id.Value, cancellationToken);
        Rule.Check(new OneAssessmentInProgressPerPersonRule(history.FirstOrDefault(a => a.Status == AssessmentStatus.InProgress)?.Id));
        var current = history.LastOrDefault(a => a.Status == AssessmentStatus.Completed);

        var assessment = SingleSharedAssessment.Start(person.Id.Value, agency.AgencyId, currentActor.Required.Id, current?.Id, clock.GetUtcNow());
        assessments.Add(assessment);
        audit.Resource(assessment.Id.ToString());
        return await access.ViewAsync(assessment, agency, cancellationToken);
    }
}
