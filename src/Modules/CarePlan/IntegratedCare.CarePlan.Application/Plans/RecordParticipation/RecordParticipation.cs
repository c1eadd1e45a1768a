using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.RecordParticipation;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record RecordParticipationCommand(string CarePlanId, long ExpectedVersion, bool TookPart, string AgreedOn, string CopyReceivedOn, string OwnWords)
    : ICommand<CarePlanDto>;

internal sealed class RecordParticipationValidator : AbstractValidator<RecordParticipationCommand>
{
    public RecordParticipationValidator(TimeProvider clock)
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.AgreedOn).OptionalDate()
            .Must(d => IsoDates.Parse(d) is not { } day || day <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("must not be in the future");
        RuleFor(x => x.CopyReceivedOn).OptionalDate();
        RuleFor(x => x.OwnWords).OptionalText(2000);
        RuleFor(x => x.AgreedOn).Empty().When(x => !x.TookPart).WithMessage("needs took_part: a person agrees to a plan they took part in");
    }
}

internal sealed class RecordParticipationHandler(PlanChanges changes) : IRequestHandler<RecordParticipationCommand, CarePlanDto>
{
    public Task<CarePlanDto> Handle(RecordParticipationCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, "The person's participation recorded", (plan, now) =>
            plan.Participate(r.ExpectedVersion, new Participation(r.TookPart, IsoDates.Parse(r.AgreedOn), IsoDates.Parse(r.CopyReceivedOn), r.OwnWords ?? string.Empty), now), ct);
}
