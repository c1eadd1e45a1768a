using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.Identity.Domain.Credentials;

namespace IntegratedCare.Identity.Application.Credentials;

internal static class CredentialLookup
{
    public static async Task<AgencyCredential> FindRequiredAsync(this IAgencyCredentialRepository credentials, string id, CancellationToken cancellationToken) =>
        await credentials.FindAsync(new AgencyCredentialId(Guid.Parse(id)), cancellationToken)
            ?? throw new NotFoundException("agency-credential", id);
}
