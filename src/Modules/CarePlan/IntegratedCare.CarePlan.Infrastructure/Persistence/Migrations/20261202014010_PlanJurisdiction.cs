using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.CarePlan.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PlanJurisdiction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Jurisdiction",
                table: "careplan_plans",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            // A plan's calendar was a clock; now it is a jurisdiction. Europe/Dublin is Ireland's alone; a
            // Europe/London plan is taken as Scottish, as its area is (see the AreaJurisdiction migration).
            migrationBuilder.Sql("UPDATE careplan_plans SET Jurisdiction = CASE WHEN TimeZone = 'Europe/Dublin' THEN 'Ireland' ELSE 'Scotland' END;");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "careplan_plans");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Jurisdiction",
                table: "careplan_plans");

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "careplan_plans",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");
        }
    }
}
