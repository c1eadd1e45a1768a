using System.Net.Http.Headers;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Infrastructure.Grpc;
using IntegratedCare.Protocols.V1;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// What an independent client, a broken one or a hostile one sends on the wire: never UNKNOWN or INTERNAL
/// for the caller's mistake, and nothing stored.
/// </summary>
public sealed class WireTests : IAsyncLifetime
{
    private readonly DataFolder _folder = new();
    private TestHost _host = null!;
    private AgencyScenario _scenario = null!;

    public Task InitializeAsync()
    {
        _host = new TestHost(_folder);
        _scenario = new AgencyScenario(_host);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    public static TheoryData<string, byte[]> Malformed => new()
    {
        { "random bytes", [0xFF, 0xFE, 0xFD, 0x00, 0x13, 0x37, 0xBE, 0xEF] },
        { "an invalid wire type (7)", [0x0F, 0x01] },
        { "a length past the end", [0x0A, 0x10, (byte)'a', (byte)'b'] },
        { "an over-long varint", [0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01] },
        { "200-deep nesting", [.. Enumerable.Repeat((byte)0x0B, 200), .. Enumerable.Repeat((byte)0x0C, 200)] },
        { "a truncated message", [0x0A, 0x24, (byte)'1', (byte)'2', (byte)'3'] },
        { "invalid UTF-8 in a string field", [0x0A, 0x02, 0xC3, 0x28] },
        { "a field number of zero", [0x00, 0x01] },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task AMalformedMessage_IsInvalidArgument_WithNoParserDetail_AndStoresNothing(string what, byte[] body)
    {
        var before = await _host.RowsAsync("protocols_agencies");

        var read = await Assert.ThrowsAsync<RpcException>(() => RawAsync("GetAgency", body));
        var write = await Assert.ThrowsAsync<RpcException>(() => RawAsync("RegisterAgency", body));

        Assert.True(read.StatusCode == StatusCode.InvalidArgument, $"{what}: {read.Status}");
        Assert.Equal((StatusCode.InvalidArgument, GuardedServiceMethodProvider<object>.InvalidMessage), (write.StatusCode, write.Status.Detail));
        Assert.Equal(before, await _host.RowsAsync("protocols_agencies"));
        Assert.NotNull(await _scenario.Admin.ListAgenciesAsync(new ListAgenciesRequest()));
    }

    [Theory]
    [InlineData(1L << 62, 0)]
    [InlineData(0L, -1)]
    [InlineData(-62_135_596_801L, 0)]
    [InlineData(0L, 1_000_000_000)]
    public async Task AnOutOfRangeTimestamp_IsInvalidArgument_NamingItsField(long seconds, int nanos)
    {
        var plans = new IntegratedCare.CarePlan.V1.CarePlanService.CarePlanServiceClient(_host.Invoker(_host.Token("cm-1", ActorKind.Staff, Guid.NewGuid().ToString(), Roles.CaseManager)));

        var ex = await Assert.ThrowsAsync<RpcException>(() => plans.GetCarePlanAsync(new IntegratedCare.CarePlan.V1.GetCarePlanRequest
        {
            CarePlanId = Guid.NewGuid().ToString(),
            AsOf = new Timestamp { Seconds = seconds, Nanos = nanos },
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("as_of", Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task ACallWhoseDeadlineHasPassed_IsRefusedWithDeadlineExceeded_BeforeAnyWork()
    {
        var client = _host.Server.CreateClient();
        var before = await _host.RowsAsync("protocols_agencies");
        var message = AgencyScenario.NewAgency(Guid.NewGuid().ToString()).ToByteArray();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/integratedcare.protocols.v1.AgencyService/RegisterAgency")
        {
            Version = new Version(2, 0),
            Content = new ByteArrayContent([0, .. BitConverter.GetBytes(System.Net.IPAddress.HostToNetworkOrder(message.Length)), .. message]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.Add("te", "trailers");
        request.Headers.Add("grpc-timeout", "1n");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _host.Token(null, Roles.SystemAdmin));

        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var t) ? t.Single()
            : response.Headers.TryGetValues("grpc-status", out var h) ? h.Single() : null;

        var detail = response.TrailingHeaders.TryGetValues("grpc-message", out var m) ? m.Single() : response.Headers.TryGetValues("grpc-message", out var hm) ? hm.Single() : response.StatusCode.ToString();
        Assert.True(((int)StatusCode.DeadlineExceeded).ToString(System.Globalization.CultureInfo.InvariantCulture) == status, $"{status} {detail}");
        Assert.Equal(before, await _host.RowsAsync("protocols_agencies"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0.")]
    public async Task AMissingOrForgedToken_IsAProperUnauthenticatedStatus_NotABareHttp401(string? token)
    {
        var agencies = new AgencyService.AgencyServiceClient(_host.Invoker(token));

        var ex = await Assert.ThrowsAsync<RpcException>(() => agencies.ListAgenciesAsync(new ListAgenciesRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.DoesNotContain("HTTP status code", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LenientInput_IsRefused_NotQuietlyCorrected()
    {
        var area = await _scenario.CreateAreaAsync();
        var (addiction, _, _) = await _scenario.RegisterPartnersAsync(area.AreaId);
        var person = await _scenario.RegisterPersonAsync(addiction.AgencyId);
        var spaced = AgencyScenario.NewAgency(area.AreaId + " ");
        var tooMany = new IntegratedCare.Protocols.V1.RecordConsentRequest
        {
            ServiceUserId = person,
            Method = ConsentMethod.Written,
            Provisions = { new ConsentProvision { Type = ProvisionType.Permit, DataCategories = { "identity" }, AgencyIds = { Enumerable.Range(0, 10_000).Select(_ => addiction.AgencyId) } } },
        };
        var pastExpiry = new IntegratedCare.Protocols.V1.RecordConsentRequest
        {
            ServiceUserId = person,
            Method = ConsentMethod.Written,
            ExpiresAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)),
            Provisions = { new ConsentProvision { Type = ProvisionType.Permit, DataCategories = { "identity" }, AgencyIds = { addiction.AgencyId } } },
        };
        var consents = new ConsentService.ConsentServiceClient(_host.Invoker(_host.Token("case-manager-1", ActorKind.Staff, addiction.AgencyId, Roles.CaseManager)));

        var id = await Assert.ThrowsAsync<RpcException>(() => _scenario.Admin.RegisterAgencyAsync(spaced).ResponseAsync);
        var huge = AgencyScenario.NewAgency(area.AreaId);
        huge.AreaIds.Add(Enumerable.Range(0, 600).Select(_ => Guid.NewGuid().ToString()));
        var overBound = await Assert.ThrowsAsync<RpcException>(() => _scenario.Admin.RegisterAgencyAsync(huge).ResponseAsync);
        var spacedDate = await Assert.ThrowsAsync<RpcException>(() => new IntegratedCare.Protocols.V1.AllocationService.AllocationServiceClient(_host.Invoker(_host.Token(null, Roles.SystemAdmin)))
            .RecordAllocationMeetingAsync(new RecordAllocationMeetingRequest { AreaId = area.AreaId, HeldOn = " " + DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }).ResponseAsync);
        var many = await Assert.ThrowsAsync<RpcException>(() => consents.RecordConsentAsync(tooMany).ResponseAsync);
        var expired = await Assert.ThrowsAsync<RpcException>(() => consents.RecordConsentAsync(pastExpiry).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "area_ids[0]"), (id.StatusCode, Assert.Single(id.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field));
        Assert.Equal((StatusCode.InvalidArgument, "area_ids", "must hold at most 500 items"), (overBound.StatusCode, overBound.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations[0].Field, overBound.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations[0].Description));
        Assert.Equal(StatusCode.InvalidArgument, spacedDate.StatusCode);
        Assert.Contains(spacedDate.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == "held_on");
        Assert.Equal(StatusCode.InvalidArgument, many.StatusCode);
        Assert.Contains(many.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == "provisions[0].agency_ids");
        Assert.Equal((StatusCode.InvalidArgument, "expires_at"), (expired.StatusCode, Assert.Single(expired.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field));
        Assert.Equal(0, await _host.RowsAsync("protocols_consents"));
    }

    /// <summary>A unary call to AgencyService with a body of raw bytes, as a broken or hostile client sends it.</summary>
    private async Task<byte[]> RawAsync(string method, byte[] body)
    {
        var raw = new Marshaller<byte[]>(b => b, b => b);
        var call = new Method<byte[], byte[]>(MethodType.Unary, "integratedcare.protocols.v1.AgencyService", method, raw, raw);
        return await _host.Invoker(_host.Token(null, Roles.SystemAdmin)).AsyncUnaryCall(call, null, new CallOptions(), body);
    }
}
