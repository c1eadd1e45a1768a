using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Application.Agencies;
using IntegratedCare.Protocols.Domain.Agencies;
using MediatR;

namespace IntegratedCare.Protocols.Application.Sharing.SignSharingProtocol;

/// <summary>An agency signs up to a protocol: a system administrator, or the agency's own administrator.</summary>
[Authorize(Roles.SystemAdmin, Roles.AgencyAdmin)]
[Audit(AuditAction.Update, "sharing-protocol")]
public sealed record SignSharingProtocolCommand(string SharingProtocolId, long ExpectedVersion, string AgencyId) : ICommand<SharingProtocolDto>;

internal sealed class SignSharingProtocolValidator : AbstractValidator<SignSharingProtocolCommand>
{
    public SignSharingProtocolValidator()
    {
        RuleFor(x => x.SharingProtocolId).MustBeId();
        RuleFor(x => x.AgencyId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeAVersion();
    }
}

internal sealed class SignSharingProtocolHandler(SharingProtocolChange change, IAgencyRepository agencies, ICurrentActor currentActor, TimeProvider clock)
    : IRequestHandler<SignSharingProtocolCommand, SharingProtocolDto>
{
    public async Task<SharingProtocolDto> Handle(SignSharingProtocolCommand request, CancellationToken cancellationToken)
    {
        var agencyId = new AgencyId(Guid.Parse(request.AgencyId));
        AgencyAccess.EnsureMayChange(currentActor.Required, agencyId);
        var agency = await agencies.FindAsync(agencyId, cancellationToken)
            ?? throw new RequestValidationException("agency_id", "no agency has this id");
        return await change.ApplyAsync(request.SharingProtocolId,
            p => p.Sign(request.ExpectedVersion, agencyId, agency.Status == AgencyStatus.Active, clock.GetUtcNow()), cancellationToken);
    }
}
