using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Protocols.Application.Sharing.SharingDecisionsForPeople;

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
        var decided = await decider.DecideForPeopleAsync(people, Guid.Parse(request.AgencyId), SharingDecisionSummary.AllCategories, request.Purpose, cancellationToken);
        var results = new Dictionary<Guid, SharingDecisions>();
        foreach (var person in people)
        {
            var (decisions, basis) = SharingDecisionSummary.Summarise(decided[person]);
            audit.Disclosed(person.ToString("D"), basis);
            results[person] = decisions;
        }

        return results;
    }
}
