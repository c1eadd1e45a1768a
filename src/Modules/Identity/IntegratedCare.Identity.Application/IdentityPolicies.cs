using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.Identity.Domain.StaffAccounts;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Identity.Application;

internal static class IdentityPolicies
{
    /// <summary>The platform's role vocabulary, as the account rules need it.</summary>
    public static readonly RolePolicy Roles = new(
        new HashSet<string>(StringComparer.Ordinal) { BuildingBlocks.Application.Security.Roles.CaseManager, BuildingBlocks.Application.Security.Roles.LineManager, BuildingBlocks.Application.Security.Roles.AgencyAdmin },
        BuildingBlocks.Application.Security.Roles.SystemAdmin);

    /// <summary>
    /// Staff accounts and partner credentials name an active agency: asked of Protocols through its
    /// contract, as every module asks about agencies. The agency id comes back in canonical form.
    /// </summary>
    public static async Task<string> ActiveAgencyAsync(this IMediator mediator, string agencyId, CancellationToken cancellationToken)
    {
        var agency = await mediator.Send(new AgencyProfileQuery(agencyId.ToLowerInvariant()), cancellationToken);
        return agency is { Active: true }
            ? agency.AgencyId.ToString("D")
            : throw new RequestValidationException("agency_id", "names no active agency");
    }
}
