using AutoMapper;
using IntegratedCare.Assessment.Application.Assessments;
using IntegratedCare.Assessment.Application.Assessments.ContributeDomains;
using IntegratedCare.Assessment.Application.ServiceUsers.RegisterServiceUser;
using IntegratedCare.Assessment.Infrastructure.Grpc;
using Microsoft.Extensions.Logging.Abstractions;
using Domain = IntegratedCare.Assessment.Domain;
using V1 = IntegratedCare.Assessment.V1;

namespace Assessment.Tests;

public sealed class MappingTests
{
    private static readonly MapperConfiguration Configuration =
        new(cfg => cfg.AddProfile<AssessmentMappingProfile>(), NullLoggerFactory.Instance);

    [Fact]
    public void Profile_IsValid() => Configuration.AssertConfigurationIsValid();

    [Fact]
    public void MissingMessagesAndUnspecifiedEnums_BecomeNotGiven()
    {
        var mapper = Configuration.CreateMapper();

        var register = mapper.Map<RegisterServiceUserCommand>(new V1.RegisterServiceUserRequest());
        var contribute = mapper.Map<ContributeDomainsCommand>(new V1.ContributeDomainsRequest { Domains = { new V1.DomainInput() } });

        Assert.Null(register.Details);
        Assert.Null(contribute.Domains[0].Domain);
        Assert.Null(contribute.Domains[0].Need);
        Assert.Null(contribute.Domains[0].ChildrenInHousehold);
    }

    [Fact]
    public void AnOptionalCountOfZero_IsKeptApartFromNone()
    {
        var mapper = Configuration.CreateMapper();

        var input = mapper.Map<DomainInputDto>(new V1.DomainInput { ChildrenInHousehold = 0 });
        var output = mapper.Map<V1.DomainFinding>(new DomainFindingDto(
            Domain.Assessments.NeedDomain.HousingAndAccommodation, Domain.Assessments.NeedLevel.Low, string.Empty, string.Empty, string.Empty, DateTimeOffset.UnixEpoch, null, false));

        Assert.Equal(0, input.ChildrenInHousehold);
        Assert.False(output.HasChildrenInHousehold);
    }

    [Fact]
    public void DomainAndProtoEnums_AgreeByNameAndNumber()
    {
        AssertAgree<Domain.Assessments.NeedDomain, V1.NeedDomain>();
        AssertAgree<Domain.Assessments.NeedLevel, V1.NeedLevel>();
        AssertAgree<Domain.Assessments.RiskFlag, V1.RiskFlag>();
        AssertAgree<Domain.Assessments.AssessmentStatus, V1.AssessmentStatus>();
        AssertAgree<Domain.ServiceUsers.IdentifierScheme, V1.IdentifierScheme>();
        AssertAgree<Domain.ServiceUsers.MatchStrength, V1.MatchStrength>();
        AssertAgree<NeedTrend, V1.NeedTrend>();
    }

    private static void AssertAgree<TDomain, TProto>()
        where TDomain : struct, Enum
        where TProto : struct, Enum
    {
        foreach (var value in Enum.GetValues<TDomain>())
        {
            Assert.Equal(value.ToString(), Enum.ToObject(typeof(TProto), Convert.ToInt32(value, null)).ToString());
        }

        Assert.Equal(Enum.GetValues<TDomain>().Length + 1, Enum.GetValues<TProto>().Length);
    }
}
