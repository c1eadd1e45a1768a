using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Application.InterAgency;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Allocations;
using IntegratedCare.Protocols.Domain.Areas;
using MediatR;

namespace IntegratedCare.Protocols.Application.Allocations.RecordAllocationMeeting;

public enum AllocationOutcome
{
    Allocate = 1,
    Defer = 2,
}

public sealed record AllocationDecisionInput(string AllocationItemId, AllocationOutcome? Outcome, string LeadAgencyId, IReadOnlyList<string> ContributingAgencyIds, string DeferralReason);

/// <summary>The area's rehabilitation co-ordinator records a joint allocation meeting and its decisions.</summary>
[Authorize(Roles.RehabilitationCoordinator, Roles.SystemAdmin)]
[Audit(AuditAction.Create, "allocation-meeting")]
public sealed record RecordAllocationMeetingCommand(string AreaId, string HeldOn, IReadOnlyList<string> AttendeeAgencyIds, IReadOnlyList<AllocationDecisionInput> Decisions, string? RequestId = null)
    : ICommand<AllocationMeetingDto>, IntegratedCare.BuildingBlocks.Application.Idempotency.IIdempotentCommand;

internal sealed class RecordAllocationMeetingValidator : AbstractValidator<RecordAllocationMeetingCommand>
{
    public RecordAllocationMeetingValidator()
    {
        RuleFor(x => x.AreaId).MustBeId();
        RuleFor(x => x.HeldOn).Must(d => ProtocolTerms.ParseDate(d) is not null).WithMessage("must be a date in the form YYYY-MM-DD");
        RuleFor(x => x.AttendeeAgencyIds).Must(a => a.Count >= 2).WithMessage("must name at least two attending agencies");
        RuleForEach(x => x.AttendeeAgencyIds).MustBeId();
        RuleFor(x => x.Decisions).NotEmpty().WithMessage("must record at least one decision")
            .Must(d => d.Select(x => x.AllocationItemId).Distinct().Count() == d.Count).WithMessage("must decide each item once");
        RuleForEach(x => x.Decisions).ChildRules(decision =>
        {
            decision.RuleFor(d => d.AllocationItemId).MustBeId();
            decision.RuleFor(d => d.Outcome).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known outcome");
            decision.When(d => d.Outcome == AllocationOutcome.Allocate, () =>
            {
                decision.RuleFor(d => d.LeadAgencyId).MustBeId();
                decision.RuleFor(d => d.ContributingAgencyIds).NotEmpty().WithMessage("must name at least one contributing agency");
                decision.RuleForEach(d => d.ContributingAgencyIds).MustBeId();
            });
            decision.RuleFor(d => d.DeferralReason).RequiredText(1000).When(d => d.Outcome == AllocationOutcome.Defer);
        });
    }
}

internal sealed class RecordAllocationMeetingHandler(
    IAllocationRepository allocations,
    IAgencyRepository agencies,
    IAreaRepository areas,
    ICurrentActor currentActor,
    IAuditScope audit,
    TimeProvider clock) : IRequestHandler<RecordAllocationMeetingCommand, AllocationMeetingDto>
{
    public async Task<AllocationMeetingDto> Handle(RecordAllocationMeetingCommand request, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required;
        var area = await areas.FindAsync(new AreaId(Guid.Parse(request.AreaId)), cancellationToken)
            ?? throw new RequestValidationException("area_id", "no area has this id");
        if (!actor.IsInRole(Roles.SystemAdmin) && actor.Id != area.Coordinator.StaffId)
        {
            throw new ForbiddenException("Only the area's rehabilitation co-ordinator records its allocation meetings.");
        }

        var attendees = await ExistingAsync(request.AttendeeAgencyIds, i => $"attendee_agency_ids[{i}]", cancellationToken);
        var now = clock.GetUtcNow();
        var meeting = AllocationMeeting.Record(
            area.Id, ProtocolTerms.ParseDate(request.HeldOn)!.Value, attendees,
            request.Decisions.Select(d => new AllocationItemId(Guid.Parse(d.AllocationItemId))).ToList(), actor.Id, now);
        var items = new List<AllocationItem>();
        for (var i = 0; i < request.Decisions.Count; i++)
        {
            var decision = request.Decisions[i];
            var item = await allocations.FindItemAsync(new AllocationItemId(Guid.Parse(decision.AllocationItemId)), cancellationToken);
            if (item is null || item.AreaId != area.Id)
            {
                throw new RequestValidationException($"decisions[{i}].allocation_item_id", "is not on this area's queue");
            }

            if (decision.Outcome == AllocationOutcome.Allocate)
            {
                var index = i;
                var lead = (await ExistingAsync([decision.LeadAgencyId], _ => $"decisions[{index}].lead_agency_id", cancellationToken))[0];
                var contributors = await ExistingAsync(decision.ContributingAgencyIds, j => $"decisions[{index}].contributing_agency_ids[{j}]", cancellationToken);
                item.Allocate(meeting.Id, lead, contributors, now);
            }
            else
            {
                item.Defer(meeting.Id, decision.DeferralReason);
            }

            items.Add(item);
        }

        allocations.Add(meeting);
        audit.Resource(meeting.Id.ToString());
        return new AllocationMeetingDto(
            meeting.Id.ToString(), area.Id.ToString(), meeting.HeldOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            meeting.AttendeeAgencyIds.Select(a => a.ToString()).ToList(), items.Select(i => AllocationItemDto.From(i, now)).ToList());
    }

    /// <summary>The agencies named, each required to exist and be active, refused by field otherwise.</summary>
    private async Task<List<AgencyId>> ExistingAsync(IReadOnlyList<string> ids, Func<int, string> fieldOf, CancellationToken cancellationToken)
    {
        var result = new List<AgencyId>();
        var errors = new List<FieldError>();
        for (var i = 0; i < ids.Count; i++)
        {
            var agency = await agencies.FindAsync(new AgencyId(Guid.Parse(ids[i])), cancellationToken);
            if (agency is not { Status: AgencyStatus.Active })
            {
                errors.Add(new FieldError(fieldOf(i), "no active agency has this id"));
            }
            else
            {
                result.Add(agency.Id);
            }
        }

        return errors.Count == 0 ? result : throw new RequestValidationException(errors);
    }
}
