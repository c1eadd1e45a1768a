using IntegratedCare.Protocols.Domain.Areas;

namespace IntegratedCare.Protocols.Application.Areas;

public sealed record RehabilitationCoordinatorDto(string StaffId, string Name, string Email, string Phone);

public sealed record AreaDto(
    string AreaId,
    string Name,
    AreaKind Kind,
    string TimeZone,
    RehabilitationCoordinatorDto RehabilitationCoordinator,
    DateTimeOffset CreatedAt,
    long Version,
    BuildingBlocks.Domain.Calendar.Jurisdiction Jurisdiction)
{
    public static AreaDto From(Area area) => new(
        area.Id.ToString(),
        area.Name,
        area.Kind,
        area.TimeZone,
        new RehabilitationCoordinatorDto(area.Coordinator.StaffId, area.Coordinator.Name, area.Coordinator.Email, area.Coordinator.Phone),
        area.CreatedAt,
        area.Version,
        area.Jurisdiction);
}
