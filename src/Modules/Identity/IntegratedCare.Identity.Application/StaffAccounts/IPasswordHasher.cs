namespace IntegratedCare.Identity.Application.StaffAccounts;

/// <summary>Hashes and checks passwords (the infrastructure's PBKDF2); only the hash is ever kept.</summary>
public interface IPasswordHasher
{
    string Hash(string password);

    PasswordCheck Check(string hash, string password);

    /// <summary>Spends what a real check costs, so an unknown user name takes as long as a known one.</summary>
    void CheckNothing(string password);
}

public enum PasswordCheck
{
    Wrong = 0,
    Right = 1,
    RightButRehash = 2,
}
