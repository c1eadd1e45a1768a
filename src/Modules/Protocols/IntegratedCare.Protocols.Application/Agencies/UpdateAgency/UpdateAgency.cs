using IntegratedCare.BuildingBlocks.Application.Caching;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Areas;
using MediatR;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Validation;

namespace IntegratedCare.Protocols.Application.Agencies.UpdateAgency;

[Authorize(Roles.SystemAdmin, Roles.AgencyAdmin)]
[Audit(AuditAction.Update, "agency")]
public sealed record UpdateAgencyCommand(
    string AgencyId,
    long ExpectedVersion,
    string Name,
    AgencyType? Type,
    IReadOnlyList<string> AreaIds,
    AgencyContactInput? Contact,
    string OrganisationCode) : ICommand<AgencyDto>, IAgencyInput;

internal sealed class UpdateAgencyValidator : AbstractValidator<UpdateAgencyCommand>
{
    public UpdateAgencyValidator()
    {
        RuleFor(x => x.AgencyId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeAVersion();
        AgencyInput.AddRules(this);
    }
}

internal sealed class UpdateAgencyHandler(
    IAgencyRepository agencies,
    IAreaRepository areas,
    ICurrentActor currentActor,
    IAuditScope audit,
    IUnitOfWork unitOfWork,
    IActingAgencies acting,
    ISharedCaches caches,
    TimeProvider clock) : IRequestHandler<UpdateAgencyCommand, AgencyDto>
{
    public async Task<AgencyDto> Handle(UpdateAgencyCommand request, CancellationToken cancellationToken)
    {
        var agency = await AgencyAccess.LoadForChangeAsync(agencies, request.AgencyId, currentActor.Required, audit, cancellationToken);
        var details = AgencyInput.ToDetails(request);
        await AgencyInput.EnsureAreasExistAsync(areas, details, cancellationToken, served: agency.AreaIds);
        // The agency holds its own name: only a new one can clash with another active agency's.
        var nameIsTaken = details.Name.Trim() != agency.Name && await agencies.ActiveNameIsTakenAsync(details.Name, agency.Id, cancellationToken);
        var cachedBefore = CachedView(agency);
        agency.Update(request.ExpectedVersion, details, nameIsTaken, clock.GetUtcNow());
        if (CachedView(agency) != cachedBefore)
        {
            // Every call checks its agency: this change holds for the next call, not the next cache refresh.
            // A change to what no cache holds (contact details, organisation code) tells no host anything.
            unitOfWork.AfterCommit(() => acting.Forget(agency.Id.Value));
            await caches.ChangedAsync(IActingAgencies.CacheName, cancellationToken);
        }

        return AgencyDto.From(agency);
    }

    /// <summary>What the acting-agency cache keeps of an agency (<see cref="ActingAgency"/>; an update leaves it active).</summary>
    private static (string Name, AgencyType Type, string Areas) CachedView(Agency agency) =>
        (agency.Name, agency.Type, string.Join(',', agency.AreaIds.Select(a => a.Value).Order()));
}
