using System.Globalization;
using System.Text;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.GapsAndBlocks.Application.Forms;
using IntegratedCare.GapsAndBlocks.Domain.Forms;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Reports.GetPlanningReport;

/// <summary>
/// Where services are incomplete or under-resourced (the protocol): forms sent on to co-ordinators in a
/// period, by one dimension, with counts, resolution at each level, overdue counts and the median days
/// from submission to resolution. Small cells are suppressed, and so is any cell that would give one away.
/// </summary>
[Authorize(Roles.RehabilitationCoordinator, Roles.SubgroupMember, Roles.NationalCoordinator, Roles.SystemAdmin)]
[Audit(AuditAction.Read, "planning-report")]
public sealed record GetPlanningReportQuery(ReportDimension? Dimension, string From, string To, string AreaId) : IQuery<PlanningReportDto>;

internal sealed class GetPlanningReportValidator : AbstractValidator<GetPlanningReportQuery>
{
    public GetPlanningReportValidator()
    {
        RuleFor(x => x.Dimension).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known dimension");
        RuleFor(x => x.From).Must(d => FormInput.ParseDate(d) is not null).WithMessage("must be a date as YYYY-MM-DD");
        RuleFor(x => x.To).Must(d => FormInput.ParseDate(d) is not null).WithMessage("must be a date as YYYY-MM-DD");
        RuleFor(x => x.To).Must((q, to) => FormInput.ParseDate(q.From) is not { } from || FormInput.ParseDate(to) is not { } end || end > from)
            .WithMessage("must be after from");
        RuleFor(x => x.AreaId).MustBeId().When(x => !string.IsNullOrEmpty(x.AreaId));
    }
}

internal sealed class GetPlanningReportHandler(IFormRepository forms, IMediator mediator, TimeProvider clock) : IRequestHandler<GetPlanningReportQuery, PlanningReportDto>
{
    public async Task<PlanningReportDto> Handle(GetPlanningReportQuery request, CancellationToken cancellationToken)
    {
        var from = FormInput.ParseDate(request.From)!.Value;
        var to = FormInput.ParseDate(request.To)!.Value;
        Guid? area = string.IsNullOrEmpty(request.AreaId) ? null : Guid.Parse(request.AreaId);
        var period = new FormPeriod(
            new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), area);
        var by = request.Dimension switch
        {
            ReportDimension.Category => TallyBy.Category,
            ReportDimension.Kind => TallyBy.Kind,
            ReportDimension.Stage => TallyBy.Stage,
            ReportDimension.Quarter => TallyBy.Quarter,
            ReportDimension.Area => TallyBy.Area,
            _ => TallyBy.Agency,
        };

        // Counted in the database; only the names of areas (or the types of agencies) come from Protocols,
        // one question per area or agency the period holds, however many forms.
        var names = new Dictionary<Guid, string>();
        if (by is TallyBy.Area or TallyBy.Agency)
        {
            foreach (var id in await forms.SubmittedOwnersAsync(by, period, cancellationToken))
            {
                var name = by == TallyBy.Area
                    ? (await mediator.Send(new AreaProfileQuery(id.ToString("D")), cancellationToken))?.Name
                    : (await mediator.Send(new AgencyProfileQuery(id.ToString("D")), cancellationToken))?.AgencyType;
                names[id] = name ?? "Unknown";
            }
        }

        var tallies = await forms.TallyAsync(by, period, clock.GetUtcNow(), names, cancellationToken);
        var raw = tallies.Rows.OrderBy(t => t.Key, StringComparer.Ordinal).Select(Raw).ToList();
        var (rows, suppressed) = Suppression.Apply(raw, Raw(tallies.Total));
        var report = new PlanningReportDto(request.Dimension!.Value, from, to, rows.Take(rows.Count - 1).ToList(), rows[^1], suppressed, string.Empty);
        return report with { Csv = Csv(report) };
    }

    private static RawRow Raw(FormTally t) => new(
        t.Key, [t.Forms, t.Resolved, t.ByCoordinator, t.BySubGroup, t.ByNdric, t.Overdue], t.MedianDays is { } median ? Math.Round(median, 1) : null);

    private static string Csv(PlanningReportDto report)
    {
        static string Cell(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "suppressed";
        static string Quote(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal) ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
        var csv = new StringBuilder();
        csv.AppendLine($"{report.Dimension.ToString().ToLowerInvariant()},forms,resolved,resolved_by_coordinator,resolved_by_sub_group,resolved_by_ndric,overdue,median_days_to_resolution,share_by_coordinator,share_by_sub_group,share_by_ndric");
        static string Share(double? share) => share?.ToString("0.000", CultureInfo.InvariantCulture) ?? "suppressed";
        foreach (var row in report.Rows.Append(report.Total))
        {
            csv.AppendLine(string.Join(',',
                Quote(row.Key), Cell(row.Forms), Cell(row.Resolved), Cell(row.ResolvedByCoordinator), Cell(row.ResolvedBySubGroup), Cell(row.ResolvedByNdric),
                Cell(row.Overdue), row.MedianDaysToResolution?.ToString("0.0", CultureInfo.InvariantCulture) ?? "suppressed",
                Share(row.ShareResolvedByCoordinator), Share(row.ShareResolvedBySubGroup), Share(row.ShareResolvedByNdric)));
        }

        return csv.ToString();
    }
}
