using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.BuildingBlocks.Domain.Calendar;

namespace IntegratedCare.Protocols.Domain.Areas;

public sealed record AreaId(Guid Value) : ITypedId
{
    public static AreaId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("D");
}

public enum AreaKind
{
    CouncilArea = 1,
    DrugsTaskForceArea = 2,
}

/// <summary>The person who receives the area's gaps-and-blocks forms. Work contact details only.</summary>
public sealed record RehabilitationCoordinator(string StaffId, string Name, string Email, string Phone);

/// <summary>
/// A council or drugs task force area. Its jurisdiction is the calendar deadlines in days are counted in
/// (its public holidays, and its clock: <see cref="TimeZone"/> follows from it); its rehabilitation co-ordinator is the second rung of the gaps-and-blocks ladder.
/// </summary>
public sealed class Area : AggregateRoot<AreaId>
{
    /// <summary>The calendars the service runs on: Scotland and the rest of the UK, and Ireland.</summary>
    public static readonly IReadOnlySet<string> TimeZones = new HashSet<string>(StringComparer.Ordinal) { "Europe/London", "Europe/Dublin" };

    // For the persistence layer, which sets the properties itself.
    private Area()
        : base(null!)
    {
        Name = string.Empty;
        TimeZone = string.Empty;
        Coordinator = null!;
    }

    private Area(AreaId id, string name, AreaKind kind, Jurisdiction jurisdiction, RehabilitationCoordinator coordinator, DateTimeOffset createdAt)
        : base(id)
    {
        Name = name;
        Kind = kind;
        Jurisdiction = jurisdiction;
        TimeZone = WorkingCalendar.TimeZoneIdOf(jurisdiction);
        Coordinator = coordinator;
        CreatedAt = createdAt;
    }

    public string Name { get; private set; }

    public AreaKind Kind { get; private set; }

    public Jurisdiction Jurisdiction { get; private set; }

    /// <summary>The clock of <see cref="Jurisdiction"/>: "Europe/Dublin" for Ireland, else "Europe/London".</summary>
    public string TimeZone { get; private set; }

    public RehabilitationCoordinator Coordinator { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Area Create(string name, AreaKind kind, Jurisdiction jurisdiction, RehabilitationCoordinator coordinator, bool nameIsTaken, DateTimeOffset now)
    {
        CheckRule(new AreaNameMustBeUniqueRule(name, nameIsTaken));
        var area = new Area(AreaId.New(), name.Trim(), kind, jurisdiction, coordinator, now);
        area.Raise(new AreaCreated(area.Id, area.TimeZone, coordinator.StaffId, now));
        return area;
    }

    /// <summary>Renames the area, changes its calendar or hands it to a new rehabilitation co-ordinator.</summary>
    public void Update(long expectedVersion, string name, AreaKind kind, Jurisdiction jurisdiction, RehabilitationCoordinator coordinator, bool nameIsTaken, DateTimeOffset now)
    {
        EnsureVersion(expectedVersion);
        CheckRule(new AreaNameMustBeUniqueRule(name, nameIsTaken));
        Name = name.Trim();
        Kind = kind;
        Jurisdiction = jurisdiction;
        TimeZone = WorkingCalendar.TimeZoneIdOf(jurisdiction);
        Coordinator = coordinator;
        Touch();
        Raise(new AreaUpdated(Id, TimeZone, coordinator.StaffId, now));
    }
}

internal sealed record AreaUpdated(AreaId AreaId, string TimeZone, string CoordinatorStaffId, DateTimeOffset OccurredAt) : IDomainEvent;

internal sealed record AreaCreated(AreaId AreaId, string TimeZone, string CoordinatorStaffId, DateTimeOffset OccurredAt) : IDomainEvent;

internal sealed class AreaNameMustBeUniqueRule(string name, bool nameIsTaken) : IUniquenessRule
{
    public bool IsBroken() => nameIsTaken;

    public string Message => $"An area named '{name.Trim()}' exists already.";
}

/// <summary>The store of areas, as the domain needs it.</summary>
internal interface IAreaRepository
{
    Task<Area?> FindAsync(AreaId id, CancellationToken cancellationToken);

    /// <summary>Whether an area other than <paramref name="except"/> has this name (case-insensitive).</summary>
    Task<bool> NameIsTakenAsync(string name, AreaId? except, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="ids"/> that do not exist.</summary>
    Task<IReadOnlyList<AreaId>> MissingAsync(IReadOnlyCollection<AreaId> ids, CancellationToken cancellationToken);

    /// <summary>The areas whose co-ordinator is this staff id, by name.</summary>
    Task<IReadOnlyList<Area>> CoordinatedByAsync(string staffId, CancellationToken cancellationToken);

    void Add(Area area);
}
