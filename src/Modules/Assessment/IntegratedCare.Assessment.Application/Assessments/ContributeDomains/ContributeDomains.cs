using FluentValidation;
using IntegratedCare.Assessment.Domain.Assessments;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Assessment.Application.Assessments.ContributeDomains;

/// <summary>A domain as sent; the family fields belong to the family and children domain only.</summary>
public sealed record DomainInputDto(NeedDomain? Domain, NeedLevel? Need, string Notes, int? ChildrenInHousehold, bool ChildProtectionConcern);

/// <summary>
/// An agency records its assessment of one or more domains. The lead agency may record any; another
/// agency only the domains the sharing decision lets it see for this person (an NHS system the health
/// domains under the person's consent), and not one another agency has already assessed.
/// </summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "assessment")]
public sealed record ContributeDomainsCommand(string AssessmentId, long ExpectedVersion, IReadOnlyList<DomainInputDto> Domains) : ICommand<AssessmentDto>;

internal sealed class ContributeDomainsValidator : AbstractValidator<ContributeDomainsCommand>
{
    public ContributeDomainsValidator()
    {
        RuleFor(x => x.AssessmentId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeAVersion();
        RuleFor(x => x.Domains).NotEmpty().WithMessage("must hold at least one domain")
            .Must(d => d.Count <= NeedDomains.All.Count).WithMessage($"must hold at most {NeedDomains.All.Count} domains")
            .Must(d => d.Where(x => x.Domain is not null).GroupBy(x => x.Domain).All(g => g.Count() == 1)).WithMessage("must name each domain once");
        RuleForEach(x => x.Domains).ChildRules(domain =>
        {
            domain.RuleFor(d => d.Domain).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known need domain");
            domain.RuleFor(d => d.Need).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known need level");
            domain.RuleFor(d => d.Notes).OptionalText(4000);
            domain.RuleFor(d => d.ChildrenInHousehold).InclusiveBetween(0, 30).WithMessage("must be between 0 and 30");
            domain.RuleFor(d => d.ChildrenInHousehold).Null().When(d => d.Domain != NeedDomain.FamilyAndChildren)
                .WithMessage("belongs to the FAMILY_AND_CHILDREN domain only");
            domain.RuleFor(d => d.ChildProtectionConcern).Equal(false).When(d => d.Domain != NeedDomain.FamilyAndChildren)
                .WithMessage("belongs to the FAMILY_AND_CHILDREN domain only");
        });
    }
}

internal sealed class ContributeDomainsHandler(RequestCallerAgency caller, ICurrentActor currentActor, DisclosureGate gate, AssessmentAccess access, TimeProvider clock)
    : IRequestHandler<ContributeDomainsCommand, AssessmentDto>
{
    public async Task<AssessmentDto> Handle(ContributeDomainsCommand request, CancellationToken cancellationToken)
    {
        var agency = await caller.RequireActiveAsync(cancellationToken);
        var assessment = await access.LoadAsync(request.AssessmentId, agency, cancellationToken);
        var lead = assessment.LeadAgencyId == agency.AgencyId;
        foreach (var domain in request.Domains.Select(d => d.Domain!.Value))
        {
            await gate.RequireAsync(assessment.ServiceUserId, agency, lead, AssessmentCategories.Of(domain), cancellationToken);
        }

        assessment.Contribute(
            request.ExpectedVersion,
            request.Domains.Select(d => new DomainInput(d.Domain!.Value, d.Need!.Value, d.Notes ?? string.Empty, d.ChildrenInHousehold, d.ChildProtectionConcern)).ToList(),
            agency.AgencyId,
            currentActor.Required.Id,
            clock.GetUtcNow());
        return await access.ViewAsync(assessment, agency, cancellationToken);
    }
}
