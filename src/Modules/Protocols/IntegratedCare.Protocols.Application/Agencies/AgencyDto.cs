using IntegratedCare.Protocols.Domain.Agencies;

namespace IntegratedCare.Protocols.Application.Agencies;

public sealed record AgencyContactDto(string Email, string Phone);

/// <summary>An agency as callers see it.</summary>
public sealed record AgencyDto(
    string AgencyId,
    string Name,
    AgencyType Type,
    IReadOnlyList<string> AreaIds,
    AgencyContactDto Contact,
    string OrganisationCode,
    AgencyStatus Status,
    string DeactivationReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeactivatedAt,
    long Version)
{
    public static AgencyDto From(Agency agency) => new(
        agency.Id.ToString(),
        agency.Name,
        agency.Type,
        agency.AreaIds.Select(a => a.ToString()).ToList(),
        new AgencyContactDto(agency.Contact.Email, agency.Contact.Phone),
        agency.OrganisationCode,
        agency.Status,
        agency.DeactivationReason ?? string.Empty,
        agency.CreatedAt,
        agency.UpdatedAt,
        agency.DeactivatedAt,
        agency.Version);
}
