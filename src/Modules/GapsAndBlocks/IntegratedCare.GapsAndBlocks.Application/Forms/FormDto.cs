using IntegratedCare.GapsAndBlocks.Domain.Forms;

namespace IntegratedCare.GapsAndBlocks.Application.Forms;

/// <summary>
/// A form as the caller may see it. The case manager's contact details are shown within their agency and
/// to the area's co-ordinator; the link to a care plan variance only within their agency.
/// </summary>
public sealed record FormDto(
    string FormId,
    string AreaId,
    string AgencyId,
    string CaseManagerId,
    FormContent Content,
    bool ContactWithheld,
    string LinkedVarianceId,
    FormStage Stage,
    StageHolder Holder,
    DateTimeOffset StageEnteredAt,
    DateTimeOffset? StageDueAt,
    bool Overdue,
    ResolutionLevel? ResolvedAt,
    string Resolution,
    string NdricActions,
    bool SubGroupAcknowledged,
    bool CaseManagerAcknowledged,
    IReadOnlyList<Transition> Transitions,
    IReadOnlyList<OverdueAlert> Alerts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt,
    long Version)
{
    internal static FormDto From(GapsBlocksForm form, bool withinAgency, bool withContact, DateTimeOffset now) => new(
        form.Id.ToString(),
        form.AreaId.ToString("D"),
        form.AgencyId.ToString("D"),
        withContact ? form.CaseManagerId : string.Empty,
        withContact ? form.Content : form.Content with { CaseManager = new CaseManagerContact(string.Empty, string.Empty, string.Empty) },
        !withContact,
        withinAgency ? form.LinkedVarianceId?.ToString("D") ?? string.Empty : string.Empty,
        form.Stage,
        form.Holder,
        form.StageEnteredAt,
        form.StageDueAt,
        form.IsOverdueAt(now),
        form.ResolvedAt,
        form.Resolution,
        form.NdricActions,
        form.SubGroupAcknowledged,
        form.CaseManagerAcknowledged,
        withContact ? form.Transitions : form.Transitions.Select(t => t with { By = string.Empty }).ToList(),
        form.Alerts,
        form.CreatedAt,
        form.ClosedAt,
        form.Version);
}
