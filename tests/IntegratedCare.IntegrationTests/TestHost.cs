using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using IntegratedCare.BuildingBlocks.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// The real host, in process, on a real SQLite file in a folder of its own. Disposing it stops the
/// host; a new one on the same folder is a restart.
/// </summary>
public sealed class TestHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly List<GrpcChannel> _channels = [];

    public TestHost(DataFolder folder, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        Folder = folder;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Database:Path"] = folder.DatabasePath,
            ["Authentication:SigningKeyPath"] = Path.Combine(folder.Path, "signing-key.pem"),
        };
        if (folder.PostgreSqlConnectionString is { } postgres)
        {
            _settings.TryAdd("Database:Provider", "PostgreSql");
            _settings.TryAdd("Database:ConnectionString", postgres);
        }

        _settings.TryAdd("Outbox:PollInterval", "00:00:00.200");

        // Deadline sweeps once a simulated day: a test that moves a fake clock on by days fires each once
        // a day, instead of once for every minute it skipped.
        _settings.TryAdd("Protocols:DeadlineSweepInterval", "1.00:00:00");
        _settings.TryAdd("CarePlan:DeadlineSweepInterval", "1.00:00:00");
        _settings.TryAdd("GapsAndBlocks:DeadlineSweepInterval", "1.00:00:00");
        _settings.TryAdd("Notifications:ReminderInterval", "1.00:00:00");
        _services = services;
    }

    public DataFolder Folder { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    public string Token(string? agencyId, params string[] roles) => Token($"user-{Guid.NewGuid():N}", ActorKind.Staff, agencyId, roles);

    public string Token(string subject, ActorKind kind, string? agencyId, params string[] roles) =>
        Services.GetRequiredService<LocalTokenIssuer>().Mint(subject, kind, agencyId, roles);

    /// <summary>A channel whose calls carry the token, or no credentials at all when it is null.</summary>
    public CallInvoker Invoker(string? token)
    {
        var channel = GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });
        _channels.Add(channel);
        return token is null
            ? channel.CreateCallInvoker()
            : channel.Intercept(metadata =>
            {
                metadata.Add("authorization", $"Bearer {token}");
                return metadata;
            });
    }

    public async Task<List<AuditEventRow>> AuditAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var rows = await platform.AuditEvents.AsNoTracking().ToListAsync();
        return rows.OrderBy(r => r.OccurredAt).ToList();
    }

    /// <summary>How many rows a table holds, read straight from the database file: proves a refused call stored nothing.</summary>
    public async Task<long> RowsAsync(string table, string? where = null)
    {
        await using var connection = Folder.OpenReadOnly();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {Folder.Table(table)}" + (where is null ? string.Empty : " WHERE " + Folder.Quote(where));
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        await base.DisposeAsync();
    }
}

/// <summary>
/// A temporary data folder (database file and signing key), removed at the end of the test. When the run is
/// on PostgreSQL (<see cref="TestDatabase"/>), the database is a fresh one on that server, dropped at the end.
/// </summary>
public sealed class DataFolder : IDisposable
{
    public DataFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "integratedcare-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        if (TestDatabase.IsPostgreSql)
        {
            PostgreSqlConnectionString = TestDatabase.CreateDatabase();
        }
    }

    public string Path { get; }

    public string DatabasePath => System.IO.Path.Combine(Path, "integratedcare.db");

    /// <summary>The test's own PostgreSQL database, or null when the run is on SQLite.</summary>
    public string? PostgreSqlConnectionString { get; }

    /// <summary>A connection straight to the database, beside the host: proves what was (not) stored.</summary>
    public System.Data.Common.DbConnection OpenReadOnly(bool writable = false)
    {
        System.Data.Common.DbConnection connection = PostgreSqlConnectionString is { } postgres
            ? new Npgsql.NpgsqlConnection(postgres)
            : new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath}" + (writable ? string.Empty : ";Mode=ReadOnly"));
        connection.Open();
        return connection;
    }

    /// <summary>A table's name as SQL: on PostgreSQL in its module's schema (the name's prefix).</summary>
    public string Table(string table) =>
        PostgreSqlConnectionString is null ? $"\"{table}\"" : $"\"{table[..table.IndexOf('_')]}\".\"{table}\"";

    /// <summary>
    /// A test's WHERE clause, its column names (PascalCase) quoted as PostgreSQL needs them; literals in
    /// single quotes and SQL keywords (all capitals) are left as they are.
    /// </summary>
    public string Quote(string where) =>
        PostgreSqlConnectionString is null
            ? where
            : string.Concat(System.Text.RegularExpressions.Regex.Split(where, "('[^']*')").Select(part =>
                part.StartsWith('\'') ? part : System.Text.RegularExpressions.Regex.Replace(part, "(?<![\"\\w])([A-Z][a-z][A-Za-z0-9]*)\\b", "\"$1\"")));

    public void Dispose()
    {
        if (PostgreSqlConnectionString is { } postgres)
        {
            TestDatabase.DropDatabase(postgres);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection: the OS temp folder will see to it.
        }
    }
}
