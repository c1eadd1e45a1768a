using FluentValidation;
using IntegratedCare.Assessment.Application.ServiceUsers;
using IntegratedCare.Assessment.Domain.Assessments;
using IntegratedCare.Assessment.Domain.ServiceUsers;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Assessment.Application.Assessments.GetNeedsSummary;

/// <summary>
/// How each domain's need changed over a person's completed assessments, oldest first, with the trend
/// from the first to the latest. Domains the sharing decision withholds from the caller are listed only.
/// </summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Read, "needs-summary")]
public sealed record GetNeedsSummaryQuery(string ServiceUserId) : IQuery<NeedsSummaryDto>;

internal sealed class GetNeedsSummaryValidator : AbstractValidator<GetNeedsSummaryQuery>
{
    public GetNeedsSummaryValidator() => RuleFor(x => x.ServiceUserId).MustBeId();
}

internal sealed class GetNeedsSummaryHandler(
    IAssessmentRepository assessments,
    IServiceUserRepository people,
    RequestCallerAgency caller,
    DisclosureGate gate,
    IAuditScope audit) : IRequestHandler<GetNeedsSummaryQuery, NeedsSummaryDto>
{
    public async Task<NeedsSummaryDto> Handle(GetNeedsSummaryQuery request, CancellationToken cancellationToken)
    {
        var agency = await caller.RequireActiveAsync(cancellationToken);
        var person = await ServiceUserAccess.LoadAsync(people, request.ServiceUserId, audit, cancellationToken);
        var completed = (await assessments.ForServiceUserAsync(person.Id.Value, cancellationToken))
            .Where(a => a.CompletedAt is not null)
            .OrderBy(a => a.CompletedAt)
            .ToList();
        var owns = person.RegisteringAgencyId == agency.AgencyId || completed.Any(a => a.LeadAgencyId == agency.AgencyId);

        var bases = new SortedSet<string>(StringComparer.Ordinal);
        var visible = new List<NeedDomain>();
        string? refusal = null;
        foreach (var domain in NeedDomains.All)
        {
            var decision = await gate.DecideAsync(person.Id.Value, agency, owns, AssessmentCategories.Of(domain), cancellationToken);
            if (decision.Permitted)
            {
                visible.Add(domain);
                bases.Add(decision.Basis);
            }
            else
            {
                refusal ??= decision.Basis;
            }
        }

        if (visible.Count == 0)
        {
            audit.Basis(refusal ?? string.Empty);
            await gate.HideFromStrangerAsync(person.Id.Value, agency, cancellationToken);
            throw new ForbiddenException("The information sharing agreements and the person's consents let your agency see no assessment domain of this person.");
        }

        audit.Basis(string.Join(";", bases));
        var trends = visible.Select(domain =>
        {
            var points = completed
                .SelectMany(a => a.Findings.Where(f => f.Domain == domain).Select(f => new NeedPointDto(a.Id.ToString(), a.CompletedAt!.Value, f.Need)))
                .ToList();
            return new DomainTrendDto(domain, points, TrendOf(points));
        }).ToList();
        return new NeedsSummaryDto(
            person.Id.ToString(),
            trends,
            NeedDomains.All.Except(visible).ToList(),
            completed.Select(a => new TierPointDto(a.Id.ToString(), a.CompletedAt!.Value, a.RecommendedTier ?? 0)).ToList());
    }

    private static NeedTrend TrendOf(IReadOnlyList<NeedPointDto> points)
    {
        if (points.Count < 2)
        {
            return NeedTrend.FirstAssessment;
        }

        var first = points[0].Need;
        var latest = points[^1].Need;
        return latest < first ? NeedTrend.Improved : latest > first ? NeedTrend.Worsened : NeedTrend.Unchanged;
    }
}
