using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.GapsAndBlocks.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PlanningReportColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "gapsblocks_forms",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "gapsblocks_forms",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "OverdueAlertCount",
                table: "gapsblocks_forms",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "SubmittedAt",
                table: "gapsblocks_forms",
                type: "INTEGER",
                nullable: true);

            // Forms raised before this migration: the new columns are read out of the JSON they were kept in
            // (the submission is the first move to the co-ordinator; instants are UTC ticks).
            migrationBuilder.Sql("""
                UPDATE gapsblocks_forms SET
                    Category = COALESCE(json_extract(Content, '$.Category'), ''),
                    Kind = COALESCE(json_extract(Content, '$.Kind'), ''),
                    OverdueAlertCount = COALESCE(json_array_length(Alerts), 0),
                    SubmittedAt = (
                        SELECT CAST(ROUND((julianday(json_extract(t.value, '$.At')) - 2440587.5) * 864000000000) AS INTEGER) + 621355968000000000
                        FROM json_each(Transitions) t
                        WHERE json_extract(t.value, '$.To') = 'WithCoordinator'
                        ORDER BY t.key
                        LIMIT 1);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_gapsblocks_forms_report",
                table: "gapsblocks_forms",
                columns: new[] { "CreatedAt", "AreaId", "SubmittedAt", "Category", "Kind", "Stage", "AgencyId", "ResolvedAt", "ClosedAt", "StageDueAt", "OverdueAlertCount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_gapsblocks_forms_report",
                table: "gapsblocks_forms");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "gapsblocks_forms");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "gapsblocks_forms");

            migrationBuilder.DropColumn(
                name: "OverdueAlertCount",
                table: "gapsblocks_forms");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "gapsblocks_forms");
        }
    }
}
