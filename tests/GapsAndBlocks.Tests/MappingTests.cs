using AutoMapper;
using IntegratedCare.GapsAndBlocks.Infrastructure.Grpc;
using Microsoft.Extensions.Logging.Abstractions;

namespace GapsAndBlocks.Tests;

public sealed class MappingTests
{
    [Fact]
    public void Profile_IsValid() =>
        new MapperConfiguration(cfg => cfg.AddProfile<GapsBlocksMappingProfile>(), NullLoggerFactory.Instance).AssertConfigurationIsValid();
}
