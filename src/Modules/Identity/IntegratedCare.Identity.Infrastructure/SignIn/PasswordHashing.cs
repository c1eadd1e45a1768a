using IntegratedCare.Identity.Application.StaffAccounts;
using Microsoft.AspNetCore.Identity;

namespace IntegratedCare.Identity.Infrastructure.SignIn;

/// <summary>ASP.NET Core Identity's PBKDF2 hasher, behind the module's port.</summary>
internal sealed class PasswordHashing : Application.StaffAccounts.IPasswordHasher
{
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(null!, Guid.NewGuid().ToString()));

    public string Hash(string password) => Hasher.HashPassword(null!, password);

    public PasswordCheck Check(string hash, string password) => Hasher.VerifyHashedPassword(null!, hash, password) switch
    {
        PasswordVerificationResult.Success => PasswordCheck.Right,
        PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.RightButRehash,
        _ => PasswordCheck.Wrong,
    };

    public void CheckNothing(string password) => Hasher.VerifyHashedPassword(null!, DummyHash.Value, password);
}
