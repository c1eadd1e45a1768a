using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.ReadCarePlanChanges;

/// <summary>
/// The next changes after <paramref name="AfterPosition"/> to the plans the caller's agency took part in
/// at the time, each shown only as far as the sharing decision permits. A negative position means "from
/// now": the feed starts at the latest change. Each change delivered is an audited disclosure.
/// </summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Read, "care-plan-feed")]
public sealed record ReadCarePlanChangesQuery(long AfterPosition, int MaxChanges) : IQuery<CarePlanChangesDto>;

internal sealed class ReadCarePlanChangesValidator : AbstractValidator<ReadCarePlanChangesQuery>
{
    public ReadCarePlanChangesValidator()
    {
        RuleFor(x => x.AfterPosition).GreaterThanOrEqualTo(-1).WithMessage("must be a position the feed gave, 0 for the beginning, or -1 for now");
        RuleFor(x => x.MaxChanges).InclusiveBetween(1, 500).WithMessage("must be between 1 and 500");
    }
}

internal sealed class ReadCarePlanChangesHandler(ICarePlanHistory history, RequestCallerAgency caller, PlanAccess access, IAuditScope audit)
    : IRequestHandler<ReadCarePlanChangesQuery, CarePlanChangesDto>
{
    public async Task<CarePlanChangesDto> Handle(ReadCarePlanChangesQuery request, CancellationToken cancellationToken)
    {
        var agency = await caller.RequireActiveAsync(cancellationToken);
        var after = request.AfterPosition < 0 ? await history.LastPositionAsync(cancellationToken) : request.AfterPosition;
        var versions = await history.AfterAsync(after, agency.AgencyId, request.MaxChanges, cancellationToken);
        var changes = new List<CarePlanChangeDto>();
        foreach (var version in versions)
        {
            try
            {
                var view = await access.ViewAsync(version.Plan, agency, cancellationToken);
                audit.Disclosed(view.ServiceUserId, version.Plan.LeadAgencyId == agency.AgencyId.ToString("D") ? "own-record" : "sharing-decision");
                changes.Add(new CarePlanChangeDto(version.Position, version.Why, version.At, view));
            }
            catch (ForbiddenException)
            {
                // Withheld by the sharing decision: skipped, and the follower moves past it.
            }
        }

        return new CarePlanChangesDto(changes, versions.Count == 0 ? after : versions[^1].Position);
    }
}
