using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.CarePlan.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TeamAgencies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "careplan_team_agencies",
                columns: table => new
                {
                    CarePlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_careplan_team_agencies", x => new { x.CarePlanId, x.AgencyId });
                });

            // Plans saved before: their agencies are read out of the JSON list the plan row keeps (GUIDs as
            // TEXT are upper case, as EF writes them).
            migrationBuilder.Sql("""
                INSERT OR IGNORE INTO careplan_team_agencies (CarePlanId, AgencyId)
                SELECT p.Id, upper(j.value) FROM careplan_plans p, json_each(p.TeamAgencyIds) j;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_careplan_team_agencies_AgencyId",
                table: "careplan_team_agencies",
                column: "AgencyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "careplan_team_agencies");
        }
    }
}
