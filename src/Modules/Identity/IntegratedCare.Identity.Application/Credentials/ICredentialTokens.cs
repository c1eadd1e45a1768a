using IntegratedCare.Identity.Domain.Credentials;

namespace IntegratedCare.Identity.Application.Credentials;

/// <summary>The bearer tokens credentials are, signed with the host's local key.</summary>
public interface ICredentialTokens
{
    /// <summary>False when an external identity provider issues partner credentials.</summary>
    bool IssuedLocally { get; }

    string Mint(AgencyCredential credential, DateTimeOffset now);

    /// <summary>Tells every token check on this host when a credential stops holding (after the change commits).</summary>
    void Ends(AgencyCredential credential);
}
