using AutoMapper;
using IntegratedCare.Protocols.Application.Agencies.RegisterAgency;
using IntegratedCare.Protocols.Infrastructure.Grpc;
using Microsoft.Extensions.Logging.Abstractions;
using V1 = IntegratedCare.Protocols.V1;

namespace Protocols.Tests;

public sealed class MappingTests
{
    private static readonly MapperConfiguration Configuration =
        new(cfg => cfg.AddProfile<ProtocolsMappingProfile>(), NullLoggerFactory.Instance);

    [Fact]
    public void Profile_IsValid() => Configuration.AssertConfigurationIsValid();

    [Fact]
    public void UnspecifiedEnumAndMissingContact_BecomeNotGiven()
    {
        var command = Configuration.CreateMapper().Map<RegisterAgencyCommand>(new V1.RegisterAgencyRequest { Name = "X" });

        Assert.Null(command.Type);
        Assert.Null(command.Contact);
        Assert.Empty(command.AreaIds);
    }

    [Fact]
    public void DomainAndProtoEnums_AgreeByNameAndNumber()
    {
        foreach (var value in Enum.GetValues<IntegratedCare.Protocols.Domain.Agencies.AgencyType>())
        {
            Assert.Equal(value.ToString(), ((V1.AgencyType)(int)value).ToString());
        }

        Assert.Equal(Enum.GetValues<IntegratedCare.Protocols.Domain.Agencies.AgencyType>().Length + 1, Enum.GetValues<V1.AgencyType>().Length);
    }
}
