using FluentValidation;
using IntegratedCare.Assessment.Contracts;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.CarePlan.Contracts;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Consents;
using IntegratedCare.Protocols.Domain.Referrals;
using MediatR;

namespace IntegratedCare.Protocols.Application.Consents;

internal sealed class CareRelationshipValidator : AbstractValidator<CareRelationshipQuery>
{
    public CareRelationshipValidator()
    {
        RuleFor(x => x.ServiceUserId).MustBeId();
        RuleFor(x => x.AgencyId).MustBeId();
    }
}

internal sealed class KnowsOfPersonValidator : AbstractValidator<KnowsOfPersonQuery>
{
    public KnowsOfPersonValidator()
    {
        RuleFor(x => x.ServiceUserId).MustBeId();
        RuleFor(x => x.AgencyId).MustBeId();
    }
}

/// <summary>Asks the register (Assessment) and the plans (CarePlan), and looks at Protocols' own referrals.</summary>
internal sealed class CareRelationshipHandler(
    IMediator mediator,
    IReferralRepository referrals,
    IConsentRepository consents,
    IActingAgencies agencies,
    CareRelationshipMemo memo,
    IAuditScope audit,
    TimeProvider clock)
    : IRequestHandler<CareRelationshipQuery, CareRelationship>, IRequestHandler<KnowsOfPersonQuery, bool>
{
    public async Task<bool> Handle(KnowsOfPersonQuery request, CancellationToken cancellationToken)
    {
        audit.ServiceUser(request.ServiceUserId);
        var key = (request.ServiceUserId.ToLowerInvariant(), request.AgencyId.ToLowerInvariant());
        if (!memo.Known.ContainsKey(key) && await PermittedByConsentAsync(Guid.Parse(request.ServiceUserId), new AgencyId(Guid.Parse(request.AgencyId)), cancellationToken))
        {
            // A consent names only a person the register holds: the agency may know of them.
            audit.Basis("knows-of-person: consent in force");
            return true;
        }

        return (await Handle(new CareRelationshipQuery(request.ServiceUserId, request.AgencyId), cancellationToken)).KnowsOfPerson;
    }

    public async Task<CareRelationship> Handle(CareRelationshipQuery request, CancellationToken cancellationToken)
    {
        audit.ServiceUser(request.ServiceUserId);
        var key = (request.ServiceUserId.ToLowerInvariant(), request.AgencyId.ToLowerInvariant());
        if (memo.Known.TryGetValue(key, out var known))
        {
            audit.Basis("care-relationship: " + known.Describe());
            return known;
        }

        var relationship = await DecideAsync(request, cancellationToken);
        memo.Known[key] = relationship;
        audit.Basis("care-relationship: " + relationship.Describe());
        return relationship;
    }

    private async Task<CareRelationship> DecideAsync(CareRelationshipQuery request, CancellationToken cancellationToken)
    {
        var register = await mediator.Send(new RegisterRelationshipQuery(request.ServiceUserId, request.AgencyId), cancellationToken);
        if (!register.PersonExists)
        {
            return CareRelationship.None;
        }

        var plans = await mediator.Send(new CarePlanRelationshipQuery(request.ServiceUserId, request.AgencyId), cancellationToken);
        var referral = await referrals.IsPartyToAcceptedReferralAsync(Guid.Parse(request.ServiceUserId), new AgencyId(Guid.Parse(request.AgencyId)), cancellationToken);
        var relationship = new CareRelationship(
            true, register.Registered, register.LeadsAssessment, plans.LeadsPlan, plans.OnCareTeam, referral,
            await PermittedByConsentAsync(Guid.Parse(request.ServiceUserId), new AgencyId(Guid.Parse(request.AgencyId)), cancellationToken));
        return relationship;
    }

    private async Task<bool> PermittedByConsentAsync(Guid serviceUserId, AgencyId agencyId, CancellationToken cancellationToken)
    {
        var agency = await agencies.FindAsync(agencyId.Value, cancellationToken);
        var now = clock.GetUtcNow();
        return agency is not null
            && (await consents.ForServiceUserAsync(serviceUserId, cancellationToken)).Any(c => c.IsInForceAt(now) && c.PermitsSomethingTo(agencyId, Enum.Parse<AgencyType>(agency.AgencyType)));
    }
}

/// <summary>
/// The relationships decided so far in this request (one scope): a request asks about the same person and
/// agency many times (each category of a referral, each match of a search) and pays for it once. A new
/// request, or a new round of a stream, decides afresh.
/// </summary>
public sealed class CareRelationshipMemo
{
    internal Dictionary<(string ServiceUserId, string AgencyId), CareRelationship> Known { get; } = [];
}

/// <summary>The care relationship of the caller's agency with a person, for the Protocols handlers that need one.</summary>
internal static class CareRelationships
{
    /// <summary>
    /// The relationship, or NOT_FOUND for the person when there is none and no consent permits the agency
    /// anything (or there is no such person): existence is not confirmed to strangers.
    /// </summary>
    public static async Task<CareRelationship> RequireAsync(IMediator mediator, string serviceUserId, Guid agencyId, CancellationToken cancellationToken)
    {
        var relationship = await mediator.Send(new CareRelationshipQuery(serviceUserId, agencyId.ToString("D")), cancellationToken);
        return relationship.Any ? relationship
            : relationship.KnowsOfPerson ? throw new ForbiddenException("The caller's agency has no care relationship with this person: a consent permits it to see data, not to act.")
            : throw new NotFoundException("Service user", serviceUserId, hidden: relationship.PersonExists);
    }

    /// <summary>The caller's own agency id; a token without one acts for no agency and has no care relationship.</summary>
    public static Guid AgencyOf(Actor actor, string what) =>
        Guid.TryParse(actor.AgencyId, out var agency) ? agency : throw new ForbiddenException($"{what} needs a token that names the caller's agency.");
}
