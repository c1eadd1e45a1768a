using FluentValidation;
using IntegratedCare.Assessment.Application.ServiceUsers;
using IntegratedCare.Assessment.Domain.Assessments;
using IntegratedCare.Assessment.Domain.ServiceUsers;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Assessment.Application.Assessments.ListAssessments;

/// <summary>A person's assessments, oldest first, for an agency that may identify them: what exists, not what it says.</summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Read, "assessment")]
public sealed record ListAssessmentsQuery(string ServiceUserId, int PageSize = 0, string PageToken = "") : IQuery<Page<AssessmentSummaryDto>>;

internal sealed class ListAssessmentsValidator : AbstractValidator<ListAssessmentsQuery>
{
    public ListAssessmentsValidator()
    {
        RuleFor(x => x.ServiceUserId).MustBeId();
        RuleFor(x => x.PageSize).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
    }
}

internal sealed class ListAssessmentsHandler(
    IAssessmentRepository assessments,
    IServiceUserRepository people,
    RequestCallerAgency caller,
    DisclosureGate gate,
    IAuditScope audit) : IRequestHandler<ListAssessmentsQuery, Page<AssessmentSummaryDto>>
{
    public async Task<Page<AssessmentSummaryDto>> Handle(ListAssessmentsQuery request, CancellationToken cancellationToken)
    {
        var agency = await caller.RequireActiveAsync(cancellationToken);
        var person = await ServiceUserAccess.LoadAsync(people, request.ServiceUserId, audit, cancellationToken);
        var owns = person.RegisteringAgencyId == agency.AgencyId || await assessments.AnyLedByAsync(person.Id.Value, agency.AgencyId, cancellationToken);
        var decision = await gate.RequireAsync(person.Id.Value, agency, owns, DataCategories.Identity, cancellationToken);
        audit.Basis(decision.Basis);
        var offset = PageToken.Decode(request.PageToken, person.Id.ToString());
        var (history, total) = await assessments.PageForServiceUserAsync(person.Id.Value, offset, PageToken.PageSize(request.PageSize), cancellationToken);
        var summaries = history
            .Select(a => new AssessmentSummaryDto(
                a.Id.ToString(), a.LeadAgencyId.ToString("D"), a.Status, a.IsReassessment, a.Supersedes?.ToString() ?? string.Empty, a.StartedAt, a.CompletedAt))
            .ToList();
        return Page<AssessmentSummaryDto>.At(summaries, offset, total, person.Id.ToString());
    }
}
