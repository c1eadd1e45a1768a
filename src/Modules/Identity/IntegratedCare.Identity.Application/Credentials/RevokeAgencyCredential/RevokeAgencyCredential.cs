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

namespace IntegratedCare.Identity.Application.Credentials.RevokeAgencyCredential;

[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Update, "agency-credential")]
public sealed record RevokeAgencyCredentialCommand(string CredentialId) : ICommand<AgencyCredentialDto>;

internal sealed class RevokeAgencyCredentialValidator : AbstractValidator<RevokeAgencyCredentialCommand>
{
    public RevokeAgencyCredentialValidator() => RuleFor(x => x.CredentialId).MustBeId();
}

internal sealed class RevokeAgencyCredentialHandler(
    IAgencyCredentialRepository credentials, ICredentialTokens tokens, ISharedCaches caches, IUnitOfWork unitOfWork, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<RevokeAgencyCredentialCommand, AgencyCredentialDto>
{
    public async Task<AgencyCredentialDto> Handle(RevokeAgencyCredentialCommand request, CancellationToken cancellationToken)
    {
        var credential = await credentials.FindRequiredAsync(request.CredentialId, cancellationToken);
        audit.Resource(credential.Id.ToString());
        credential.Revoke(clock.GetUtcNow());
        unitOfWork.AfterCommit(() => tokens.Ends(credential));
        await caches.ChangedAsync(IRevokedCredentials.CacheName, cancellationToken);
        return AgencyCredentialDto.From(credential);
    }
}
