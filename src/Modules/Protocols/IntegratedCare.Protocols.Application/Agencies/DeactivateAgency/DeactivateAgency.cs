using IntegratedCare.BuildingBlocks.Application.Caching;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Contracts;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.Protocols.Domain.Agencies;
using MediatR;

namespace IntegratedCare.Protocols.Application.Agencies.DeactivateAgency;

[Authorize(Roles.SystemAdmin, Roles.AgencyAdmin)]
[Audit(AuditAction.Update, "agency")]
public sealed record DeactivateAgencyCommand(string AgencyId, long ExpectedVersion, string Reason) : ICommand<AgencyDto>;

internal sealed class DeactivateAgencyValidator : AbstractValidator<DeactivateAgencyCommand>
{
    public DeactivateAgencyValidator()
    {
        RuleFor(x => x.AgencyId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeAVersion();
        RuleFor(x => x.Reason).RequiredText(500);
    }
}

internal sealed class DeactivateAgencyHandler(
    IAgencyRepository agencies,
    ICurrentActor currentActor,
    IAuditScope audit,
    IUnitOfWork unitOfWork,
    IActingAgencies acting,
    ISharedCaches caches,
    TimeProvider clock) : IRequestHandler<DeactivateAgencyCommand, AgencyDto>
{
    public async Task<AgencyDto> Handle(DeactivateAgencyCommand request, CancellationToken cancellationToken)
    {
        var agency = await AgencyAccess.LoadForChangeAsync(agencies, request.AgencyId, currentActor.Required, audit, cancellationToken);
        agency.Deactivate(request.ExpectedVersion, request.Reason, clock.GetUtcNow());
        // Every call checks its agency: this change holds for the next call, not the next cache refresh.
        unitOfWork.AfterCommit(() => acting.Forget(agency.Id.Value));
        await caches.ChangedAsync(IActingAgencies.CacheName, cancellationToken);
        return AgencyDto.From(agency);
    }
}
