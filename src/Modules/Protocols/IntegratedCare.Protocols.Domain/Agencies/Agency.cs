using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.Protocols.Domain.Areas;

namespace IntegratedCare.Protocols.Domain.Agencies;

public sealed record AgencyId(Guid Value) : ITypedId
{
    public static AgencyId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("D");
}

/// <summary>The agency types of the foundation issue; numbers match the proto enum.</summary>
public enum AgencyType
{
    SpecialistAddictionService = 1,
    NhsPrimaryCare = 2,
    NhsMentalHealth = 3,
    NhsAcute = 4,
    LocalAuthoritySocialWork = 5,
    HousingAndHomelessness = 6,
    VoluntarySector = 7,
    CriminalJustice = 8,
    EducationAndEmployment = 9,
    ChildrenAndFamilies = 10,
}

public enum AgencyStatus
{
    Active = 1,
    Inactive = 2,
}

/// <summary>How an agency is reached: an organisational mailbox and number, never a person's.</summary>
public sealed record AgencyContact(string Email, string Phone);

/// <summary>What a registration or an update says about an agency.</summary>
public sealed record AgencyDetails(string Name, AgencyType Type, IReadOnlyList<AreaId> AreaIds, AgencyContact Contact, string OrganisationCode);

/// <summary>A partner agency. Kept for history once deactivated; an inactive agency cannot be changed.</summary>
public sealed class Agency : AggregateRoot<AgencyId>
{
    private List<Guid> _areaIds = [];

    // For the persistence layer, which sets the properties itself.
    private Agency()
        : this(null!, default)
    {
    }

    private Agency(AgencyId id, DateTimeOffset createdAt)
        : base(id)
    {
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
        Name = string.Empty;
        Contact = new AgencyContact(string.Empty, string.Empty);
        OrganisationCode = string.Empty;
    }

    public string Name { get; private set; }

    public AgencyType Type { get; private set; }

    public IReadOnlyList<AreaId> AreaIds => _areaIds.Select(a => new AreaId(a)).ToList();

    public AgencyContact Contact { get; private set; }

    public string OrganisationCode { get; private set; }

    public AgencyStatus Status { get; private set; }

    public string? DeactivationReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DeactivatedAt { get; private set; }

    public static Agency Register(AgencyDetails details, bool nameIsTaken, DateTimeOffset now)
    {
        CheckRule(new AgencyNameMustBeUniqueRule(details.Name, nameIsTaken));
        CheckRule(new AgencyMustServeAnAreaRule(details.AreaIds));
        var agency = new Agency(AgencyId.New(), now) { Status = AgencyStatus.Active };
        agency.Apply(details);
        agency.Raise(new AgencyRegistered(agency.Id, agency.Type, agency.AreaIds, now));
        return agency;
    }

    public void Update(long expectedVersion, AgencyDetails details, bool nameIsTaken, DateTimeOffset now)
    {
        EnsureVersion(expectedVersion);
        CheckRule(new InactiveAgencyCannotChangeRule(this));
        CheckRule(new AgencyNameMustBeUniqueRule(details.Name, nameIsTaken));
        CheckRule(new AgencyMustServeAnAreaRule(details.AreaIds));
        Apply(details);
        UpdatedAt = now;
        Touch();
        Raise(new AgencyUpdated(Id, Type, AreaIds, now));
    }

    public void Deactivate(long expectedVersion, string reason, DateTimeOffset now)
    {
        EnsureVersion(expectedVersion);
        CheckRule(new InactiveAgencyCannotChangeRule(this));
        Status = AgencyStatus.Inactive;
        DeactivationReason = reason.Trim();
        DeactivatedAt = now;
        UpdatedAt = now;
        Touch();
        Raise(new AgencyDeactivated(Id, now));
    }

    private void Apply(AgencyDetails details)
    {
        Name = details.Name.Trim();
        Type = details.Type;
        _areaIds = details.AreaIds.Select(a => a.Value).Distinct().ToList();
        Contact = details.Contact with { Email = details.Contact.Email.Trim(), Phone = details.Contact.Phone.Trim() };
        OrganisationCode = details.OrganisationCode.Trim().ToUpperInvariant();
    }
}

internal sealed record AgencyRegistered(AgencyId AgencyId, AgencyType Type, IReadOnlyList<AreaId> AreaIds, DateTimeOffset OccurredAt) : IDomainEvent;

internal sealed record AgencyUpdated(AgencyId AgencyId, AgencyType Type, IReadOnlyList<AreaId> AreaIds, DateTimeOffset OccurredAt) : IDomainEvent;

internal sealed record AgencyDeactivated(AgencyId AgencyId, DateTimeOffset OccurredAt) : IDomainEvent;

internal sealed class AgencyNameMustBeUniqueRule(string name, bool nameIsTaken) : IUniquenessRule
{
    public bool IsBroken() => nameIsTaken;

    public string Message => $"An active agency named '{name.Trim()}' exists already.";
}

internal sealed class AgencyMustServeAnAreaRule(IReadOnlyCollection<AreaId> areaIds) : IBusinessRule
{
    public bool IsBroken() => areaIds.Count == 0;

    public string Message => "An agency serves at least one area.";
}

internal sealed class InactiveAgencyCannotChangeRule(Agency agency) : IBusinessRule
{
    public bool IsBroken() => agency.Status == AgencyStatus.Inactive;

    public string Message => $"Agency {agency.Id} is inactive and can no longer be changed.";
}

/// <summary>The store of agencies, as the domain needs it.</summary>
internal interface IAgencyRepository
{
    Task<Agency?> FindAsync(AgencyId id, CancellationToken cancellationToken);

    /// <summary>Whether an active agency other than <paramref name="except"/> has this name (case-insensitive).</summary>
    Task<bool> ActiveNameIsTakenAsync(string name, AgencyId? except, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="ids"/> that name no agency.</summary>
    Task<IReadOnlyList<AgencyId>> MissingAsync(IReadOnlyCollection<AgencyId> ids, CancellationToken cancellationToken);

    void Add(Agency agency);
}
