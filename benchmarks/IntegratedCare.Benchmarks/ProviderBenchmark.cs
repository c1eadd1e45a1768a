using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using IntegratedCare.Protocols.V1;
using Microsoft.Data.Sqlite;
using Npgsql;
using Agency = IntegratedCare.Protocols.V1.Agency;

/// <summary>
/// <c>postgres CONNECTION</c>: the host on SQLite (synchronous=FULL) and on PostgreSQL, the same calls at
/// c = 1, 16 and 64. Reads (GetAgency, with its audit record) as a share of the health check's throughput;
/// durable writes (UpdateAgency, RegisterAgency) as a share of raw single-row commits on the same storage.
/// </summary>
internal static class ProviderBenchmark
{
    private static readonly int[] Concurrencies = [1, 16, 64];

    public static async Task RunAsync(string server)
    {
        var rows = new List<(string Provider, string Name, int C, LoadResult Result, string Baseline, LoadResult Base)>();
        foreach (var provider in new[] { "SQLite", "PostgreSQL" })
        {
            string? database = provider == "PostgreSQL" ? CreateDatabase(server) : null;
            try
            {
                await using var host = await HostProcess.StartAsync("FULL", database);
                rows.AddRange(await MeasureAsync(provider, host, database));
            }
            finally
            {
                if (database is not null)
                {
                    DropDatabase(server, database);
                }
            }
        }

        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"{"provider",-11} {"call",-34} {"c",3} {"req/s",8} {"p50 ms",8} {"p99 ms",8}   {"baseline",-28} {"req/s",8} {"share",7}");
        foreach (var (provider, name, c, result, baseline, b) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{provider,-11} {name,-34} {c,3} {result.PerSecond,8:F0} {result.P50,8:F2} {result.P99,8:F2}   {baseline,-28} {b.PerSecond,8:F0} {result.PerSecond / b.PerSecond,7:P0}"));
        }
    }

    /// <summary>
    /// <c>postgres-profile CONNECTION SECONDS</c>: the host on PostgreSQL, UpdateAgency at c = 16 for that long,
    /// its process id printed first (and a 10 s pause), so <c>dotnet-trace collect -p PID</c> can record where its time goes.
    /// </summary>
    public static async Task ProfileAsync(string server, int seconds)
    {
        var database = CreateDatabase(server);
        try
        {
            await using var host = await HostProcess.StartAsync("FULL", database);
            using var channel = GrpcChannel.ForAddress(host.Address, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });
            var headers = new Metadata { { "authorization", $"Bearer {host.Token}" } };
            var work = await AgencyWorkload.StartAsync(new AgencyService.AgencyServiceClient(channel), headers, count: 16);

            Console.WriteLine($"host process {host.ProcessId}: UpdateAgency at c=16 for {seconds} s in 10 s");
            await Task.Delay(TimeSpan.FromSeconds(10));
            var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
            var done = 0;
            using var every = new Timer(_ => Console.WriteLine($"  {Volatile.Read(ref done)} so far"), null, 5000, 5000);
            await Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
            {
                while (Stopwatch.GetTimestamp() < until)
                {
                    await work.UpdateAsync(worker);
                    Interlocked.Increment(ref done);
                }
            })));
            Console.WriteLine($"{done} updates, {done / (double)seconds:F0} per second");
        }
        finally
        {
            DropDatabase(server, database);
        }
    }

    private static async Task<List<(string, string, int, LoadResult, string, LoadResult)>> MeasureAsync(string provider, HostProcess host, string? postgres)
    {
        using var channel = GrpcChannel.ForAddress(host.Address, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });
        var headers = new Metadata { { "authorization", $"Bearer {host.Token}" } };
        var health = new Health.HealthClient(channel);
        var agencies = new AgencyService.AgencyServiceClient(channel);
        var work = await AgencyWorkload.StartAsync(agencies, headers, Concurrencies.Max());
        Func<int, Func<Task>> read = worker => () => agencies.GetAgencyAsync(new GetAgencyRequest { AgencyId = work.Own[worker].AgencyId }, headers).ResponseAsync;
        Func<int, Func<Task>> update = worker => () => work.UpdateAsync(worker);
        Func<int, Func<Task>> register = _ => work.RegisterAsync;

        // A fresh host spends its first half minute in the JIT's tiering (a fifth of its CPU at first, seen
        // with perf): warm every call before anything is timed, so the figures are the host's steady state.
        await Load(16, read, seconds: 10);
        await Load(16, update, seconds: 20);
        await Load(16, register, seconds: 5);

        var rows = new List<(string, string, int, LoadResult, string, LoadResult)>();
        var raw = postgres is null ? RawSqliteCommit(host.DataFolder) : RawNpgsqlCommit(postgres);
        var rawName = postgres is null ? "raw SQLite single-row commit" : "raw Npgsql single-row commit";
        foreach (var c in Concurrencies)
        {
            var healthAtC = await Load(c, _ => () => health.CheckAsync(new HealthCheckRequest()).ResponseAsync);
            rows.Add((provider, "GetAgency (read, audited)", c, await Load(c, read), "Health/Check", healthAtC));
            var rawAtC = await Load(c, raw);
            rows.Add((provider, "UpdateAgency (write)", c, await Load(c, update), rawName, rawAtC));
            rows.Add((provider, "RegisterAgency (write)", c, await Load(c, register), rawName, rawAtC));
        }

        return rows;
    }

    private static async Task<LoadResult> Load(int concurrency, Func<int, Func<Task>> make, int seconds = 3)
    {
        var calls = Enumerable.Range(0, concurrency).Select(make).ToList();
        await Task.WhenAll(calls.Select(call => call()));
        var samples = new System.Collections.Concurrent.ConcurrentBag<double>();
        var started = Stopwatch.GetTimestamp();
        var until = started + (long)(seconds * Stopwatch.Frequency);
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

    /// <summary>One connection per caller, one row per transaction, committed: what the server gives before any of the host's work.</summary>
    private static Func<int, Func<Task>> RawNpgsqlCommit(string connectionString)
    {
        using (var setup = new NpgsqlConnection(connectionString))
        {
            setup.Open();
            using var create = setup.CreateCommand();
            create.CommandText = "CREATE TABLE IF NOT EXISTS bench_raw_commits (id bigserial PRIMARY KEY, worker int, at bigint, note text)";
            create.ExecuteNonQuery();
        }

        return worker =>
        {
            var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            return async () =>
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO bench_raw_commits (worker, at, note) VALUES (@w, @a, 'a single row')";
                insert.Parameters.AddWithValue("w", worker);
                insert.Parameters.AddWithValue("a", Stopwatch.GetTimestamp());
                await insert.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
            };
        };
    }

    private static Func<int, Func<Task>> RawSqliteCommit(string folder)
    {
        var path = Path.Combine(folder, "raw-commits.db");
        using (var setup = Open())
        {
            using var create = setup.CreateCommand();
            create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, worker INTEGER, at INTEGER, note TEXT);";
            create.ExecuteNonQuery();
        }

        return worker =>
        {
            var connection = Open();
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

        SqliteConnection Open()
        {
            var connection = new SqliteConnection($"Data Source={path}");
            connection.Open();
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
            pragmas.ExecuteNonQuery();
            return connection;
        }
    }

    private static string CreateDatabase(string server)
    {
        var name = $"ic_bench_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        command.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 100 }.ToString();
    }

    private static void DropDatabase(string server, string database)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(database).Database}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}

/// <summary>The agencies the provider benchmark writes to: an area, one agency per caller (so updates never conflict), and new registrations.</summary>
internal sealed class AgencyWorkload(AgencyService.AgencyServiceClient agencies, Metadata headers, string areaId)
{
    private int _seed;

    public List<Agency> Own { get; } = [];

    public static async Task<AgencyWorkload> StartAsync(AgencyService.AgencyServiceClient agencies, Metadata headers, int count)
    {
        var area = await agencies.CreateAreaAsync(new CreateAreaRequest
        {
            Name = "Benchmark Area", Kind = AreaKind.CouncilArea, Jurisdiction = Jurisdiction.Scotland,
            RehabilitationCoordinator = new RehabilitationCoordinator { StaffId = "rc", Name = "Co-ordinator", Email = "rc@example.org" },
        }, headers);
        var work = new AgencyWorkload(agencies, headers, area.AreaId);
        for (var i = 0; i < count; i++)
        {
            work.Own.Add(await work.RegisterAsync());
        }

        return work;
    }

    public Task<Agency> RegisterAsync() => agencies.RegisterAgencyAsync(new RegisterAgencyRequest
    {
        Name = $"Agency {Interlocked.Increment(ref _seed):D6}", Type = AgencyType.VoluntarySector,
        AreaIds = { areaId }, Contact = new AgencyContact { Email = "team@example.org" },
    }, headers).ResponseAsync;

    /// <summary>Changes the caller's own agency from the version it last saw.</summary>
    public async Task UpdateAsync(int worker)
    {
        var agency = Own[worker];
        Own[worker] = await agencies.UpdateAgencyAsync(new UpdateAgencyRequest
        {
            AgencyId = agency.AgencyId, ExpectedVersion = agency.Version, Name = agency.Name, Type = agency.Type,
            AreaIds = { agency.AreaIds }, Contact = new AgencyContact { Email = $"team{agency.Version}@example.org" },
        }, headers);
    }
}
