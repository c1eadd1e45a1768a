using IntegratedCare.BuildingBlocks.Application.Errors;

namespace IntegratedCare.BuildingBlocks.Application.Security;

public enum ActorKind
{
    /// <summary>A person signed in to the staff UI or calling with a staff token.</summary>
    Staff = 1,

    /// <summary>A partner agency's IT system calling the gRPC API.</summary>
    AgencySystem = 2,

    /// <summary>The platform itself: background work such as the outbox dispatcher or deadline checks.</summary>
    System = 3,
}

/// <summary>Who makes a call: the subject, its kind, the agency it acts for and its roles.</summary>
public sealed record Actor(string Id, ActorKind Kind, string? AgencyId, IReadOnlySet<string> Roles)
{
    public static Actor System(string component) =>
        new($"system:{component}", ActorKind.System, null, new HashSet<string>(StringComparer.Ordinal));

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsInAnyRole(IEnumerable<string> roles) => roles.Any(Roles.Contains);
}

/// <summary>The actor of the current call. Absent only before the transport has identified the caller.</summary>
public interface ICurrentActor
{
    Actor? Actor { get; }

    /// <summary>Ties the call's log lines, audit records and any error returned to the caller together.</summary>
    string CorrelationId { get; }

    /// <summary>The actor, or <see cref="UnauthenticatedException"/> when the call has none.</summary>
    Actor Required => Actor ?? throw new UnauthenticatedException();
}

/// <summary>Set once per scope by the transport (gRPC interceptor, UI circuit, background worker).</summary>
public sealed class CurrentActor : ICurrentActor
{
    public Actor? Actor { get; private set; }

    public string CorrelationId { get; set; } = Guid.NewGuid().ToString("N");

    public void Set(Actor actor)
    {
        if (Actor is not null && Actor != actor)
        {
            throw new InvalidOperationException("The actor of a scope is set once.");
        }

        Actor = actor;
    }
}
