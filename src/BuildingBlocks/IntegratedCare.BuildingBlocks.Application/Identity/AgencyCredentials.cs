using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;

namespace IntegratedCare.BuildingBlocks.Application.Identity;

/// <summary>
/// A credential a partner agency's system calls the gRPC API with. The token itself is shown once, when
/// issued; the platform keeps only who holds it, until when, and whether it was revoked.
/// </summary>
public sealed record AgencyCredentialDto(
    string CredentialId,
    string AgencyId,
    string Name,
    DateTimeOffset IssuedAt,
    string IssuedBy,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    string? ReplacedBy);

/// <summary>A credential just issued, with its bearer token: the only time the token is seen.</summary>
public sealed record IssuedAgencyCredential(AgencyCredentialDto Credential, string Token);

[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Create, "agency-credential")]
public sealed record IssueAgencyCredentialCommand(string AgencyId, string Name, int ValidDays) : ICommand<IssuedAgencyCredential>;

/// <summary>
/// Issues a successor to a credential. The old one keeps working for the grace period, so the partner can
/// switch without an outage, then stops.
/// </summary>
[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Update, "agency-credential")]
public sealed record RotateAgencyCredentialCommand(string CredentialId, int GraceDays) : ICommand<IssuedAgencyCredential>;

[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Update, "agency-credential")]
public sealed record RevokeAgencyCredentialCommand(string CredentialId) : ICommand<AgencyCredentialDto>;

[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Read, "agency-credential")]
public sealed record ListAgencyCredentialsQuery : IQuery<IReadOnlyList<AgencyCredentialDto>>;

/// <summary>
/// The platform's view of the agency register, which the Protocols module keeps (a port, so identity
/// can check an agency without knowing the module).
/// </summary>
public interface IAgencyDirectory
{
    Task<bool> IsActiveAgencyAsync(string agencyId, CancellationToken cancellationToken);

    /// <summary>The agency as a caller's token names it, or null when no agency has the id.</summary>
    Task<Security.ActingAgency?> FindActingAsync(Guid agencyId, CancellationToken cancellationToken);
}

public static class AgencyCredentialRules
{
    public const int MaxValidDays = 730;
    public const int MaxGraceDays = 30;
}

internal sealed class IssueAgencyCredentialValidator : AbstractValidator<IssueAgencyCredentialCommand>
{
    public IssueAgencyCredentialValidator()
    {
        RuleFor(x => x.AgencyId).MustBeId();
        RuleFor(x => x.Name).RequiredText(100);
        RuleFor(x => x.ValidDays).InclusiveBetween(1, AgencyCredentialRules.MaxValidDays)
            .WithMessage($"must be 1 to {AgencyCredentialRules.MaxValidDays} days");
    }
}

internal sealed class RotateAgencyCredentialValidator : AbstractValidator<RotateAgencyCredentialCommand>
{
    public RotateAgencyCredentialValidator()
    {
        RuleFor(x => x.CredentialId).MustBeId();
        RuleFor(x => x.GraceDays).InclusiveBetween(0, AgencyCredentialRules.MaxGraceDays)
            .WithMessage($"must be 0 to {AgencyCredentialRules.MaxGraceDays} days");
    }
}

internal sealed class RevokeAgencyCredentialValidator : AbstractValidator<RevokeAgencyCredentialCommand>
{
    public RevokeAgencyCredentialValidator() => RuleFor(x => x.CredentialId).MustBeId();
}
