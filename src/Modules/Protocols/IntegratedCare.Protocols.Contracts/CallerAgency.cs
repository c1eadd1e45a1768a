using IntegratedCare.BuildingBlocks.Contracts;
using MediatR;

namespace IntegratedCare.Protocols.Contracts;

/// <summary>
/// The agency the caller's token acts for, which must be known and active: every call on a person's
/// record or plan is made on behalf of one. PERMISSION_DENIED for a token that names no agency, or an
/// unknown or inactive one. Answered from the acting agencies the pipeline already checked, so it reads
/// no table of its own.
/// </summary>
[Authorize]
[Audit(AuditAction.Read, "agency")]
public sealed record CallerAgencyQuery : IContractQuery<AgencyProfile>;

/// <summary>
/// The caller's agency as a module asks it while serving one request: asked once (<see cref="CallerAgencyQuery"/>),
/// then read. Scoped: a new request, or a new round of a stream, asks afresh.
/// </summary>
public sealed class RequestCallerAgency(IMediator mediator)
{
    private AgencyProfile? _agency;

    public async Task<AgencyProfile> RequireActiveAsync(CancellationToken cancellationToken) =>
        _agency ??= await mediator.Send(new CallerAgencyQuery(), cancellationToken);
}
