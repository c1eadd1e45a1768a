using System.Text;
using CsCheck;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.V1;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// Every RPC of every service, found from the protos' own descriptors, is sent requests generated from
/// its message descriptor — valid-looking values, edge values and nonsense — and, some of the time, the
/// encoded bytes are mutated (bits flipped, cut short, random bytes spliced in). The property: no answer
/// is UNKNOWN or INTERNAL, a refused call stores nothing, and the host stays healthy. CsCheck draws the
/// cases from a seed it prints when the property fails, so a failure can be replayed.
/// </summary>
public sealed class FuzzTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Calls per run; CI runs this many. Raise it locally (FUZZ_ITERATIONS) for a longer search.</summary>
    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_ITERATIONS"), out var n) ? n : 1500;

    private static readonly FileDescriptor[] Files =
    [
        AgenciesReflection.Descriptor, AllocationReflection.Descriptor, ConsentsReflection.Descriptor, InteragencyReflection.Descriptor,
        ReferralsReflection.Descriptor, SharingReflection.Descriptor,
        IntegratedCare.Assessment.V1.AssessmentsReflection.Descriptor, IntegratedCare.Assessment.V1.ServiceUsersReflection.Descriptor,
        IntegratedCare.CarePlan.V1.CareplansReflection.Descriptor, IntegratedCare.GapsBlocks.V1.GapsblocksReflection.Descriptor,
    ];

    private static readonly MethodDescriptor[] Methods = Files.SelectMany(f => f.Services).SelectMany(s => s.Methods).Where(m => !m.IsClientStreaming).ToArray();

    private static readonly string[] DataTables =
    [
        "protocols_agencies", "protocols_areas", "protocols_consents", "protocols_referrals", "protocols_sharing_protocols", "protocols_interagency_protocols",
        "assessment_service_users", "assessment_assessments", "careplan_plans", "careplan_versions", "gapsblocks_forms", "gapsblocks_meetings", "gapsblocks_more_detail",
        "protocols_allocation_items", "protocols_allocation_meetings",
        "identity_staff_accounts", "identity_agency_credentials", "platform_holiday_calendars",
    ];

    private readonly DataFolder _folder = new();
    private TestHost _host = null!;
    private string[] _ids = [];
    private CallInvoker[] _callers = [];

    public async Task InitializeAsync()
    {
        _host = new TestHost(_folder);
        var scenario = new AgencyScenario(_host);
        var area = await scenario.CreateAreaAsync();
        var (addiction, housing, voluntary) = await scenario.RegisterPartnersAsync(area.AreaId);
        var person = await scenario.RegisterPersonAsync(addiction.AgencyId);
        var protocol = await scenario.ActiveHousingProtocolAsync(3, ResponseTimeUnit.WorkingDays, "2030-11-01");
        _ids = [area.AreaId, addiction.AgencyId, housing.AgencyId, voluntary.AgencyId, person, protocol.ProtocolId, Guid.NewGuid().ToString()];
        _callers =
        [
            _host.Invoker(_host.Token(null, Roles.SystemAdmin)),
            _host.Invoker(_host.Token("case-manager-1", ActorKind.Staff, addiction.AgencyId, Roles.CaseManager)),
            _host.Invoker(_host.Token("housing-system", ActorKind.AgencySystem, housing.AgencyId, Roles.AgencySystem)),
            _host.Invoker(_host.Token("coordinator-1", ActorKind.Staff, null, Roles.RehabilitationCoordinator)),
            _host.Invoker(_host.Token("stranger", ActorKind.Staff, Guid.NewGuid().ToString(), Roles.CaseManager, Roles.AgencyAdmin)),
        ];
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task EveryRpc_GivenGeneratedAndMutatedRequests_NeverAnswersUnknownOrInternal_AndARefusedCallStoresNothing()
    {
        Assert.True(Methods.Length > 90, $"found only {Methods.Length} methods");
        var failures = new List<string>();
        var byCode = new Dictionary<StatusCode, int>();

        var cases = Gen.Select(Gen.Int[0, Methods.Length - 1], Gen.Int[0, _callers.Length - 1], Gen.ULong, Gen.Int[0, 9]);
        await cases.SampleAsync(async (method, caller, seed, mutation) =>
        {
            var random = new Random((int)(seed ^ (seed >> 32)));
            var descriptor = Methods[method];
            var bytes = Generate(descriptor.InputType, random, 0).ToByteArray();
            if (mutation >= 7)
            {
                bytes = Mutate(bytes, random);
            }

            var before = await DataRowsAsync();
            var code = await CallAsync(descriptor, _callers[caller], bytes);
            byCode[code] = byCode.GetValueOrDefault(code) + 1;
            var what = $"{descriptor.Service.Name}/{descriptor.Name} caller {caller} seed {seed} mutation {mutation}: {code}";
            if (code is StatusCode.Unknown or StatusCode.Internal)
            {
                failures.Add(what);
            }
            else if (code != StatusCode.OK && await DataRowsAsync() != before)
            {
                failures.Add(what + " — refused, yet rows changed");
            }
        }, iter: Iterations, threads: 1, seed: Environment.GetEnvironmentVariable("FUZZ_SEED"));

        output.WriteLine($"{Iterations} calls over {Methods.Length} methods: {string.Join(", ", byCode.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value}"))}");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Take(40)));
        var health = new Grpc.Health.V1.Health.HealthClient(_host.Invoker(null));
        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest())).Status);
        Assert.True(byCode.Keys.Count >= 4, string.Join(", ", byCode.Select(kv => $"{kv.Key}={kv.Value}")));
    }

    private async Task<long> DataRowsAsync()
    {
        long total = 0;
        foreach (var table in DataTables)
        {
            total += await _host.RowsAsync(table);
        }

        return total;
    }

    private static async Task<StatusCode> CallAsync(MethodDescriptor descriptor, CallInvoker invoker, byte[] body)
    {
        var raw = new Marshaller<byte[]>(b => b, b => b);
        var type = descriptor.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary;
        var method = new Method<byte[], byte[]>(type, descriptor.Service.FullName, descriptor.Name, raw, raw);
        try
        {
            if (descriptor.IsServerStreaming)
            {
                // The client stops listening after a while (not a deadline, which the server would enforce
                // too, racing the client to end the stream).
                using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));
                using var call = invoker.AsyncServerStreamingCall(method, null, new CallOptions(cancellationToken: stop.Token), body);
                while (await call.ResponseStream.MoveNext(CancellationToken.None))
                {
                }
            }
            else
            {
                await invoker.AsyncUnaryCall(method, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(20)), body);
            }

            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            // A stream that ran until the client stopped listening behaved.
            return descriptor.IsServerStreaming && ex.StatusCode == StatusCode.Cancelled ? StatusCode.OK : ex.StatusCode;
        }
    }

    private IMessage Generate(MessageDescriptor type, Random random, int depth)
    {
        var message = type.Parser.ParseFrom(ByteString.Empty);
        foreach (var field in type.Fields.InFieldNumberOrder())
        {
            if (random.Next(4) == 0 || (depth > 3 && field.FieldType == FieldType.Message))
            {
                continue;
            }

            if (field.IsRepeated && !field.IsMap)
            {
                var list = (System.Collections.IList)field.Accessor.GetValue(message);
                var count = random.Next(10) == 0 ? random.Next(50, 400) : random.Next(0, 4);
                for (var i = 0; i < count; i++)
                {
                    list.Add(Value(field, random, depth));
                }
            }
            else if (!field.IsMap)
            {
                field.Accessor.SetValue(message, Value(field, random, depth));
            }
        }

        return message;
    }

    private object Value(FieldDescriptor field, Random random, int depth) => field.FieldType switch
    {
        FieldType.String => Text(random),
        FieldType.Bool => random.Next(2) == 0,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => random.Next(6) switch
        {
            0 => int.MinValue, 1 => int.MaxValue, 2 => -1, 3 => 0, _ => random.Next(-5, 300),
        },
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => random.Next(5) switch
        {
            0 => long.MinValue, 1 => long.MaxValue, 2 => -1L, 3 => 1L << 62, _ => (long)random.Next(0, 100),
        },
        FieldType.UInt32 or FieldType.Fixed32 => (uint)random.Next(),
        FieldType.UInt64 or FieldType.Fixed64 => (ulong)random.NextInt64(),
        FieldType.Double => random.Next(3) == 0 ? double.NaN : random.NextDouble() * 1e6,
        FieldType.Float => random.Next(3) == 0 ? float.PositiveInfinity : (float)random.NextDouble(),
        FieldType.Bytes => ByteString.CopyFrom(Enumerable.Range(0, random.Next(0, 64)).Select(_ => (byte)random.Next(256)).ToArray()),
        FieldType.Enum => random.Next(5) == 0 ? random.Next(-3, 1000) : field.EnumType.Values[random.Next(field.EnumType.Values.Count)].Number,
        FieldType.Message when field.MessageType.FullName == "google.protobuf.Timestamp" => new Google.Protobuf.WellKnownTypes.Timestamp
        {
            Seconds = random.Next(4) switch { 0 => 1L << 62, 1 => -62_135_596_801L, 2 => DateTimeOffset.UtcNow.AddDays(random.Next(-400, 400)).ToUnixTimeSeconds(), _ => random.NextInt64(-1L << 40, 1L << 40) },
            Nanos = random.Next(4) == 0 ? -1 : random.Next(0, 1_000_000_000),
        },
        FieldType.Message => Generate(field.MessageType, random, depth + 1),
        _ => throw new NotSupportedException(field.FieldType.ToString()),
    };

    /// <summary>Ids the host knows (so calls reach deeper than NOT_FOUND), near-ids, dates, and nonsense.</summary>
    private string Text(Random random) => random.Next(12) switch
    {
        0 or 1 or 2 => _ids[random.Next(_ids.Length)],
        3 => _ids[random.Next(_ids.Length)] + " ",
        4 => DateTimeOffset.UtcNow.AddDays(random.Next(-60, 60)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        5 => string.Empty,
        6 => new string('x', random.Next(200, 5000)),
        7 => "Robert'); DROP TABLE protocols_agencies;--",
        8 => "\u0000\u0007\u202E\uFEFF",
        9 => "identity",
        10 => "Ｅｉｌｉｄｈ 0770 090 0123 ✓ 😀",
        _ => Encoding.UTF8.GetString(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (byte)random.Next(32, 127)).ToArray()),
    };

    private static byte[] Mutate(byte[] bytes, Random random)
    {
        var mutated = bytes.ToList();
        switch (random.Next(4))
        {
            case 0 when mutated.Count > 0:
                mutated[random.Next(mutated.Count)] ^= (byte)(1 << random.Next(8));
                break;
            case 1 when mutated.Count > 1:
                mutated.RemoveRange(random.Next(mutated.Count), 1);
                mutated = mutated.Take(random.Next(mutated.Count)).ToList();
                break;
            case 2:
                mutated.InsertRange(random.Next(mutated.Count + 1), Enumerable.Range(0, random.Next(1, 16)).Select(_ => (byte)random.Next(256)));
                break;
            default:
                mutated = Enumerable.Range(0, random.Next(0, 64)).Select(_ => (byte)random.Next(256)).ToList();
                break;
        }

        return mutated.ToArray();
    }
}
