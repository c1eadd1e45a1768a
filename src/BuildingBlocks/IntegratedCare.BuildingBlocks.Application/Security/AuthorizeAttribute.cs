namespace IntegratedCare.BuildingBlocks.Application.Security;

/// <summary>
/// Declares who may send a request. Every request must carry one (an architecture test checks):
/// with no roles it admits any authenticated actor, otherwise an actor holding at least one of them.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AuthorizeAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}
