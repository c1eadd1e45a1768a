using IntegratedCare.BuildingBlocks.Application.Calendar;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.RecordReferralVariance;

/// <summary>Records the variance once; a person without an open plan has none to record it on.</summary>
[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record RecordReferralVarianceCommand(ReferralOverdueIntegrationEvent Referral) : ICommand<bool>;

internal sealed class RecordReferralVarianceHandler(
    ICarePlanRepository plans,
    ICarePlanHistory history,
    IAuditScope audit,
    IUnitOfWork unitOfWork,
    CarePlanFeedSignal signal,
    IWorkingCalendars calendars,
    TimeProvider clock) : IRequestHandler<RecordReferralVarianceCommand, bool>
{
    public async Task<bool> Handle(RecordReferralVarianceCommand request, CancellationToken cancellationToken)
    {
        var referral = request.Referral;
        audit.ServiceUser(referral.ServiceUserId.ToString("D"));
        var plan = await plans.OpenForServiceUserAsync(referral.ServiceUserId, cancellationToken);
        var now = clock.GetUtcNow();
        if (plan is null || !plan.NoteOverdueReferral(referral.ReferralId, referral.ToAgencyId, calendars.For(plan.Jurisdiction).LastDayOf(referral.DueAt), now))
        {
            return false;
        }

        audit.Resource(plan.Id.ToString());
        history.Record(plan, "system:careplan", $"Referral {referral.ReferralId:D} to agency {referral.ToAgencyId:D} unanswered past its response time", now);
        unitOfWork.AfterCommit(signal.Pulse);
        return true;
    }
}
