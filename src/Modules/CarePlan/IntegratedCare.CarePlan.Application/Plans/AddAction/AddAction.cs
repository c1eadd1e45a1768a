using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.AddAction;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record AddActionCommand(string CarePlanId, long ExpectedVersion, string GoalId, string AgencyId, int Tier, string What, string DueDate)
    : ICommand<CarePlanDto>;

internal sealed class AddActionValidator : AbstractValidator<AddActionCommand>
{
    public AddActionValidator()
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.GoalId).MustBeId().When(x => !string.IsNullOrEmpty(x.GoalId));
        RuleFor(x => x.AgencyId).MustBeId();
        RuleFor(x => x.Tier).InclusiveBetween(1, 4).WithMessage("must be a tier from 1 to 4");
        RuleFor(x => x.What).RequiredText(1000);
        RuleFor(x => x.DueDate).RequiredDate();
    }
}

internal sealed class AddActionHandler(PlanChanges changes, IMediator mediator) : IRequestHandler<AddActionCommand, CarePlanDto>
{
    public async Task<CarePlanDto> Handle(AddActionCommand r, CancellationToken ct)
    {
        var agency = await mediator.Send(new Protocols.Contracts.AgencyProfileQuery(r.AgencyId), ct);
        if (agency is not { Active: true })
        {
            throw new BuildingBlocks.Application.Errors.RequestValidationException("agency_id", "no active agency has this id");
        }

        return await changes.ByLeadAsync(r.CarePlanId, $"Action added for agency {agency.AgencyId:D}", (plan, now) =>
            plan.AddAction(r.ExpectedVersion, string.IsNullOrEmpty(r.GoalId) ? null : Guid.Parse(r.GoalId), agency.AgencyId, r.Tier, r.What, IsoDates.Parse(r.DueDate)!.Value, now), ct);
    }
}
