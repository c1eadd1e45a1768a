namespace IntegratedCare.BuildingBlocks.Application.Security;

/// <summary>The roles a token may carry (claim <c>role</c>). Names are part of the partner contract.</summary>
public static class Roles
{
    public const string CaseManager = "case-manager";
    public const string LineManager = "line-manager";
    public const string RehabilitationCoordinator = "rehabilitation-coordinator";
    public const string SubgroupMember = "subgroup-member";
    public const string NationalCoordinator = "national-coordinator";
    public const string AgencySystem = "agency-system";
    public const string AgencyAdmin = "agency-admin";
    public const string SystemAdmin = "system-admin";

    /// <summary>An agency's information governance lead: reads who saw or was refused its people's records, and answers subject access requests.</summary>
    public const string InformationGovernance = "information-governance";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        CaseManager, LineManager, RehabilitationCoordinator, SubgroupMember,
        NationalCoordinator, AgencySystem, AgencyAdmin, SystemAdmin, InformationGovernance,
    };
}
