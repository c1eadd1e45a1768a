using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Identity.Contracts;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Notifications.Application.Delivery;

/// <summary>
/// Who is told: the staff of an agency who take its work (case managers and line managers), and the holder
/// of a form's rung on the ladder, found as the ladder itself decides who may take the step (GapsAndBlocks'
/// <c>Ladder</c>): the case manager who drafted it, the agency's line managers, the area's co-ordinator, the
/// sub-group members of agencies serving the area (and the co-ordinator, who sits on it), the national
/// co-ordinators. Staff ids only; nothing about a person.
/// </summary>
internal sealed class Recipients(IMediator mediator)
{
    public async Task<IReadOnlyList<string>> AgencyStaffAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        var agency = agencyId.ToString("D");
        var caseManagers = await mediator.Send(new StaffWithRoleQuery(Roles.CaseManager, [agency]), cancellationToken);
        var lineManagers = await mediator.Send(new StaffWithRoleQuery(Roles.LineManager, [agency]), cancellationToken);
        return caseManagers.Concat(lineManagers).Select(s => s.StaffId).Distinct(StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<string>> HolderAsync(string holder, Guid areaId, Guid agencyId, string caseManagerId, CancellationToken cancellationToken) =>
        holder switch
        {
            "CaseManager" => string.IsNullOrEmpty(caseManagerId) ? [] : [caseManagerId],
            "LineManager" => await WithRoleAsync(Roles.LineManager, [agencyId.ToString("D")], cancellationToken),
            "RehabilitationCoordinator" => await CoordinatorAsync(areaId, cancellationToken),
            "SubGroup" => [.. await SubGroupAsync(areaId, cancellationToken), .. await CoordinatorAsync(areaId, cancellationToken)],
            "NationalCoordinator" => await WithRoleAsync(Roles.NationalCoordinator, [], cancellationToken),
            _ => [],
        };

    private async Task<IReadOnlyList<string>> WithRoleAsync(string role, IReadOnlyList<string> agencies, CancellationToken cancellationToken) =>
        (await mediator.Send(new StaffWithRoleQuery(role, agencies), cancellationToken)).Select(s => s.StaffId).ToList();

    private async Task<IReadOnlyList<string>> CoordinatorAsync(Guid areaId, CancellationToken cancellationToken) =>
        await mediator.Send(new AreaProfileQuery(areaId.ToString("D")), cancellationToken) is { CoordinatorStaffId: { Length: > 0 } coordinator } ? [coordinator] : [];

    private async Task<IReadOnlyList<string>> SubGroupAsync(Guid areaId, CancellationToken cancellationToken)
    {
        var members = await mediator.Send(new StaffWithRoleQuery(Roles.SubgroupMember, []), cancellationToken);
        var serving = new List<string>();
        foreach (var byAgency in members.Where(m => m.AgencyId is not null).GroupBy(m => m.AgencyId!))
        {
            if (await mediator.Send(new AgencyProfileQuery(byAgency.Key), cancellationToken) is { Active: true } agency && agency.AreaIds.Contains(areaId))
            {
                serving.AddRange(byAgency.Select(m => m.StaffId));
            }
        }

        return serving;
    }
}
