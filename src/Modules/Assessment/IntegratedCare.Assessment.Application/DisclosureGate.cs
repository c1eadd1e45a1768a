using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Assessment.Application;

/// <summary>A permit or refusal to show one category of a person's data, and the basis the audit trail records.</summary>
internal sealed record DisclosureDecision(bool Permitted, string Basis, string Reason);

/// <summary>
/// Asks the sharing decision (Protocols) before any of a person's data leaves the module. The agency that
/// owns the record — the one that registered the person, or leads the assessment — always may: it is
/// its own record.
/// </summary>
internal sealed class DisclosureGate(IMediator mediator, RequestSharingDecisions decisions, IAuditScope audit)
{
    public const string OwnRecordBasis = "own-record";

    public async Task<DisclosureDecision> DecideAsync(
        Guid serviceUserId, AgencyProfile caller, bool callerOwnsRecord, string category, CancellationToken cancellationToken)
    {
        if (callerOwnsRecord)
        {
            return new DisclosureDecision(true, OwnRecordBasis, "the caller's agency owns the record");
        }

        var decision = await decisions.DecideAsync(serviceUserId, caller.AgencyId, category, cancellationToken);
        return new DisclosureDecision(decision.Permitted, decision.Basis, decision.Reason);
    }

    /// <summary>
    /// Whether the agency may know the person exists (Protocols decides): it is in a care relationship with
    /// them, or a consent in force permits it some of their data. To any other agency the person does not exist.
    /// </summary>
    public Task<bool> KnowsOfPersonAsync(Guid serviceUserId, AgencyProfile caller, CancellationToken cancellationToken) =>
        mediator.Send(new KnowsOfPersonQuery(serviceUserId.ToString("D"), caller.AgencyId.ToString("D")), cancellationToken);

    /// <summary>PERMISSION_DENIED unless the caller's agency is in a care relationship with the person (NOT_FOUND if it may not even know of them).</summary>
    public async Task RequireCareRelationshipAsync(Guid serviceUserId, AgencyProfile caller, CancellationToken cancellationToken)
    {
        var relationship = await mediator.Send(new CareRelationshipQuery(serviceUserId.ToString("D"), caller.AgencyId.ToString("D")), cancellationToken);
        if (!relationship.Any)
        {
            throw relationship.KnowsOfPerson
                ? new ForbiddenException("Only an agency in a care relationship with the person may do this; a consent lets an agency see data, not act.")
                : new NotFoundException("Service user", serviceUserId.ToString("D"), hidden: true);
        }
    }

    /// <summary>NOT_FOUND for the person when the caller's agency may not know they exist.</summary>
    public async Task HideFromStrangerAsync(Guid serviceUserId, AgencyProfile caller, CancellationToken cancellationToken)
    {
        if (!await KnowsOfPersonAsync(serviceUserId, caller, cancellationToken))
        {
            throw new NotFoundException("Service user", serviceUserId.ToString("D"), hidden: true);
        }
    }

    /// <summary>
    /// Decides and, when refused, records the refusal's basis and throws PERMISSION_DENIED naming the
    /// category — or NOT_FOUND for the person when the caller's agency may not know they exist.
    /// </summary>
    public async Task<DisclosureDecision> RequireAsync(
        Guid serviceUserId, AgencyProfile caller, bool callerOwnsRecord, string category, CancellationToken cancellationToken)
    {
        var decision = await DecideAsync(serviceUserId, caller, callerOwnsRecord, category, cancellationToken);
        if (!decision.Permitted)
        {
            // The decision's own audit record rolls back with the refused call: this one carries its basis.
            audit.ServiceUser(serviceUserId.ToString("D"));
            audit.Basis(decision.Basis);
            await HideFromStrangerAsync(serviceUserId, caller, cancellationToken);
            throw new ForbiddenException($"The information sharing agreements and the person's consents do not let your agency see '{category}' for this person.");
        }

        return decision;
    }
}
