using IntegratedCare.Protocols.Application.Consents;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Calendar;
using IntegratedCare.BuildingBlocks.Domain.Calendar;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Areas;
using IntegratedCare.Protocols.Domain.InterAgency;
using IntegratedCare.Protocols.Domain.Referrals;
using IntegratedCare.Protocols.Domain.Sharing;
using MediatR;

namespace IntegratedCare.Protocols.Application.Referrals.MakeReferral;

/// <summary>The caller's agency refers a person to another agency under a protocol, sharing the named categories.</summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Create, "referral")]
public sealed record MakeReferralCommand(
    string ProtocolId,
    string ServiceUserId,
    string ToAgencyId,
    string Reason,
    IReadOnlyList<string> SharedDataCategories,
    string OverrideBasis = "",
    string OverrideReason = "", string? RequestId = null) : ICommand<ReferralDto>, IntegratedCare.BuildingBlocks.Application.Idempotency.IIdempotentCommand;

internal sealed class MakeReferralValidator : AbstractValidator<MakeReferralCommand>
{
    public MakeReferralValidator()
    {
        RuleFor(x => x.ProtocolId).MustBeId();
        RuleFor(x => x.ServiceUserId).MustBeId();
        RuleFor(x => x.ToAgencyId).MustBeId();
        RuleFor(x => x.Reason).RequiredText(2000);
        RuleFor(x => x.SharedDataCategories).Must(c => c.Count <= 20).WithMessage("must name at most 20 categories");
        RuleForEach(x => x.SharedDataCategories).Must(c => DataCategoryCodes.TryParse(c, out _))
            .WithMessage($"must be one of {string.Join(", ", DataCategoryCodes.All)}");
        When(x => !string.IsNullOrEmpty(x.OverrideBasis), () =>
        {
            RuleFor(x => x.OverrideBasis).Matches("^[a-z][a-z0-9-]{1,49}$").WithMessage("must be a legal basis code, e.g. child-protection");
            RuleFor(x => x.OverrideReason).RequiredText(200);
        });
    }
}

internal sealed class MakeReferralHandler(
    IReferralRepository referrals,
    IInterAgencyProtocolRepository protocols,
    IAgencyRepository agencies,
    IAreaRepository areas,
    IMediator mediator,
    ICurrentActor currentActor,
    IAuditScope audit,
    IWorkingCalendars calendars,
    TimeProvider clock) : IRequestHandler<MakeReferralCommand, ReferralDto>
{

    public async Task<ReferralDto> Handle(MakeReferralCommand request, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required;
        var from = Guid.TryParse(actor.AgencyId, out var fromId) ? await agencies.FindAsync(new AgencyId(fromId), cancellationToken) : null;
        if (from is not { Status: AgencyStatus.Active })
        {
            throw new ForbiddenException("Making a referral needs a token that names the caller's active agency.");
        }

        var protocol = await protocols.FindAsync(new InterAgencyProtocolId(Guid.Parse(request.ProtocolId)), cancellationToken)
            ?? throw new RequestValidationException("protocol_id", "no protocol has this id");
        var to = await agencies.FindAsync(new AgencyId(Guid.Parse(request.ToAgencyId)), cancellationToken)
            ?? throw new RequestValidationException("to_agency_id", "no agency has this id");
        // Only an agency in a care relationship refers a person on; to any other the person does not exist.
        await CareRelationships.RequireAsync(mediator, request.ServiceUserId, from.Id.Value, cancellationToken);

        // Every category shared with the receiver passes the sharing decision, which audits itself.
        var categories = new List<DataCategory>();
        foreach (var code in request.SharedDataCategories.Distinct(StringComparer.Ordinal))
        {
            DataCategoryCodes.TryParse(code, out var category);
            var decision = await mediator.Send(
                string.IsNullOrEmpty(request.OverrideBasis)
                    ? new MaySeeQuery(request.ServiceUserId, to.Id.ToString(), code, SharingPurposes.DirectCare)
                    : new MaySeeQuery(request.ServiceUserId, to.Id.ToString(), code, SharingPurposes.Safeguarding, request.OverrideBasis, request.OverrideReason),
                cancellationToken);

            // A refusal rolls back the decision's own audit record with the rest: the referral's carries it.
            if (!decision.Permitted)
            {
                audit.ServiceUser(request.ServiceUserId);
                audit.Basis(decision.Basis);
            }

            Rule.Check(new ReferralSharingMustBePermittedRule(category, decision.Permitted, decision.Reason));
            categories.Add(category);
        }

        var now = clock.GetUtcNow();
        var referral = Referral.Make(
            protocol, (from.Id, from.Type), (to.Id, to.Type, to.Status == AgencyStatus.Active), Guid.Parse(request.ServiceUserId),
            request.Reason, categories, await CalendarOfAsync(to, cancellationToken), now);
        referrals.Add(referral);
        audit.Resource(referral.Id.ToString());
        audit.ServiceUser(referral.ServiceUserId.ToString("D"));
        return ReferralDto.From(referral, now);
    }

    /// <summary>Response times are counted in the receiver's calendar: the jurisdiction of its first area.</summary>
    private async Task<WorkingCalendar> CalendarOfAsync(Agency receiver, CancellationToken cancellationToken)
    {
        var area = receiver.AreaIds.Count == 0 ? null : await areas.FindAsync(receiver.AreaIds[0], cancellationToken);
        return area is null ? calendars.National : calendars.For(area.Jurisdiction);
    }
}
