using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans.GetTreatmentOutcomes;

/// <summary>Which way an item moved from the first profile to the latest.</summary>
public enum TopChange
{
    /// <summary>Only one profile gives the item: nothing to compare yet.</summary>
    NotYetMeasured = 1,
    Improved = 2,
    Unchanged = 3,
    Worse = 4,
}

/// <summary>An item's answer in one profile (a yes is 1, a no 0).</summary>
public sealed record TopValueDto(Guid ProfileId, TopOccasion Occasion, DateOnly PeriodEnd, int Value);

/// <summary>One TOP item over time: its answers in order, the change from the first to the latest, and whether that is better.</summary>
public sealed record TopItemTrendDto(string Item, string Label, TopSection Section, bool HigherIsBetter, IReadOnlyList<TopValueDto> Values, int? Change, TopChange Direction);

public sealed record TreatmentOutcomesDto(
    string CarePlanId,
    string ServiceUserId,
    IReadOnlyList<TreatmentOutcomesProfile> Profiles,
    IReadOnlyList<TopItemTrendDto> Items,
    IReadOnlyList<TopSection> WithheldSections,
    long Version);

/// <summary>
/// A plan's Treatment Outcomes Profiles and each item's change over time, as the caller's agency may see them:
/// the plan's own read (as GetCarePlan reads it), so a part the sharing decision withholds is in neither
/// the profiles nor the trend (a housing system without a health-information permit sees no substance use).
/// </summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Read, "care-plan")]
public sealed record GetTreatmentOutcomesQuery(string CarePlanId) : IQuery<TreatmentOutcomesDto>;

internal sealed class GetTreatmentOutcomesValidator : AbstractValidator<GetTreatmentOutcomesQuery>
{
    public GetTreatmentOutcomesValidator() => RuleFor(x => x.CarePlanId).MustBeId();
}

internal sealed class GetTreatmentOutcomesHandler(ICarePlanRepository plans, RequestCallerAgency caller, PlanAccess access, IAuditScope audit)
    : IRequestHandler<GetTreatmentOutcomesQuery, TreatmentOutcomesDto>
{
    public async Task<TreatmentOutcomesDto> Handle(GetTreatmentOutcomesQuery request, CancellationToken cancellationToken)
    {
        var agency = await caller.RequireActiveAsync(cancellationToken);
        var id = new CarePlanId(Guid.Parse(request.CarePlanId));
        audit.Resource(id.ToString());
        var plan = await plans.FindAsync(id, cancellationToken) ?? throw new NotFoundException("Care plan", id.ToString());
        var view = await access.ViewAsync(access.Current(plan), agency, cancellationToken);
        return new TreatmentOutcomesDto(view.CarePlanId, view.ServiceUserId, view.OutcomeProfiles, TopTrends.Of(view.OutcomeProfiles), view.WithheldOutcomeSections, view.Version);
    }
}

/// <summary>The TOP's items, which way is better for each, and their trends over a plan's profiles.</summary>
public static class TopTrends
{
    private sealed record Item(string Code, string Label, TopSection Section, bool HigherIsBetter, Func<TreatmentOutcomesProfile, int?> Read);

    private static readonly Item[] Items =
    [
        Use("alcohol", "Days used alcohol", u => u.Alcohol),
        Use("opiates", "Days used opiates", u => u.Opiates),
        Use("crack", "Days used crack", u => u.Crack),
        Use("cocaine", "Days used cocaine", u => u.Cocaine),
        Use("amphetamines", "Days used amphetamines", u => u.Amphetamines),
        Use("cannabis", "Days used cannabis", u => u.Cannabis),
        Use("other", "Days used another substance", u => u.Other),
        Use("injecting-days", "Days injected", u => u.InjectingDays),
        Use("shared-injecting-equipment", "Shared injecting equipment", u => u.SharedInjectingEquipment ? 1 : 0),
        new("shoplifting-days", "Days shoplifting", TopSection.Crime, false, p => p.Crime?.ShopliftingDays),
        new("selling-drugs-days", "Days selling drugs", TopSection.Crime, false, p => p.Crime?.SellingDrugsDays),
        new("theft", "Theft", TopSection.Crime, false, p => Flag(p.Crime?.Theft)),
        new("assault-or-violence", "Assault or violence", TopSection.Crime, false, p => Flag(p.Crime?.AssaultOrViolence)),
        new("psychological-health", "Psychological health (0-20)", TopSection.HealthAndWellbeing, true, p => p.Health?.PsychologicalHealth),
        new("physical-health", "Physical health (0-20)", TopSection.HealthAndWellbeing, true, p => p.Health?.PhysicalHealth),
        new("quality-of-life", "Quality of life (0-20)", TopSection.HealthAndWellbeing, true, p => p.Health?.QualityOfLife),
        new("acute-housing-problem", "Acute housing problem", TopSection.Housing, false, p => Flag(p.Housing?.AcuteHousingProblem)),
        new("at-risk-of-eviction", "At risk of eviction", TopSection.Housing, false, p => Flag(p.Housing?.AtRiskOfEviction)),
        new("paid-work-days", "Days in paid work", TopSection.WorkAndEducation, true, p => p.Work?.PaidWorkDays),
        new("education-days", "Days at college or school", TopSection.WorkAndEducation, true, p => p.Work?.EducationDays),
    ];

    /// <summary>Each item the profiles give (a withheld part gives none), with its change from the first profile to the latest.</summary>
    public static IReadOnlyList<TopItemTrendDto> Of(IReadOnlyList<TreatmentOutcomesProfile> profiles) =>
    [
        .. Items.Select(item => (item, values: profiles
                .Select(p => item.Read(p) is { } value ? new TopValueDto(p.ProfileId, p.Occasion, p.PeriodEnd, value) : null)
                .OfType<TopValueDto>()
                .ToList()))
            .Where(t => t.values.Count > 0)
            .Select(t =>
            {
                int? change = t.values.Count > 1 ? t.values[^1].Value - t.values[0].Value : null;
                var direction = change switch
                {
                    null => TopChange.NotYetMeasured,
                    0 => TopChange.Unchanged,
                    > 0 => t.item.HigherIsBetter ? TopChange.Improved : TopChange.Worse,
                    _ => t.item.HigherIsBetter ? TopChange.Worse : TopChange.Improved,
                };
                return new TopItemTrendDto(t.item.Code, t.item.Label, t.item.Section, t.item.HigherIsBetter, t.values, change, direction);
            }),
    ];

    private static Item Use(string code, string label, Func<TopSubstanceUse, int> read) =>
        new(code, label, TopSection.SubstanceUse, false, p => p.SubstanceUse is { } use ? read(use) : null);

    private static int? Flag(bool? value) => value is { } yes ? (yes ? 1 : 0) : null;
}
