using System.Diagnostics;
using System.Globalization;
using Grpc.AspNetCore.HealthChecks;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using IntegratedCare.Assessment.V1;
using IntegratedCare.CarePlan.V1;
using IntegratedCare.GapsBlocks.V1;
using IntegratedCare.Protocols.V1;
using IntegratedCare.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Agency = IntegratedCare.Protocols.V1.Agency;

// Per-call latency through the whole stack (HTTP/2, JWT, pipeline, SQLite, audit), one caller at a time,
// against a real host process on loopback. Figures are ratios against the health check in the same run,
// so they compare across machines; absolute times are printed too.
// `-- 200` sets the iterations; `-- profile "GetCarePlan, lead" 30` instead drives that one call at c=64 for
// 30 s and prints the host's process id first, so that `dotnet-trace collect -p <pid>` can record where its CPU goes.
if (args is ["echo-server", var echoPort])
{
    // The bare baseline: Grpc.AspNetCore on Kestrel answering Health/Check, with no authentication,
    // pipeline or database, in a process of its own like the host.
    var echo = WebApplication.CreateSlimBuilder();
    echo.Logging.ClearProviders();
    echo.WebHost.ConfigureKestrel(k => k.ListenLocalhost(int.Parse(echoPort, CultureInfo.InvariantCulture), o => o.Protocols = HttpProtocols.Http2));
    echo.Services.AddGrpc();
    echo.Services.AddGrpcHealthChecks();
    var app = echo.Build();
    app.MapGrpcHealthChecksService();
    await app.RunAsync();
    return;
}

if (args is ["crash", var cyclesText, ..])
{
    // The crash test: writers against the real host, SIGKILL at random moments, restart, check, repeat.
    var crashFolder = Path.Combine(Path.GetTempPath(), "integratedcare-crash", Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(crashFolder);
    var seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : Environment.TickCount;
    Console.WriteLine($"crash test: {cyclesText} cycles, seed {seed}, data in {crashFolder}");
    var crash = await new IntegratedCare.Testing.CrashTest(crashFolder, Console.WriteLine).RunAsync(int.Parse(cyclesText, CultureInfo.InvariantCulture), seed);
    Console.WriteLine($"{crash.Cycles} cycles, {crash.Acknowledged} acknowledged writes, {crash.Unacknowledged} calls cut off by a kill, {crash.Problems.Count} problems");
    foreach (var problem in crash.Problems)
    {
        Console.WriteLine("  " + problem);
    }

    Environment.ExitCode = crash.Problems.Count == 0 ? 0 : 1;
    return;
}

if (args is ["postgres-profile", var profileServer, var profileSeconds])
{
    await ProviderBenchmark.ProfileAsync(profileServer, int.Parse(profileSeconds, CultureInfo.InvariantCulture));
    return;
}

if (args is ["postgres", var pgServer, ..])
{
    // Reads and writes on PostgreSQL beside SQLite, each against its own baseline in the same run: the health
    // check for reads, raw single-row commits (Npgsql, or Microsoft.Data.Sqlite) on the same server or disk
    // for writes, at c = 1, 16, 64. The server's connection string needs a user that may create databases.
    await ProviderBenchmark.RunAsync(pgServer);
    return;
}

var profile = args.Length > 1 && args[0] == "profile" ? (Name: args[1], Seconds: args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30) : default;
var iterations = profile.Name is null && args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
var results = new List<(string Name, Stats Stats)>();
var load = new List<(string Name, int Concurrency, LoadResult Result)>();
var writes = new List<(string Name, int Concurrency, LoadResult Result)>();
var reports = new List<(int Forms, double Milliseconds, double RssGrowthMb)>();
(int Backlog, double DrainSeconds, LoadResult Quiet, LoadResult Busy)? sweep = null;

foreach (var synchronous in profile.Name is null ? new[] { "FULL", "NORMAL" } : ["FULL"])
{
    await using var host = await HostProcess.StartAsync(synchronous);
    using var channel = GrpcChannel.ForAddress(host.Address);
    var headers = new Metadata { { "authorization", $"Bearer {host.Token}" } };
    var health = new Health.HealthClient(channel);
    var agencies = new AgencyService.AgencyServiceClient(channel);

    var area = await agencies.CreateAreaAsync(new CreateAreaRequest
    {
        Name = "Benchmark Area", Kind = AreaKind.CouncilArea, Jurisdiction = Jurisdiction.Scotland,
        RehabilitationCoordinator = new RehabilitationCoordinator { StaffId = "rc", Name = "Co-ordinator", Email = "rc@example.org" },
    }, headers);
    var seed = 0;
    Task<Agency> Register() => agencies.RegisterAgencyAsync(new RegisterAgencyRequest
    {
        Name = $"Agency {Interlocked.Increment(ref seed):D6}", Type = AgencyType.VoluntarySector,
        AreaIds = { area.AreaId }, Contact = new AgencyContact { Email = "team@example.org" },
    }, headers).ResponseAsync;
    for (var i = 0; i < 200; i++)
    {
        await Register();
    }

    var one = await Register();
    var label = $"synchronous={synchronous}";

    // A person's consent under an active sharing protocol: the decision every disclosure asks first.
    var housing = await agencies.RegisterAgencyAsync(new RegisterAgencyRequest
    {
        Name = "Benchmark Housing", Type = AgencyType.HousingAndHomelessness, AreaIds = { area.AreaId }, Contact = new AgencyContact { Email = "h@example.org" },
    }, headers);
    var sharing = new InformationSharingService.InformationSharingServiceClient(channel);
    var draft = await sharing.CreateSharingProtocolAsync(new CreateSharingProtocolRequest
    {
        Name = "Benchmark ISP",
        Rules =
        {
            new SharingRule { DataCategory = "assessment.housing", RecipientAgencyType = AgencyType.HousingAndHomelessness, Purpose = SharingPurpose.DirectCare, Basis = SharingBasis.Consent },
            new SharingRule { DataCategory = "care-plan", RecipientAgencyType = AgencyType.HousingAndHomelessness, Purpose = SharingPurpose.DirectCare, Basis = SharingBasis.Consent },
        },
    }, headers);
    draft = await sharing.SignSharingProtocolAsync(new SignSharingProtocolRequest { SharingProtocolId = draft.SharingProtocolId, ExpectedVersion = draft.Version, AgencyId = one.AgencyId }, headers);
    draft = await sharing.SignSharingProtocolAsync(new SignSharingProtocolRequest { SharingProtocolId = draft.SharingProtocolId, ExpectedVersion = draft.Version, AgencyId = housing.AgencyId }, headers);
    await sharing.ActivateSharingProtocolAsync(new ActivateSharingProtocolRequest { SharingProtocolId = draft.SharingProtocolId, ExpectedVersion = draft.Version }, headers);
    var caseManager = new Metadata { { "authorization", $"Bearer {await host.MintAsync("--role", "case-manager", "--agency", one.AgencyId)}" } };
    var housingSystem = new Metadata { { "authorization", $"Bearer {await host.MintAsync("--kind", "agency-system", "--role", "agency-system", "--agency", housing.AgencyId)}" } };

    // A register of 2,000 people, so that duplicate checks and searches work against a realistic table.
    var people = new ServiceUserService.ServiceUserServiceClient(channel);
    var random = new Random(42);
    string Letters(int n) => new(Enumerable.Range(0, n).Select(i => (char)((i == 0 ? 'A' : 'a') + random.Next(26))).ToArray());
    ServiceUserDetails NewPerson() => new()
    {
        Name = new PersonName { GivenName = Letters(7), FamilyName = Letters(9) },
        DateOfBirth = new DateOnly(1950, 1, 1).AddDays(random.Next(20_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
    ServiceUser registered = null!;
    for (var i = 0; i < 2_000; i++)
    {
        registered = await people.RegisterServiceUserAsync(new RegisterServiceUserRequest { Details = NewPerson() }, caseManager);
    }

    var person = registered.ServiceUserId;
    await new ConsentService.ConsentServiceClient(channel).RecordConsentAsync(new RecordConsentRequest
    {
        ServiceUserId = person, Method = ConsentMethod.Written,
        Provisions = { new ConsentProvision { Type = ProvisionType.Permit, DataCategories = { "assessment.housing" }, AgencyIds = { housing.AgencyId } } },
    }, caseManager);
    var ask = new CheckDisclosureRequest { ServiceUserId = person, AgencyId = housing.AgencyId, DataCategory = "assessment.housing", Purpose = "direct-care" };
    var assessments = new AssessmentService.AssessmentServiceClient(channel);
    var assessment = await assessments.StartAssessmentAsync(new StartAssessmentRequest { ServiceUserId = person }, caseManager);
    // A completed assessment of another person proposes a care plan; housing is given an action on it.
    var planned = await people.RegisterServiceUserAsync(new RegisterServiceUserRequest { Details = NewPerson() }, caseManager);
    var toComplete = await assessments.StartAssessmentAsync(new StartAssessmentRequest { ServiceUserId = planned.ServiceUserId }, caseManager);
    var domains = new ContributeDomainsRequest { AssessmentId = toComplete.AssessmentId, ExpectedVersion = toComplete.Version };
    foreach (var domain in Enum.GetValues<IntegratedCare.Assessment.V1.NeedDomain>().Where(d => d != IntegratedCare.Assessment.V1.NeedDomain.Unspecified))
    {
        domains.Domains.Add(new DomainInput { Domain = domain, Need = NeedLevel.Moderate });
    }

    var contributed = await assessments.ContributeDomainsAsync(domains, caseManager);
    await assessments.CompleteAssessmentAsync(new CompleteAssessmentRequest { AssessmentId = toComplete.AssessmentId, ExpectedVersion = contributed.Version, AssessorName = "Benchmark" }, caseManager);
    var carePlans = new CarePlanService.CarePlanServiceClient(channel);
    IntegratedCare.CarePlan.V1.CarePlan? plan = null;
    while (plan is null)
    {
        plan = (await carePlans.ListCarePlansAsync(new ListCarePlansRequest { ServiceUserId = planned.ServiceUserId }, caseManager)).CarePlans.FirstOrDefault();
        await Task.Delay(50);
    }

    await new ConsentService.ConsentServiceClient(channel).RecordConsentAsync(new RecordConsentRequest
    {
        ServiceUserId = planned.ServiceUserId, Method = ConsentMethod.Written,
        Provisions = { new ConsentProvision { Type = ProvisionType.Permit, DataCategories = { "care-plan", "assessment.housing" }, AgencyIds = { housing.AgencyId } } },
    }, caseManager);
    plan = await carePlans.AddActionAsync(new AddActionRequest
    {
        CarePlanId = plan.CarePlanId, ExpectedVersion = plan.Version, AgencyId = housing.AgencyId, Tier = 1, What = "Tenancy", DueDate = "2099-01-01",
    }, caseManager);

    // A gaps and blocks form: every save runs the anonymity guard over its texts against the register.
    var gapsBlocks = new GapsBlocksService.GapsBlocksServiceClient(channel);
    var form = new FormFields
    {
        AreaId = area.AreaId, ProjectName = "Benchmark Project", FormDate = "2026-11-23",
        CaseManager = new IntegratedCare.GapsBlocks.V1.CaseManagerContact { Name = "Case Manager", Email = "cm@example.org" },
        Overview = "A person leaving detox has no supported accommodation.\nThe housing service has no places.\nRelapse risk on discharge.",
        Actions = { new ActionStep { Who = "Case manager", What = "Referred to housing options", Outcome = "No places", Date = "2026-11-02" } },
        CurrentSituation = "Discharge in two weeks with nowhere to go.", Recommendations = "Commission supported places for people leaving detox.",
        Category = FormCategory.Housing, Kind = FormKind.ResourceGap,
    };

    var search = new SearchServiceUsersRequest
    {
        GivenName = registered.Name.GivenName, FamilyName = registered.Name.FamilyName[..^1], DateOfBirth = registered.DateOfBirth,
    };

    var calls = new (string Name, Func<Task> Call)[]
    {
        ("Health/Check", () => health.CheckAsync(new HealthCheckRequest()).ResponseAsync),
        ("GetAgency", () => agencies.GetAgencyAsync(new GetAgencyRequest { AgencyId = one.AgencyId }, headers).ResponseAsync),
        ("GetCarePlan, lead", () => carePlans.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = plan.CarePlanId }, caseManager).ResponseAsync),
        ("GetCarePlan, team agency", () => carePlans.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = plan.CarePlanId }, housingSystem).ResponseAsync),
        ("GetAssessment, partner", () => assessments.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = assessment.AssessmentId }, housingSystem).ResponseAsync),
    };

    if (profile.Name is not null)
    {
        if (profile.Name == "UpdateAgency")
        {
            // Durable writes: 16 callers, each updating an agency of its own.
            var owned = new List<Agency>();
            for (var i = 0; i < 16; i++)
            {
                owned.Add(await Register());
            }

            Console.WriteLine($"host process {host.ProcessId}: UpdateAgency at c=16 for {profile.Seconds} s");
            var written = await LoadEach(16, TimeSpan.FromSeconds(profile.Seconds), worker => async () =>
            {
                var agency = owned[worker];
                owned[worker] = await agencies.UpdateAgencyAsync(new UpdateAgencyRequest
                {
                    AgencyId = agency.AgencyId, ExpectedVersion = agency.Version, Name = agency.Name, Type = agency.Type,
                    AreaIds = { agency.AreaIds }, Contact = new AgencyContact { Email = $"team{agency.Version}@example.org" },
                }, headers);
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{written.PerSecond:F0} req/s, p50 {written.P50:F2} ms, p99 {written.P99:F2} ms"));
            break;
        }

        var (_, call) = calls.Single(c => c.Name == profile.Name);
        Console.WriteLine($"host process {host.ProcessId}: {profile.Name} at c=64 for {profile.Seconds} s");
        var result = await Load(64, TimeSpan.FromSeconds(profile.Seconds), call);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.PerSecond:F0} req/s, p50 {result.P50:F2} ms, p99 {result.P99:F2} ms"));
        break;
    }

    results.Add(($"Health/Check (baseline, {label})", await Measure(iterations, () => health.CheckAsync(new HealthCheckRequest()).ResponseAsync)));
    results.Add(($"GetAgency ({label})", await Measure(iterations, () => agencies.GetAgencyAsync(new GetAgencyRequest { AgencyId = one.AgencyId }, headers).ResponseAsync)));
    results.Add(($"ListAgencies 50 of 201 ({label})", await Measure(iterations, () => agencies.ListAgenciesAsync(new ListAgenciesRequest { PageSize = 50 }, headers).ResponseAsync)));
    results.Add(($"CheckDisclosure, permitted ({label})", await Measure(iterations, () => sharing.CheckDisclosureAsync(ask, caseManager).ResponseAsync)));
    results.Add(($"RegisterAgency ({label})", await Measure(iterations, Register)));
    results.Add(($"GetServiceUser, own record ({label})", await Measure(iterations, () => people.GetServiceUserAsync(new GetServiceUserRequest { ServiceUserId = person }, caseManager).ResponseAsync)));
    results.Add(($"SearchServiceUsers, 2,000+ people ({label})", await Measure(iterations, () => people.SearchServiceUsersAsync(search, caseManager).ResponseAsync)));
    results.Add(($"RegisterServiceUser, 2,000+ people ({label})", await Measure(iterations, () => people.RegisterServiceUserAsync(new RegisterServiceUserRequest { Details = NewPerson() }, caseManager).ResponseAsync)));
    results.Add(($"GetAssessment, lead ({label})", await Measure(iterations, () => assessments.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = assessment.AssessmentId }, caseManager).ResponseAsync)));
    results.Add(($"GetCarePlan, lead ({label})", await Measure(iterations, () => carePlans.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = plan.CarePlanId }, caseManager).ResponseAsync)));
    results.Add(($"GetCarePlan, team agency, 12 decisions ({label})", await Measure(iterations, () => carePlans.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = plan.CarePlanId }, housingSystem).ResponseAsync)));
    results.Add(($"CreateForm, anonymity guard, 2,000+ people ({label})", await Measure(iterations, () => gapsBlocks.CreateFormAsync(new CreateFormRequest { Form = form }, caseManager).ResponseAsync)));
    results.Add(($"GetAssessment, 12 decisions ({label})", await Measure(iterations, () => assessments.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = assessment.AssessmentId }, housingSystem).ResponseAsync)));

    // Under load: many callers at once on one HTTP/2 connection, each call's throughput against the
    // health check's at the same concurrency. Reads should scale with callers, not queue on the write lock.
    if (synchronous == "FULL")
    {
        foreach (var concurrency in new[] { 1, 16, 64 })
        {
            foreach (var (name, call) in calls)
            {
                load.Add((name, concurrency, await Load(concurrency, TimeSpan.FromSeconds(3), call)));
            }
        }

        // The bare echo server at the same concurrencies, so Health/Check's own cost shows too.
        await using (var echo = await EchoProcess.StartAsync())
        {
            using var echoChannel = GrpcChannel.ForAddress(echo.Address);
            var bare = new Health.HealthClient(echoChannel);
            foreach (var concurrency in new[] { 1, 16, 64 })
            {
                load.Add(("bare echo (Grpc.AspNetCore)", concurrency, await Load(concurrency, TimeSpan.FromSeconds(3), () => bare.CheckAsync(new HealthCheckRequest()).ResponseAsync)));
            }
        }

        // Durable writes: each caller updates an agency of its own (no version conflicts between callers),
        // against single-row commits straight through Microsoft.Data.Sqlite on the same disk and settings.
        var own = new List<Agency>();
        for (var i = 0; i < 16; i++)
        {
            own.Add(await Register());
        }

        foreach (var concurrency in new[] { 1, 16 })
        {
            writes.Add(("raw SQLite single-row commit", concurrency, await LoadEach(concurrency, TimeSpan.FromSeconds(3), RawCommit(host.DataFolder))));
            writes.Add(("UpdateAgency", concurrency, await LoadEach(concurrency, TimeSpan.FromSeconds(3), worker =>
            {
                return async () =>
                {
                    var agency = own[worker];
                    own[worker] = await agencies.UpdateAgencyAsync(new UpdateAgencyRequest
                    {
                        AgencyId = agency.AgencyId, ExpectedVersion = agency.Version, Name = agency.Name, Type = agency.Type,
                        AreaIds = { agency.AreaIds }, Contact = new AgencyContact { Email = $"team{agency.Version}@example.org" },
                    }, headers);
                };
            })));
            writes.Add(("RegisterAgency", concurrency, await LoadEach(concurrency, TimeSpan.FromSeconds(3), _ => Register)));
        }

        // The planning report over 10k, 100k and 1M forms, seeded straight into the database from one real
        // form; the host's peak resident memory is reset before each report and read after it.
        var template = await gapsBlocks.CreateFormAsync(new CreateFormRequest { Form = form }, caseManager);
        var national = new Metadata { { "authorization", $"Bearer {await host.MintAsync("--role", "national-coordinator")}" } };
        var reportRequest = new GetPlanningReportRequest
        {
            Dimension = ReportDimension.Category,
            From = DateTime.UtcNow.AddDays(-100).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            To = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var seeded = 0;
        foreach (var target in new[] { 10_000, 100_000, 1_000_000 })
        {
            SeedForms(host.DatabasePath, template.FormId, seeded, target - seeded);
            seeded = target;
            await gapsBlocks.GetPlanningReportAsync(reportRequest, national);
            var before = host.ResetPeakMemory();
            var times = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await gapsBlocks.GetPlanningReportAsync(reportRequest, national, deadline: DateTime.UtcNow.AddMinutes(2));
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            reports.Add((target, times.Order().ElementAt(1), (host.PeakMemory() - before) / 1024.0 / 1024.0));
        }

        // The ladder sweep at 1,000,000 forms: a backlog of due, unalerted forms appears at once (as after a
        // day's downtime), and a write probe measures how long the API waits on the write lock meanwhile.
        var probeAgency = own[0];
        Func<Task> probe = async () => probeAgency = await agencies.UpdateAgencyAsync(new UpdateAgencyRequest
        {
            AgencyId = probeAgency.AgencyId, ExpectedVersion = probeAgency.Version, Name = probeAgency.Name, Type = probeAgency.Type,
            AreaIds = { probeAgency.AreaIds }, Contact = new AgencyContact { Email = $"probe{probeAgency.Version}@example.org" },
        }, headers);
        var quiet = await LoadEach(1, TimeSpan.FromSeconds(3), _ => probe);
        var backlog = MakeSweepBacklog(host.DatabasePath, every: 50);
        var drained = Stopwatch.StartNew();
        var busy = LoadEach(1, TimeSpan.FromSeconds(12), _ => probe);
        while (DueUnalerted(host.DatabasePath) > 0 && drained.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(100);
        }

        var drainSeconds = drained.Elapsed.TotalSeconds;
        sweep = (backlog, drainSeconds, quiet, await busy);
    }
}

if (profile.Name is not null)
{
    return;
}

Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine($"{"call under load (synchronous=FULL)",-40} {"c",4} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"× Health req/s",15} {"× Health p99",13}");
foreach (var group in load.GroupBy(l => l.Concurrency))
{
    var healthAtC = group.First(l => l.Name == "Health/Check").Result;
    foreach (var (name, concurrency, result) in group)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-40} {concurrency,4} {result.PerSecond,9:F0} {result.P50,8:F2} {result.P99,8:F2} {result.PerSecond / healthAtC.PerSecond,15:P1} {result.P99 / healthAtC.P99,13:F1}"));
    }
}

foreach (var group in load.GroupBy(l => l.Concurrency))
{
    var bare = group.Single(l => l.Name.StartsWith("bare echo", StringComparison.Ordinal)).Result;
    var healthAtC = group.First(l => l.Name == "Health/Check").Result;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"c={group.Key}: Health/Check is {healthAtC.PerSecond / bare.PerSecond:P1} of the bare echo's req/s, p99 {healthAtC.P99 / bare.P99:F1}× the echo's"));
}

Console.WriteLine($"{"durable write (synchronous=FULL)",-40} {"c",4} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"× raw commits",14}");
foreach (var group in writes.GroupBy(w => w.Concurrency))
{
    var raw = group.First(w => w.Name.StartsWith("raw", StringComparison.Ordinal)).Result;
    foreach (var (name, concurrency, result) in group)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-40} {concurrency,4} {result.PerSecond,9:F0} {result.P50,8:F2} {result.P99,8:F2} {result.PerSecond / raw.PerSecond,14:P1}"));
    }
}

Console.WriteLine($"{"planning report by category",-40} {"forms",10} {"ms",8} {"peak RSS growth MB",19}");
foreach (var (forms, milliseconds, growth) in reports)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"GetPlanningReport",-40} {forms,10} {milliseconds,8:F0} {growth,19:F1}"));
}

if (sweep is { } s)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"ladder sweep at 1,000,000 forms: a backlog of {s.Backlog} due forms alerted in {s.DrainSeconds:F1} s ({s.Backlog / s.DrainSeconds:F0}/s, batches of 100)"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  UpdateAgency c=1 while quiet: p50 {s.Quiet.P50:F2} ms, p99 {s.Quiet.P99:F2} ms, max {s.Quiet.Max:F1} ms; while sweeping: p50 {s.Busy.P50:F2} ms, p99 {s.Busy.P99:F2} ms, max {s.Busy.Max:F1} ms (longest wait on the lock ≈ max − quiet p50: {s.Busy.Max - s.Quiet.P50:F1} ms)"));
}

Console.WriteLine($"{"call",-56} {"median ms",10} {"p95 ms",10} {"× baseline",11}");
var baseline = results[0].Stats.Median;
foreach (var (name, stats) in results)
{
    if (name.StartsWith("Health", StringComparison.Ordinal))
    {
        baseline = stats.Median;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-56} {stats.Median,10:F3} {stats.P95,10:F3} {stats.Median / baseline,11:F1}"));
}

static async Task<Stats> Measure<T>(int iterations, Func<Task<T>> call)
{
    for (var i = 0; i < Math.Min(50, iterations); i++)
    {
        await call();
    }

    var samples = new double[iterations];
    for (var i = 0; i < iterations; i++)
    {
        var started = Stopwatch.GetTimestamp();
        await call();
        samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    Array.Sort(samples);
    return new Stats(samples[iterations / 2], samples[(int)(iterations * 0.95)]);
}

static Task<LoadResult> Load(int concurrency, TimeSpan duration, Func<Task> call) => LoadEach(concurrency, duration, _ => call);

/// <summary>Makes every 1 in <paramref name="every"/> open, past-due form unalerted again: a backlog for the ladder sweep. Returns its size.</summary>
static int MakeSweepBacklog(string databasePath, int every)
{
    using var connection = new SqliteConnection($"Data Source={databasePath}");
    connection.Open();
    using var update = connection.CreateCommand();
    update.CommandText = "PRAGMA busy_timeout=30000; UPDATE gapsblocks_forms SET StageOverdueNoted = 0 WHERE Stage <> 'Closed' AND StageDueAt < $now AND rowid % $every = 0;";
    update.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.UtcTicks);
    update.Parameters.AddWithValue("$every", every);
    return update.ExecuteNonQuery();
}

static long DueUnalerted(string databasePath)
{
    using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
    connection.Open();
    using var count = connection.CreateCommand();
    count.CommandText = "SELECT COUNT(*) FROM gapsblocks_forms WHERE StageDueAt IS NOT NULL AND NOT (StageOverdueNoted) AND Stage <> 'Closed' AND StageDueAt < $now";
    count.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.UtcTicks);
    return (long)count.ExecuteScalar()!;
}

static async Task<LoadResult> LoadEach(int concurrency, TimeSpan duration, Func<int, Func<Task>> make)
{
    var calls = Enumerable.Range(0, concurrency).Select(make).ToList();
    foreach (var call in calls)
    {
        await call();
    }

    var samples = new System.Collections.Concurrent.ConcurrentBag<double>();
    var started = Stopwatch.GetTimestamp();
    var until = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
    await Task.WhenAll(calls.Select(call => Task.Run(async () =>
    {
        while (Stopwatch.GetTimestamp() < until)
        {
            var one = Stopwatch.GetTimestamp();
            await call();
            samples.Add(Stopwatch.GetElapsedTime(one).TotalMilliseconds);
        }
    })));
    var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
    var sorted = samples.Order().ToArray();
    return new LoadResult(sorted.Length / elapsed, sorted[sorted.Length / 2], sorted[(int)(sorted.Length * 0.99)], sorted[^1]);
}

// One connection per caller, each commit one row in its own BEGIN IMMEDIATE transaction, WAL and
// synchronous=FULL as the host runs: what the disk and SQLite give before any of the host's work.
static Func<int, Func<Task>> RawCommit(string folder)
{
    var path = Path.Combine(folder, "raw-commits.db");
    using (var setup = Open(path))
    {
        using var create = setup.CreateCommand();
        create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, worker INTEGER, at INTEGER, note TEXT);";
        create.ExecuteNonQuery();
    }

    return worker =>
    {
        var connection = Open(path);
        return () =>
        {
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO t (worker, at, note) VALUES ($w, $a, 'a single row');";
            insert.Parameters.AddWithValue("$w", worker);
            insert.Parameters.AddWithValue("$a", Stopwatch.GetTimestamp());
            insert.ExecuteNonQuery();
            transaction.Commit();
            return Task.CompletedTask;
        };
    };

    static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
        pragmas.ExecuteNonQuery();
        return connection;
    }
}

// Copies of one real form, spread over the last 90 days, most sent on and some resolved at each level.
static void SeedForms(string databasePath, string templateId, int first, int count)
{
    using var connection = new SqliteConnection($"Data Source={databasePath}");
    connection.Open();
    using var transaction = connection.BeginTransaction();
    using var insert = connection.CreateCommand();
    insert.Transaction = transaction;
    insert.CommandText = """
        PRAGMA busy_timeout=30000;
        WITH RECURSIVE c(n) AS (SELECT $first UNION ALL SELECT n + 1 FROM c WHERE n < $last),
        v AS (SELECT n, abs(random()) % 100 AS r, abs(random()) % 90 AS ago, abs(random()) % 60 AS took, abs(random()) % 9 AS cat FROM c),
        w AS (SELECT v.*, $now - ago * 864000000000 AS created FROM v)
        INSERT INTO gapsblocks_forms (Id, AreaId, AgencyId, CaseManagerId, Content, LinkedVarianceId, Stage, StageEnteredAt, StageDueAt,
            StageOverdueNoted, ResolvedAt, Resolution, NdricActions, SubGroupAcknowledged, CaseManagerAcknowledged, ConsecutiveDeferrals,
            CreatedAt, ClosedAt, Alerts, Transitions, Version, Category, Kind, OverdueAlertCount, SubmittedAt)
        SELECT printf('%08X-0000-4000-8000-%012X', 7, w.n), t.AreaId, t.AgencyId, t.CaseManagerId, t.Content, NULL,
            CASE WHEN r < 60 THEN 'Closed' WHEN r < 80 THEN 'WithCoordinator' WHEN r < 95 THEN 'AtSubGroup' ELSE 'AtNdric' END,
            created, CASE WHEN r < 60 THEN NULL ELSE created + 14 * 864000000000 END, 1,
            CASE WHEN r < 40 THEN 'Coordinator' WHEN r < 55 THEN 'SubGroup' WHEN r < 60 THEN 'Ndric' END,
            '', '', 0, 0, 0, created, CASE WHEN r < 60 THEN created + (1 + took) * 864000000000 END, '[]', '[]', 1,
            CASE cat WHEN 0 THEN 'Housing' WHEN 1 THEN 'MentalHealth' WHEN 2 THEN 'PrimaryCare' WHEN 3 THEN 'AddictionTreatment'
                WHEN 4 THEN 'EmploymentAndTraining' WHEN 5 THEN 'Literacy' WHEN 6 THEN 'ChildrenAndFamilies' WHEN 7 THEN 'CriminalJustice' ELSE 'Other' END,
            CASE WHEN r % 2 = 0 THEN 'ServiceGap' ELSE 'ResourceGap' END, CASE WHEN r % 7 = 0 THEN 1 ELSE 0 END, created
        FROM w, (SELECT * FROM gapsblocks_forms WHERE Id = upper($template)) t;
        """;
    insert.Parameters.AddWithValue("$first", first);
    insert.Parameters.AddWithValue("$last", first + count - 1);
    insert.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.UtcTicks);
    insert.Parameters.AddWithValue("$template", templateId);
    insert.CommandTimeout = 600;
    insert.ExecuteNonQuery();
    transaction.Commit();
}

internal sealed record Stats(double Median, double P95);

internal sealed record LoadResult(double PerSecond, double P50, double P99, double Max = 0);

/// <summary>The real host, started from this program's output folder on a free loopback port and a fresh data folder.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _data;

    private readonly string[] _settings;

    private HostProcess(Process process, string data, string address, string token, string[] settings)
    {
        _settings = settings;
        _process = process;
        _data = data;
        Address = address;
        Token = token;
    }

    public string Address { get; }

    public int ProcessId => _process.Id;

    public string DataFolder => _data;

    public string DatabasePath => Path.Combine(_data, "bench.db");

    /// <summary>Resets the host's peak resident set (VmHWM) to its current size, and returns that size in bytes.</summary>
    public long ResetPeakMemory()
    {
        File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");
        return Status("VmRSS");
    }

    /// <summary>The host's peak resident set since the last reset, in bytes.</summary>
    public long PeakMemory() => Status("VmHWM");

    private long Status(string field) =>
        long.Parse(File.ReadLines($"/proc/{_process.Id}/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;

    public string Token { get; }

    public static async Task<HostProcess> StartAsync(string synchronous, string? postgres = null)
    {
        var data = Path.Combine(Path.GetTempPath(), "integratedcare-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var port = HostCommand.FreePort();
        string[] database = postgres is null
            ? [$"--Database:Path={Path.Combine(data, "bench.db")}", $"--Database:Synchronous={synchronous}"]
            : ["--Database:Provider=PostgreSql", $"--Database:ConnectionString={postgres}"];
        string[] settings =
        [
            $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{port}",
            $"--Kestrel:Endpoints:Web:Url=http://127.0.0.1:{HostCommand.FreePort()}",
            .. database,
            $"--Authentication:SigningKeyPath={Path.Combine(data, "key.pem")}",
            "--Logging:LogLevel:Default=Warning",
            // The ladder sweep runs often, so the benchmark sees it work off a backlog (see "ladder sweep").
            "--GapsAndBlocks:DeadlineSweepInterval=00:00:02",
        ];
        var token = await HostCommand.MintAsync(["--role", "system-admin", .. settings]);
        var process = HostCommand.Start(settings);
        var address = $"http://127.0.0.1:{port}";
        using var channel = GrpcChannel.ForAddress(address);
        var health = new Health.HealthClient(channel);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                break;
            }
            catch (RpcException) when (attempt < 100)
            {
                await Task.Delay(200);
            }
        }

        return new HostProcess(process, data, address, token, settings);
    }

    /// <summary>Another token from the same key, e.g. for a case manager of an agency.</summary>
    public Task<string> MintAsync(params string[] arguments) => HostCommand.MintAsync([.. arguments, .. _settings]);

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_data, recursive: true);
    }
}

/// <summary>The bare echo server: this program again, with <c>echo-server PORT</c>.</summary>
internal sealed class EchoProcess : IAsyncDisposable
{
    private readonly Process _process;

    private EchoProcess(Process process, string address)
    {
        _process = process;
        Address = address;
    }

    public string Address { get; }

    public static async Task<EchoProcess> StartAsync()
    {
        var port = HostCommand.FreePort();
        var self = Environment.ProcessPath!;
        var start = Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? new ProcessStartInfo(self, [typeof(EchoProcess).Assembly.Location, "echo-server", port.ToString(CultureInfo.InvariantCulture)])
            : new ProcessStartInfo(self, ["echo-server", port.ToString(CultureInfo.InvariantCulture)]);
        start.RedirectStandardOutput = true;
        var process = Process.Start(start)!;
        var address = $"http://127.0.0.1:{port}";
        using var channel = GrpcChannel.ForAddress(address);
        var health = new Health.HealthClient(channel);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                return new EchoProcess(process, address);
            }
            catch (RpcException) when (attempt < 100)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
