using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Calendar;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.RecordTreatmentOutcomes;

public sealed record TopSubstanceUseInput(int Alcohol, int Opiates, int Crack, int Cocaine, int Amphetamines, int Cannabis, int Other, int InjectingDays, bool SharedInjectingEquipment);

public sealed record TopCrimeInput(int ShopliftingDays, int SellingDrugsDays, bool Theft, bool AssaultOrViolence);

/// <summary>The person's own ratings: each must be given (null is not asked, never a rating of 0).</summary>
public sealed record TopHealthInput(int? PsychologicalHealth, int? PhysicalHealth, int? QualityOfLife);

public sealed record TopHousingInput(bool AcuteHousingProblem, bool AtRiskOfEviction);

public sealed record TopWorkInput(int PaidWorkDays, int EducationDays);

/// <summary>
/// A worker of the lead agency records the person's Treatment Outcomes Profile for the 28 days ending
/// <see cref="PeriodEnd"/>: at the start of treatment, at a review, or at exit. Every part is required (a
/// "none" is a 0 or a no), so no profile is half taken.
/// </summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "care-plan")]
public sealed record RecordTreatmentOutcomesCommand(
    string CarePlanId,
    long ExpectedVersion,
    TopOccasion? Occasion,
    string PeriodEnd,
    TopSubstanceUseInput? SubstanceUse,
    TopCrimeInput? Crime,
    TopHealthInput? Health,
    TopHousingInput? Housing,
    TopWorkInput? Work) : ICommand<CarePlanDto>;

internal sealed class RecordTreatmentOutcomesValidator : AbstractValidator<RecordTreatmentOutcomesCommand>
{
    public RecordTreatmentOutcomesValidator(TimeProvider clock)
    {
        PlanRules.Plan(this, x => x.CarePlanId, x => x.ExpectedVersion);
        RuleFor(x => x.Occasion).NotNull().WithMessage("is required: start, review or exit").IsInEnum().WithMessage("is not start, review or exit");
        // The plan's own calendar decides "today" (the domain's rule); here, a day ahead of UTC is the most any area can be.
        RuleFor(x => x.PeriodEnd).Cascade(CascadeMode.Stop).RequiredDate()
            .Must(d => IsoDates.Parse(d) is not { } day || day <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1)).WithMessage("must not be in the future")
            .Must(d => IsoDates.Parse(d) is not { } day || day >= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(-5)).WithMessage("must be within the last five years");
        RuleFor(x => x.SubstanceUse).NotNull().WithMessage("is required (0 days where none)");
        RuleFor(x => x.Crime).NotNull().WithMessage("is required (0 days and no where none)");
        RuleFor(x => x.Health).NotNull().WithMessage("is required: the person's three ratings");
        RuleFor(x => x.Housing).NotNull().WithMessage("is required");
        RuleFor(x => x.Work).NotNull().WithMessage("is required (0 days where none)");
        When(x => x.SubstanceUse is not null, () =>
        {
            Days(x => x.SubstanceUse!.Alcohol);
            Days(x => x.SubstanceUse!.Opiates);
            Days(x => x.SubstanceUse!.Crack);
            Days(x => x.SubstanceUse!.Cocaine);
            Days(x => x.SubstanceUse!.Amphetamines);
            Days(x => x.SubstanceUse!.Cannabis);
            Days(x => x.SubstanceUse!.Other);
            Days(x => x.SubstanceUse!.InjectingDays);
            RuleFor(x => x.SubstanceUse!.SharedInjectingEquipment)
                .Must((command, shared) => !shared || command.SubstanceUse!.InjectingDays > 0).WithMessage("needs days of injecting");
        });
        When(x => x.Crime is not null, () =>
        {
            Days(x => x.Crime!.ShopliftingDays);
            Days(x => x.Crime!.SellingDrugsDays);
        });
        When(x => x.Health is not null, () =>
        {
            Rating(x => x.Health!.PsychologicalHealth);
            Rating(x => x.Health!.PhysicalHealth);
            Rating(x => x.Health!.QualityOfLife);
        });
        When(x => x.Work is not null, () =>
        {
            RuleFor(x => x.Work!.PaidWorkDays).InclusiveBetween(0, TreatmentOutcomesProfile.MostWorkingDays).WithMessage("must be from 0 to 20 (working days in the 28)");
            RuleFor(x => x.Work!.EducationDays).InclusiveBetween(0, TreatmentOutcomesProfile.MostWorkingDays).WithMessage("must be from 0 to 20 (working days in the 28)");
        });
    }

    private void Days(System.Linq.Expressions.Expression<Func<RecordTreatmentOutcomesCommand, int>> days) =>
        RuleFor(days).InclusiveBetween(0, TreatmentOutcomesProfile.MostDays).WithMessage("must be from 0 to 28 (days in the 28)");

    private void Rating(System.Linq.Expressions.Expression<Func<RecordTreatmentOutcomesCommand, int?>> rating) =>
        RuleFor(rating).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("is required: the person's own rating, 0 (poor) to 20 (good)")
            .InclusiveBetween(0, TreatmentOutcomesProfile.HighestRating).WithMessage("must be from 0 (poor) to 20 (good)");
}

internal sealed class RecordTreatmentOutcomesHandler(PlanChanges changes, ICurrentActor currentActor, IWorkingCalendars calendars) : IRequestHandler<RecordTreatmentOutcomesCommand, CarePlanDto>
{
    public Task<CarePlanDto> Handle(RecordTreatmentOutcomesCommand r, CancellationToken ct) =>
        changes.ByLeadAsync(r.CarePlanId, $"Treatment Outcomes Profile ({r.Occasion}) for the 28 days to {r.PeriodEnd}", (plan, now) => plan.RecordTreatmentOutcomes(
            r.ExpectedVersion,
            r.Occasion!.Value,
            IsoDates.Parse(r.PeriodEnd)!.Value,
            calendars.For(plan.Jurisdiction).Today(now),
            new TopSubstanceUse(r.SubstanceUse!.Alcohol, r.SubstanceUse.Opiates, r.SubstanceUse.Crack, r.SubstanceUse.Cocaine, r.SubstanceUse.Amphetamines, r.SubstanceUse.Cannabis,
                r.SubstanceUse.Other, r.SubstanceUse.InjectingDays, r.SubstanceUse.SharedInjectingEquipment),
            new TopCrime(r.Crime!.ShopliftingDays, r.Crime.SellingDrugsDays, r.Crime.Theft, r.Crime.AssaultOrViolence),
            new TopHealth(r.Health!.PsychologicalHealth!.Value, r.Health.PhysicalHealth!.Value, r.Health.QualityOfLife!.Value),
            new TopHousing(r.Housing!.AcuteHousingProblem, r.Housing.AtRiskOfEviction),
            new TopWork(r.Work!.PaidWorkDays, r.Work.EducationDays),
            currentActor.Required.Id,
            now), ct);
}
