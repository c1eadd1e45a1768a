namespace IntegratedCare.BuildingBlocks.Contracts;

/// <summary>
/// Declares who may send a request. Every request must carry one (an architecture test checks):
/// with no roles it admits any authenticated actor, otherwise an actor holding at least one of them.
/// Here, not in Application, so Contracts queries can declare it too.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AuthorizeAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>What was done (FHIR AuditEvent.action).</summary>
public enum AuditAction
{
    Create = 1,
    Read = 2,
    Update = 3,
    Delete = 4,
    Execute = 5,
}

/// <summary>
/// Declares how a request is audited. Every request carries one (an architecture test checks); the
/// handler may name the exact record touched through the audit scope.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AuditAttribute(AuditAction action, string resourceType) : Attribute
{
    public AuditAction Action { get; } = action;

    public string ResourceType { get; } = resourceType;
}
