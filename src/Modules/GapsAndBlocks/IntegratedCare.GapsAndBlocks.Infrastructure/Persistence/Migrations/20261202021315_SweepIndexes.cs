using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.GapsAndBlocks.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SweepIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_gapsblocks_forms_StageDueAt",
                table: "gapsblocks_forms");

            migrationBuilder.CreateIndex(
                name: "IX_gapsblocks_forms_stage_due",
                table: "gapsblocks_forms",
                column: "StageDueAt",
                filter: "\"StageDueAt\" IS NOT NULL AND NOT (\"StageOverdueNoted\") AND \"Stage\" <> 'Closed'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_gapsblocks_forms_stage_due",
                table: "gapsblocks_forms");

            migrationBuilder.CreateIndex(
                name: "IX_gapsblocks_forms_StageDueAt",
                table: "gapsblocks_forms",
                column: "StageDueAt");
        }
    }
}
