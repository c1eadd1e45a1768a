using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.GapsAndBlocks.Domain.Forms;
using IntegratedCare.GapsAndBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegratedCare.IntegrationTests;

/// <summary>A database written before the planning report's columns existed: the migration reads them out of the JSON.</summary>
public sealed class FormReportColumnsMigrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "integratedcare-migration", Guid.NewGuid().ToString("N"));

    public FormReportColumnsMigrationTests() => Directory.CreateDirectory(_folder);

    [SqliteFact]
    public async Task FormsRaisedBeforeTheReportColumns_AreBackFilledFromTheirContentTransitionsAndAlerts()
    {
        var builder = new DbContextOptionsBuilder<GapsAndBlocksDbContext>();
        PersistenceRegistration.Configure(builder, $"Data Source={Path.Combine(_folder, "old.db")};Pooling=False", GapsAndBlocksDbContext.Module);
        await using var db = new GapsAndBlocksDbContext(builder.Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261123042300_InitialGapsAndBlocks");
        var submitted = new DateTimeOffset(2026, 11, 2, 9, 30, 15, 123, TimeSpan.Zero);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText =
            """
            INSERT INTO gapsblocks_forms (Id, AreaId, AgencyId, CaseManagerId, Content, LinkedVarianceId, Stage, StageEnteredAt, StageDueAt,
                StageOverdueNoted, ResolvedAt, Resolution, NdricActions, SubGroupAcknowledged, CaseManagerAcknowledged, ConsecutiveDeferrals,
                CreatedAt, ClosedAt, Alerts, Transitions, Version)
            VALUES ('6F9619FF-8B86-D011-B42D-00C04FC964FF', 'A0000000-0000-0000-0000-000000000001', 'B0000000-0000-0000-0000-000000000002', 'cm-1',
                '{"ProjectName":"P","Category":"Literacy","Kind":"ServiceGap"}', NULL, 'AtSubGroup', 0, NULL, 0, NULL, '', '', 0, 0, 0, 0, NULL,
                '[{"Stage":"WithCoordinator","Holder":"RehabilitationCoordinator"}]',
                '[{"From":"AwaitingEndorsement","To":"WithCoordinator","Action":"endorsed","By":"lm-1","At":"2026-11-02T09:30:15.123+00:00","Comment":""},
                  {"From":"WithCoordinator","To":"AtSubGroup","Action":"referred","By":"rc-1","At":"2026-11-09T10:00:00+00:00","Comment":""},
                  {"From":"AtSubGroup","To":"WithCoordinator","Action":"returned","By":"sg-1","At":"2026-11-20T10:00:00+00:00","Comment":""}]',
                4);
            """;
        await insert.ExecuteNonQueryAsync();

        await migrator.MigrateAsync();

        var form = await db.Forms.AsNoTracking().Select(f => new { f.Category, f.Kind, f.SubmittedAt, f.OverdueAlertCount, f.ReachedSubGroup }).SingleAsync();
        Assert.Equal((FormCategory.Literacy, FormKind.ServiceGap, 1, true), (form.Category, form.Kind, form.OverdueAlertCount, form.ReachedSubGroup));
        Assert.NotNull(form.SubmittedAt); // the first move to the co-ordinator, not the later return
        Assert.InRange((form.SubmittedAt.Value - submitted).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
