using IntegratedCare.BuildingBlocks.Application.Security;

namespace IntegratedCare.Host.Web;

/// <summary>Which roles see which part of the UI. The requests behind each page check again: this only hides what would be refused.</summary>
public static class Staff
{
    public const string PeopleRoles = $"{Roles.CaseManager},{Roles.LineManager}";
    public const string GapsRoles = $"{Roles.CaseManager},{Roles.LineManager},{Roles.RehabilitationCoordinator},{Roles.SubgroupMember},{Roles.NationalCoordinator}";
    /// <summary>Who holds and minutes the sub-group and NDRIC meetings; case and line managers see their forms' outcomes on the form.</summary>
    public const string MeetingRoles = $"{Roles.RehabilitationCoordinator},{Roles.SubgroupMember},{Roles.NationalCoordinator}";
    /// <summary>Who sees the joint allocation queue (the co-ordinator records its meetings; agencies serving the area see what waits).</summary>
    public const string AllocationRoles = $"{Roles.RehabilitationCoordinator},{Roles.SubgroupMember},{Roles.CaseManager},{Roles.LineManager}";
    /// <summary>Who has a worktray of requests for more detail: the co-ordinator who asks, the case manager asked.</summary>
    public const string DetailRoles = $"{Roles.RehabilitationCoordinator},{Roles.CaseManager}";
    public const string AdminRoles = $"{Roles.SystemAdmin},{Roles.AgencyAdmin}";
    /// <summary>Who reads a person's disclosure log: the information governance lead, and the case and line managers of the agency holding the record.</summary>
    public const string DisclosureLogRoles = $"{Roles.InformationGovernance},{Roles.CaseManager},{Roles.LineManager}";
    /// <summary>Who answers for information governance: subject access requests and sign-in attempts (the administrator sees every sign-in).</summary>
    public const string GovernanceRoles = $"{Roles.InformationGovernance},{Roles.SystemAdmin}";
    /// <summary>Who has a notifications inbox: every staff role (an agency's system has none).</summary>
    public const string InboxRoles = $"{Roles.CaseManager},{Roles.LineManager},{Roles.RehabilitationCoordinator},{Roles.SubgroupMember},{Roles.NationalCoordinator},{Roles.AgencyAdmin},{Roles.SystemAdmin},{Roles.InformationGovernance}";
    public const string ReportRoles = $"{Roles.RehabilitationCoordinator},{Roles.SubgroupMember},{Roles.NationalCoordinator},{Roles.SystemAdmin}";
}
