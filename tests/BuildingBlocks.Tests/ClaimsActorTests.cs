using System.Security.Claims;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Infrastructure.Security;

namespace BuildingBlocks.Tests;

public sealed class ClaimsActorTests
{
    private static readonly AuthOptions Options = new();

    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "Bearer"));

    [Fact]
    public void AStaffToken_NamesSubjectAgencyAndKnownRolesOnly()
    {
        var actor = ClaimsActor.From(Principal(("sub", "cm-1"), ("agency_id", "a-1"), ("role", Roles.CaseManager), ("role", "superuser")), Options);

        Assert.NotNull(actor);
        Assert.Equal(("cm-1", ActorKind.Staff, "a-1"), (actor.Id, actor.Kind, actor.AgencyId));
        Assert.Equal([Roles.CaseManager], actor.Roles);
    }

    [Fact]
    public void APartnerSystemToken_MustNameItsAgency()
    {
        Assert.Null(ClaimsActor.From(Principal(("sub", "nhs-gp-system"), ("actor_kind", "agency-system"), ("role", Roles.AgencySystem)), Options));
        Assert.Equal(ActorKind.AgencySystem, ClaimsActor.From(
            Principal(("sub", "nhs-gp-system"), ("actor_kind", "agency-system"), ("agency_id", "gp-1")), Options)?.Kind);
    }

    [Fact]
    public void ATokenWithoutASubject_OrAnUnauthenticatedPrincipal_NamesNoActor()
    {
        Assert.Null(ClaimsActor.From(Principal(("agency_id", "a-1")), Options));
        Assert.Null(ClaimsActor.From(new ClaimsPrincipal(new ClaimsIdentity()), Options));
    }
}
