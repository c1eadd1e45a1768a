using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.CarePlan.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TreatmentOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OutcomeProfiles",
                table: "careplan_plans",
                type: "TEXT",
                nullable: false,
                // Every plan recorded before profiles were: none taken.
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OutcomeProfiles",
                table: "careplan_plans");
        }
    }
}
