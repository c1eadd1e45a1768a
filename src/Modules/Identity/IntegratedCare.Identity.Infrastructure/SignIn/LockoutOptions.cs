namespace IntegratedCare.Identity.Infrastructure.SignIn;

/// <summary>When wrong passwords lock a local account (<c>Authentication:Staff</c>, beside the web session's settings).</summary>
public sealed class LockoutOptions
{
    public const string Section = "Authentication:Staff";

    /// <summary>Wrong passwords in a row that lock an account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    public Domain.StaffAccounts.LockoutPolicy Policy => new(MaxFailedSignIns, LockoutDuration);
}
