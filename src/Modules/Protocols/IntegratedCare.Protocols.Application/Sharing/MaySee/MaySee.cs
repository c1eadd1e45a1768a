using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Application.Consents;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Consents;
using IntegratedCare.Protocols.Domain.Sharing;
using MediatR;

namespace IntegratedCare.Protocols.Application.Sharing.MaySee;

internal static class Purposes
{
    public static readonly IReadOnlyDictionary<string, SharingPurpose> ByCode = new Dictionary<string, SharingPurpose>(StringComparer.Ordinal)
    {
        [SharingPurposes.DirectCare] = SharingPurpose.DirectCare,
        [SharingPurposes.Safeguarding] = SharingPurpose.Safeguarding,
        [SharingPurposes.Planning] = SharingPurpose.Planning,
    };
}

internal sealed class MaySeeValidator : AbstractValidator<MaySeeQuery>
{
    public MaySeeValidator()
    {
        RuleFor(x => x.ServiceUserId).MustBeId();
        RuleFor(x => x.AgencyId).MustBeId();
        RuleFor(x => x.Category).Must(c => DataCategoryCodes.TryParse(c, out _))
            .WithMessage($"must be one of {string.Join(", ", DataCategoryCodes.All)}");
        RuleFor(x => x.Purpose).Must(p => p is not null && Purposes.ByCode.ContainsKey(p))
            .WithMessage($"must be one of {string.Join(", ", Purposes.ByCode.Keys)}");
        When(x => !string.IsNullOrEmpty(x.OverrideBasis), () =>
        {
            RuleFor(x => x.OverrideBasis!).Matches("^[a-z][a-z0-9-]{1,49}$").WithMessage("must be a legal basis code, e.g. child-protection");
            RuleFor(x => x.OverrideReason!).RequiredText(200);
        });
    }
}

/// <summary>
/// Answers the sharing decision for every module. The decision and its basis go to the audit trail of
/// the request that asked; a partner system may ask only about disclosures to its own agency.
/// </summary>
internal sealed class MaySeeHandler(
    SharingDecider decider,
    IMediator mediator,
    ICurrentActor currentActor,
    IAuditScope audit) : IRequestHandler<MaySeeQuery, MaySeeResult>
{
    public async Task<MaySeeResult> Handle(MaySeeQuery request, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required;
        if (actor.Kind == ActorKind.AgencySystem && !string.Equals(actor.AgencyId, request.AgencyId, StringComparison.OrdinalIgnoreCase))
        {
            throw new ForbiddenException("A partner system may ask only about disclosures to its own agency.");
        }

        var serviceUserId = Guid.Parse(request.ServiceUserId);
        audit.ServiceUser(serviceUserId.ToString("D"));

        // Asking about one's own agency is always allowed: it is the question "may we see this?". Asking
        // about another agency's access says something about the person, so only an agency in a care
        // relationship with them may ask; to any other the person does not exist.
        if (actor.Kind != ActorKind.System && !actor.IsInRole(Roles.SystemAdmin)
            && !string.Equals(actor.AgencyId, request.AgencyId, StringComparison.OrdinalIgnoreCase))
        {
            await CareRelationships.RequireAsync(mediator, request.ServiceUserId, CareRelationships.AgencyOf(actor, "Asking about another agency's access"), cancellationToken);
        }

        DataCategoryCodes.TryParse(request.Category, out var category);
        var decision = (await decider.DecideAsync(serviceUserId, Guid.Parse(request.AgencyId), [category], request.Purpose, request.OverrideBasis, request.OverrideReason, cancellationToken))[0];
        audit.Basis(decision.Basis);
        return SharingDecider.ToResult(decision);
    }
}

/// <summary>
/// The sharing decision over many categories from one look at the agency (the acting-agency cache the
/// pipeline keeps), the active rules (their cache) and one load of the person's consents.
/// </summary>
internal sealed class SharingDecider(
    ISharingProtocolRepository protocols,
    SharingRulesCache cache,
    IActingAgencies agencies,
    IConsentRepository consents,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<SharingDecision>> DecideAsync(
        Guid serviceUserId, Guid agencyGuid, IReadOnlyList<DataCategory> categories, string purpose, string? overrideBasis, string? overrideReason, CancellationToken cancellationToken)
    {
        var (recipient, rules) = await RecipientAndRulesAsync(agencyGuid, cancellationToken);
        var held = await consents.ForServiceUserAsync(serviceUserId, cancellationToken);
        return Decide(serviceUserId, agencyGuid, categories, purpose, overrideBasis, overrideReason, recipient, rules, held);
    }

    /// <summary>Every category for each of many people and one agency: the agency and the rules once, the consents in one query.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<SharingDecision>>> DecideForPeopleAsync(
        IReadOnlyList<Guid> serviceUserIds, Guid agencyGuid, IReadOnlyList<DataCategory> categories, string purpose, CancellationToken cancellationToken)
    {
        var (recipient, rules) = await RecipientAndRulesAsync(agencyGuid, cancellationToken);
        var held = await consents.ForServiceUsersAsync(serviceUserIds, cancellationToken);
        return held.ToDictionary(p => p.Key, p => Decide(p.Key, agencyGuid, categories, purpose, null, null, recipient, rules, p.Value));
    }

    private async Task<(Recipient? Recipient, IReadOnlyList<SharingProtocol> Rules)> RecipientAndRulesAsync(Guid agencyGuid, CancellationToken cancellationToken)
    {
        var agency = await agencies.FindAsync(agencyGuid, cancellationToken);
        var recipient = agency is null ? null : new Recipient(new AgencyId(agencyGuid), Enum.Parse<AgencyType>(agency.AgencyType), agency.Active);
        return (recipient, await cache.ActiveProtocolsAsync(protocols, cancellationToken));
    }

    private IReadOnlyList<SharingDecision> Decide(
        Guid serviceUserId, Guid agencyGuid, IReadOnlyList<DataCategory> categories, string purpose, string? overrideBasis, string? overrideReason,
        Recipient? recipient, IReadOnlyList<SharingProtocol> rules, IReadOnlyList<Consent> held)
    {
        var now = clock.GetUtcNow();
        return categories
            .Select(category => SharingDecisionPolicy.Decide(
                new SharingRequest(serviceUserId, new AgencyId(agencyGuid), category, Purposes.ByCode[purpose], overrideBasis, overrideReason?.Trim()), recipient, rules, held, now))
            .ToList();
    }

    public static MaySeeResult ToResult(SharingDecision decision) =>
        new(decision.Permitted, decision.Reason, decision.ProtocolId?.Value, decision.Rule?.Describe(), decision.ConsentId?.Value, decision.Basis);
}

internal sealed class SharingDecisionsValidator : AbstractValidator<SharingDecisionsQuery>
{
    public SharingDecisionsValidator()
    {
        RuleFor(x => x.ServiceUserId).MustBeId();
        RuleFor(x => x.AgencyId).MustBeId();
        RuleFor(x => x.Purpose).Must(p => p is not null && Purposes.ByCode.ContainsKey(p))
            .WithMessage($"must be one of {string.Join(", ", Purposes.ByCode.Keys)}");
    }
}

/// <summary>
/// Every category for one person and agency, once per request: what Assessment and CarePlan ask before
/// they show any of the person's data. Only about the caller's own agency (or by the platform): asking
/// about another agency's access goes through <see cref="MaySeeQuery"/> and its checks.
/// </summary>
internal sealed class SharingDecisionsHandler(SharingDecider decider, ICurrentActor currentActor, IAuditScope audit)
    : IRequestHandler<SharingDecisionsQuery, SharingDecisions>
{
    private const int MostBasisCharacters = 1000;

    public async Task<SharingDecisions> Handle(SharingDecisionsQuery request, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required;
        var serviceUserId = Guid.Parse(request.ServiceUserId);
        audit.ServiceUser(serviceUserId.ToString("D"));
        if (actor.Kind != ActorKind.System && !string.Equals(actor.AgencyId, request.AgencyId, StringComparison.OrdinalIgnoreCase))
        {
            throw new ForbiddenException("The decisions for every category are asked only about the caller's own agency.");
        }

        var decisions = await decider.DecideAsync(serviceUserId, Guid.Parse(request.AgencyId), AllCategories, request.Purpose, null, null, cancellationToken);
        var (result, basis) = Summarise(decisions);
        audit.Basis(basis);
        return result;
    }

    internal static readonly IReadOnlyList<DataCategory> AllCategories =
        DataCategoryCodes.All.Select(c => DataCategoryCodes.TryParse(c, out var category) ? category : default).ToList();

    /// <summary>Each category's result, and one basis for all of them: what was permitted and on which consents and protocols; the rest denied.</summary>
    internal static (SharingDecisions Decisions, string Basis) Summarise(IReadOnlyList<SharingDecision> decisions)
    {
        var byCode = AllCategories.Zip(decisions).ToDictionary(p => p.First.Code(), p => SharingDecider.ToResult(p.Second), StringComparer.Ordinal);
        var permitted = byCode.Where(d => d.Value.Permitted).ToList();
        var basis = permitted.Count == 0
            ? "deny: every category"
            : "permit: " + string.Join(",", permitted.Select(p => p.Key))
                + "; consents " + string.Join(",", permitted.Select(p => p.Value.ConsentId).OfType<Guid>().Distinct())
                + "; protocols " + string.Join(",", permitted.Select(p => p.Value.ProtocolId).OfType<Guid>().Distinct())
                + "; deny: the rest";
        return (new SharingDecisions(byCode), basis.Length <= MostBasisCharacters ? basis : basis[..MostBasisCharacters]);
    }
}

internal sealed class SharingDecisionsForPeopleValidator : AbstractValidator<SharingDecisionsForPeopleQuery>
{
    public SharingDecisionsForPeopleValidator()
    {
        RuleFor(x => x.ServiceUserIds).NotEmpty().WithMessage("must name at least one person")
            .Must(ids => ids is null || ids.Count <= PageLimit).WithMessage($"must name at most {PageLimit} people");
        RuleForEach(x => x.ServiceUserIds).MustBeId();
        RuleFor(x => x.AgencyId).MustBeId();
        RuleFor(x => x.Purpose).Must(p => p is not null && Purposes.ByCode.ContainsKey(p))
            .WithMessage($"must be one of {string.Join(", ", Purposes.ByCode.Keys)}");
    }

    /// <summary>A page of a list at most (the paging maximum).</summary>
    private const int PageLimit = 200;
}

/// <summary>The decisions for a page of people, only about the caller's own agency; one audit record per person.</summary>
internal sealed class SharingDecisionsForPeopleHandler(SharingDecider decider, ICurrentActor currentActor, IAuditScope audit)
    : IRequestHandler<SharingDecisionsForPeopleQuery, IReadOnlyDictionary<Guid, SharingDecisions>>
{
    public async Task<IReadOnlyDictionary<Guid, SharingDecisions>> Handle(SharingDecisionsForPeopleQuery request, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required;
        if (actor.Kind != ActorKind.System && !string.Equals(actor.AgencyId, request.AgencyId, StringComparison.OrdinalIgnoreCase))
        {
            throw new ForbiddenException("The decisions for every category are asked only about the caller's own agency.");
        }

        var people = request.ServiceUserIds.Select(Guid.Parse).Distinct().ToList();
        var decided = await decider.DecideForPeopleAsync(people, Guid.Parse(request.AgencyId), SharingDecisionsHandler.AllCategories, request.Purpose, cancellationToken);
        var results = new Dictionary<Guid, SharingDecisions>();
        foreach (var person in people)
        {
            var (decisions, basis) = SharingDecisionsHandler.Summarise(decided[person]);
            audit.Disclosed(person.ToString("D"), basis);
            results[person] = decisions;
        }

        return results;
    }
}

/// <summary>
/// The sharing decision as a partner asks it over the wire (<c>CheckDisclosure</c>). A refusal's reason
/// says something about the person (a consent that denies, the rule that applied), so an agency that may
/// not know of the person gets the same bare refusal as for an id nobody holds. The decision's own audit
/// record keeps the real basis.
/// </summary>
[Authorize]
[Audit(AuditAction.Execute, "disclosure-check")]
public sealed record CheckDisclosureQuery(
    string ServiceUserId,
    string AgencyId,
    string Category,
    string Purpose,
    string? OverrideBasis = null,
    string? OverrideReason = null) : IQuery<MaySeeResult>;

internal sealed class CheckDisclosureHandler(IMediator mediator, ICurrentActor currentActor) : IRequestHandler<CheckDisclosureQuery, MaySeeResult>
{
    private const string NotPermitted = "not permitted";

    public async Task<MaySeeResult> Handle(CheckDisclosureQuery request, CancellationToken cancellationToken)
    {
        var decision = await mediator.Send(
            new MaySeeQuery(request.ServiceUserId, request.AgencyId, request.Category, request.Purpose, request.OverrideBasis, request.OverrideReason), cancellationToken);
        var actor = currentActor.Required;
        var strangerAsks = !decision.Permitted && !actor.IsInRole(Roles.SystemAdmin)
            && !(await mediator.Send(new CareRelationshipQuery(request.ServiceUserId, request.AgencyId), cancellationToken)).KnowsOfPerson;
        return strangerAsks ? new MaySeeResult(false, NotPermitted, null, null, null, "deny: " + NotPermitted) : decision;
    }
}
