using IntegratedCare.BuildingBlocks.Application.Caching;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Identity.Domain.Credentials;
using MediatR;

namespace IntegratedCare.Identity.Application.Credentials.RotateAgencyCredential;

/// <summary>
/// Issues a successor to a credential. The old one keeps working for the grace period, so the partner can
/// switch without an outage, then stops.
/// </summary>
[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Update, "agency-credential")]
public sealed record RotateAgencyCredentialCommand(string CredentialId, int GraceDays) : ICommand<IssuedAgencyCredential>;

internal sealed class RotateAgencyCredentialValidator : AbstractValidator<RotateAgencyCredentialCommand>
{
    public RotateAgencyCredentialValidator()
    {
        RuleFor(x => x.CredentialId).MustBeId();
        RuleFor(x => x.GraceDays).InclusiveBetween(0, AgencyCredential.MaxGraceDays)
            .WithMessage($"must be 0 to {AgencyCredential.MaxGraceDays} days");
    }
}

internal sealed class RotateAgencyCredentialHandler(
    IAgencyCredentialRepository credentials, ICredentialTokens tokens, ISharedCaches caches, IUnitOfWork unitOfWork, ICurrentActor current, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<RotateAgencyCredentialCommand, IssuedAgencyCredential>
{
    public async Task<IssuedAgencyCredential> Handle(RotateAgencyCredentialCommand request, CancellationToken cancellationToken)
    {
        var old = await credentials.FindRequiredAsync(request.CredentialId, cancellationToken);
        audit.Resource(old.Id.ToString());
        var now = clock.GetUtcNow();
        var successor = old.Rotate(current.Required.Id, now, request.GraceDays, tokens.IssuedLocally);
        credentials.Add(successor);
        unitOfWork.AfterCommit(() => tokens.Ends(old));
        await caches.ChangedAsync(IRevokedCredentials.CacheName, cancellationToken);
        return new IssuedAgencyCredential(AgencyCredentialDto.From(successor), tokens.Mint(successor, now));
    }
}
