using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.CarePlan.Infrastructure.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class TreatmentOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OutcomeProfiles",
                schema: "careplan",
                table: "careplan_plans",
                type: "jsonb",
                nullable: false,
                // Every plan recorded before profiles were: none taken.
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OutcomeProfiles",
                schema: "careplan",
                table: "careplan_plans");
        }
    }
}
