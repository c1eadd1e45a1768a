using System.Globalization;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using MediatR;

namespace IntegratedCare.Identity.Application.SignIn.ListSignInAttempts;

/// <summary>One attempt to sign in to the web UI with a local account: when, which account (none for an unknown user name), and how it ended.</summary>
public sealed record SignInAttemptDto(DateTimeOffset OccurredAt, string? StaffAccountId, string? AgencyId, bool SignedIn, string Outcome);

public sealed record SignInAttemptPage(IReadOnlyList<SignInAttemptDto> Attempts, string NextPageToken, int TotalSize, DateTimeOffset AsOf);

/// <summary>
/// Sign-in attempts, newest first, from the audit trail. An information governance lead sees the attempts
/// on their own agency's accounts; a system administrator sees every attempt, including those with a user
/// name no account has. <paramref name="RefusedOnly"/> keeps the failed attempts.
/// </summary>
[Authorize(Roles.InformationGovernance, Roles.SystemAdmin)]
[Audit(AuditAction.Read, "sign-in-attempt")]
public sealed record ListSignInAttemptsQuery(bool RefusedOnly, int PageSize, string PageToken, DateTimeOffset? AsOf = null) : IQuery<SignInAttemptPage>;

internal sealed class ListSignInAttemptsValidator : AbstractValidator<ListSignInAttemptsQuery>
{
    public ListSignInAttemptsValidator()
    {
        RuleFor(x => x.PageSize).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
        RuleFor(x => x.AsOf).NotNull().When(x => !string.IsNullOrEmpty(x.PageToken)).WithMessage("must be given with a page token: the instant the first page was read as of");
    }
}

internal sealed class ListSignInAttemptsHandler(IAuditLog log, ICurrentActor currentActor, IAuditScope audit)
    : IRequestHandler<ListSignInAttemptsQuery, SignInAttemptPage>
{
    /// <summary>The operation <see cref="StaffSignIn"/> audits each attempt under.</summary>
    public const string Operation = "StaffSignIn";

    public async Task<SignInAttemptPage> Handle(ListSignInAttemptsQuery request, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required;
        string? agency = null;
        if (!actor.Roles.Contains(Roles.SystemAdmin))
        {
            agency = Guid.TryParse(actor.AgencyId, out var id)
                ? id.ToString("D")
                : throw new ForbiddenException("An information governance lead's token must name their agency.");
        }

        var asOf = request.AsOf ?? audit.StartedAt.AddTicks(-1);
        var filter = string.Create(CultureInfo.InvariantCulture, $"sign-ins|{agency}|{request.RefusedOnly}|{asOf.UtcTicks}");
        var offset = PageToken.Decode(request.PageToken, filter);
        var (records, total) = await log.ReadAsync(
            new AuditLogFilter(asOf, Operation: Operation, AgencyId: agency, Outcome: request.RefusedOnly ? AuditOutcome.Denied : null),
            offset, PageToken.PageSize(request.PageSize), cancellationToken);
        var attempts = records.Select(r => new SignInAttemptDto(
            r.OccurredAt, r.ResourceId, r.AgencyId, r.Outcome == AuditOutcome.Success, r.OutcomeDetail ?? r.Outcome.ToString())).ToList();
        var page = Page<SignInAttemptDto>.At(attempts, offset, total, filter);
        return new SignInAttemptPage(page.Items, page.NextPageToken, page.TotalSize, asOf);
    }
}
