using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Identity.Domain.Credentials;
using MediatR;

namespace IntegratedCare.Identity.Application.Credentials.IssueAgencyCredential;

[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Create, "agency-credential")]
public sealed record IssueAgencyCredentialCommand(string AgencyId, string Name, int ValidDays) : ICommand<IssuedAgencyCredential>;

internal sealed class IssueAgencyCredentialValidator : AbstractValidator<IssueAgencyCredentialCommand>
{
    public IssueAgencyCredentialValidator()
    {
        RuleFor(x => x.AgencyId).MustBeId();
        RuleFor(x => x.Name).RequiredText(100);
        RuleFor(x => x.ValidDays).InclusiveBetween(1, AgencyCredential.MaxValidDays)
            .WithMessage($"must be 1 to {AgencyCredential.MaxValidDays} days");
    }
}

internal sealed class IssueAgencyCredentialHandler(
    IAgencyCredentialRepository credentials, ICredentialTokens tokens, IMediator mediator, ICurrentActor current, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<IssueAgencyCredentialCommand, IssuedAgencyCredential>
{
    public async Task<IssuedAgencyCredential> Handle(IssueAgencyCredentialCommand request, CancellationToken cancellationToken)
    {
        var agencyId = await mediator.ActiveAgencyAsync(request.AgencyId, cancellationToken);
        var now = clock.GetUtcNow();
        var credential = AgencyCredential.Issue(agencyId, request.Name, current.Required.Id, now, now.AddDays(request.ValidDays), tokens.IssuedLocally);
        credentials.Add(credential);
        audit.Resource(credential.Id.ToString());
        return new IssuedAgencyCredential(AgencyCredentialDto.From(credential), tokens.Mint(credential, now));
    }
}
