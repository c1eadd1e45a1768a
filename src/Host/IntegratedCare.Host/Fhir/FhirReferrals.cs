using Hl7.Fhir.Model;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.Protocols.Application.Referrals;
using IntegratedCare.Protocols.Application.Referrals.ActOnReferral;
using IntegratedCare.Protocols.Application.Referrals.GetReferral;
using IntegratedCare.Protocols.Application.Referrals.ListReferrals;
using IntegratedCare.Protocols.Domain.Referrals;
using MediatR;
using FhirTask = Hl7.Fhir.Model.Task;

namespace IntegratedCare.Host.Fhir;

/// <summary>
/// A referral between agencies as FHIR workflow has it: the request a <c>ServiceRequest</c> (from the referring
/// agency, to the receiving one), its handling a <c>Task</c> with the same id whose <c>focus</c> is the request,
/// whose status the receiving agency moves (received, accepted, rejected with a coded reason, completed) and
/// the referrer may cancel.
/// </summary>
internal static class FhirReferrals
{
    public const string RejectionReasonSystem = "https://integratedcare.scot/fhir/CodeSystem/referral-rejection-reason";

    private static readonly Dictionary<RejectionReason, string> RejectionCodes = new()
    {
        [RejectionReason.NotEligible] = "not-eligible",
        [RejectionReason.NoCapacity] = "no-capacity",
        [RejectionReason.OutOfArea] = "out-of-area",
        [RejectionReason.Duplicate] = "duplicate",
        [RejectionReason.PersonDeclined] = "person-declined",
        [RejectionReason.InsufficientInformation] = "insufficient-information",
        [RejectionReason.Other] = "other",
    };

    /// <summary>A referral's id is a plain UUID; a plan action's task id is 64 hex digits (<see cref="FhirIds"/>).</summary>
    public static bool IsReferral(string id) => FhirIds.IsUuid(id);

    public static IRequest<ReferralDto> Read(string referralId) => new GetReferralQuery(referralId);

    /// <summary>The caller's agency's referrals, to it (<c>incoming</c>) or from it, a page at a time, newest first.</summary>
    public static IRequest<IntegratedCare.BuildingBlocks.Application.Paging.Page<ReferralDto>> Search(bool incoming, int count, string pageToken) =>
        new ListReferralsQuery(incoming ? ReferralDirection.Incoming : ReferralDirection.Outgoing, null, count, pageToken);

    /// <summary>When the referral last changed: closed, answered, received or made.</summary>
    public static DateTimeOffset Updated(ReferralDto referral) => referral.ClosedAt ?? referral.AnsweredAt ?? referral.ReceivedAt ?? referral.RequestedAt;

    /// <summary>The <c>status</c> codes a referral's task may be searched by.</summary>
    public static readonly IReadOnlyDictionary<string, FhirTask.TaskStatus> TaskStatuses = new Dictionary<string, FhirTask.TaskStatus>(StringComparer.Ordinal)
    {
        ["requested"] = FhirTask.TaskStatus.Requested,
        ["received"] = FhirTask.TaskStatus.Received,
        ["accepted"] = FhirTask.TaskStatus.Accepted,
        ["rejected"] = FhirTask.TaskStatus.Rejected,
        ["in-progress"] = FhirTask.TaskStatus.InProgress,
        ["on-hold"] = FhirTask.TaskStatus.OnHold,
        ["completed"] = FhirTask.TaskStatus.Completed,
        ["cancelled"] = FhirTask.TaskStatus.Cancelled,
        ["failed"] = FhirTask.TaskStatus.Failed,
    };

    /// <summary>The <c>status</c> codes a <c>ServiceRequest</c> may be searched by.</summary>
    public static readonly IReadOnlyDictionary<string, RequestStatus> RequestStatuses = new Dictionary<string, RequestStatus>(StringComparer.Ordinal)
    {
        ["active"] = RequestStatus.Active,
        ["completed"] = RequestStatus.Completed,
        ["revoked"] = RequestStatus.Revoked,
    };

    public static ServiceRequest ToServiceRequest(ReferralDto referral) => new()
    {
        Id = referral.ReferralId,
        Status = referral.Status switch
        {
            ReferralStatus.Requested or ReferralStatus.Received or ReferralStatus.Accepted => RequestStatus.Active,
            ReferralStatus.Completed => RequestStatus.Completed,
            ReferralStatus.Rejected or ReferralStatus.Cancelled or ReferralStatus.Expired => RequestStatus.Revoked,
            _ => RequestStatus.Unknown,
        },
        Intent = RequestIntent.Order,
        Category = [new CodeableConcept { Text = "Inter-agency referral" }],
        Subject = FhirReferences.Patient(referral.ServiceUserId),
        AuthoredOn = FhirReferences.Instant(referral.RequestedAt),
        Requester = FhirReferences.Organization(referral.FromAgencyId),
        Performer = [FhirReferences.Organization(referral.ToAgencyId)],
        ReasonCode = [new CodeableConcept { Text = referral.Reason }],
    };

    public static FhirTask ToTask(ReferralDto referral) => new()
    {
        Id = referral.ReferralId,
        Status = referral.Status switch
        {
            ReferralStatus.Requested => FhirTask.TaskStatus.Requested,
            ReferralStatus.Received => FhirTask.TaskStatus.Received,
            ReferralStatus.Accepted => FhirTask.TaskStatus.Accepted,
            ReferralStatus.Rejected => FhirTask.TaskStatus.Rejected,
            ReferralStatus.Completed => FhirTask.TaskStatus.Completed,
            ReferralStatus.Cancelled => FhirTask.TaskStatus.Cancelled,
            ReferralStatus.Expired => FhirTask.TaskStatus.Failed,
            _ => FhirTask.TaskStatus.EnteredInError,
        },
        StatusReason = referral.RejectionReason is { } reason && RejectionCodes.TryGetValue(reason, out var code)
            ? new CodeableConcept(RejectionReasonSystem, code, FhirReferences.Words(reason.ToString()))
            : null,
        BusinessStatus = referral.Overdue ? new CodeableConcept { Text = "Overdue: no answer by the protocol's response time" } : null,
        Intent = FhirTask.TaskIntent.Order,
        Focus = new ResourceReference($"ServiceRequest/{referral.ReferralId}"),
        For = FhirReferences.Patient(referral.ServiceUserId),
        AuthoredOn = FhirReferences.Instant(referral.RequestedAt),
        LastModified = FhirReferences.Instant(Updated(referral)),
        Requester = FhirReferences.Organization(referral.FromAgencyId),
        Owner = FhirReferences.Organization(referral.ToAgencyId),
        Restriction = new FhirTask.RestrictionComponent { Period = new Period { End = FhirReferences.Instant(referral.DueAt) } },
        Note = referral.Note.Length == 0 ? [] : [new Annotation { Text = referral.Note }],
    };

    /// <summary>
    /// The receiving agency's answer (<c>received</c>, <c>accepted</c>, <c>rejected</c> with a reason code,
    /// <c>completed</c> with the outcome in a new note), or the referrer's <c>cancelled</c> (the reason in a new
    /// note; see <see cref="FhirReferences.NewNote"/>).
    /// </summary>
    public static IRequest<ReferralDto> Answer(FhirTask task, string referralId, long expectedVersion)
    {
        var note = FhirReferences.NewNote(task.Note);
        return task.Status switch
        {
            FhirTask.TaskStatus.Received => new ActOnReferralCommand(referralId, expectedVersion, ReferralAction.Receive, null, note),
            FhirTask.TaskStatus.Accepted => new ActOnReferralCommand(referralId, expectedVersion, ReferralAction.Accept, null, note),
            FhirTask.TaskStatus.Rejected => new ActOnReferralCommand(referralId, expectedVersion, ReferralAction.Reject,
                FhirReferences.Coded(task.StatusReason, RejectionReasonSystem, RejectionCodes), note.Length > 0 ? note : task.StatusReason?.Text ?? string.Empty),
            FhirTask.TaskStatus.Completed => new ActOnReferralCommand(referralId, expectedVersion, ReferralAction.Complete, null, note),
            FhirTask.TaskStatus.Cancelled => new ActOnReferralCommand(referralId, expectedVersion, ReferralAction.Cancel, null, note),
            null => throw new RequestValidationException("Task.status", "is required"),
            _ => throw new RequestValidationException("Task.status", "must be received, accepted, rejected, completed or cancelled: the answers to a referral"),
        };
    }
}
