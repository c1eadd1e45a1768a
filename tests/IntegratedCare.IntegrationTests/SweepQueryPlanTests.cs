using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.CarePlan.Infrastructure.Persistence;
using IntegratedCare.GapsAndBlocks.Infrastructure.Persistence;
using IntegratedCare.Protocols.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// Each deadline sweep seeks only the rows that are due and not yet flagged, on a partial index in due
/// order: SQLite's own query plan for the sweep's real query says so (no SCAN of the table, no sort).
/// </summary>
public sealed class SweepQueryPlanTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly DataFolder _folder = new();
    private TestHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new TestHost(_folder);
        _ = _host.Server; // starts the host, which migrates the database
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [SqliteFact]
    public Task TheLadderSweep_SeeksDueUnalertedOpenForms() =>
        AssertSeeksAsync<GapsAndBlocksDbContext>(GapsAndBlocksDbContext.Module, db => FormRepository.Overdue(db, Now, 200), "IX_gapsblocks_forms_stage_due");

    [SqliteFact]
    public Task TheReferralSweep_SeeksUnflaggedUnansweredReferralsPastDue() =>
        AssertSeeksAsync<ProtocolsDbContext>(ProtocolsDbContext.Module, db => ReferralRepository.NewlyOverdue(db, Now, 200), "IX_protocols_referrals_overdue_due");

    [SqliteFact]
    public Task TheReferralExpirySweep_SeeksUnansweredReferralsLongPastDue() =>
        AssertSeeksAsync<ProtocolsDbContext>(ProtocolsDbContext.Module, db => ReferralRepository.Lapsed(db, Now.AddDays(-30), 200), "IX_protocols_referrals_lapsing_due");

    [SqliteFact]
    public Task TheConsentSweep_SeeksActiveUnnotifiedConsentsPastExpiry() =>
        AssertSeeksAsync<ProtocolsDbContext>(ProtocolsDbContext.Module, db => ConsentRepository.NewlyExpired(db, Now, 200), "IX_protocols_consents_expiry_due");

    [SqliteFact]
    public Task TheOverdueActionsSweep_SeeksOpenPlansWithAnActionPastDue() =>
        AssertSeeksAsync<CarePlanDbContext>(CarePlanDbContext.Module, db => CarePlanRepository.WithActionsDueBefore(db, DateOnly.FromDateTime(Now.UtcDateTime), 200), "IX_careplan_plans_action_due");

    private async Task AssertSeeksAsync<TContext>(string module, Func<TContext, IQueryable<object>> sweep, string index)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        PersistenceRegistration.Configure(builder, $"Data Source={_folder.DatabasePath};Pooling=False", module);
        await using var db = (TContext)Activator.CreateInstance(typeof(TContext), builder.Options)!;
        var (sql, parameters) = Split(sweep(db).ToQueryString());
        await using var connection = new SqliteConnection($"Data Source={_folder.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            explain.Parameters.AddWithValue(name, value);
        }

        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        output.WriteLine(sql);
        output.WriteLine(string.Join("\n", plan));
        Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.Contains($"USING INDEX {index}", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal) || step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    /// <summary>EF's query text: ".param set @name value" lines, then the SQL.</summary>
    private static (string Sql, List<(string Name, object Value)> Parameters) Split(string queryString)
    {
        var parameters = new List<(string, object)>();
        var sql = new List<string>();
        foreach (var line in queryString.Split('\n'))
        {
            if (line.StartsWith(".param set ", StringComparison.Ordinal))
            {
                var parts = line[".param set ".Length..].Split(' ', 2);
                var raw = parts[1].Trim();
                object value = raw.StartsWith('\'') ? raw.Trim('\'') : long.TryParse(raw, out var number) ? number : raw;
                parameters.Add((parts[0], value));
            }
            else
            {
                sql.Add(line);
            }
        }

        return (string.Join('\n', sql).Trim(), parameters);
    }
}
