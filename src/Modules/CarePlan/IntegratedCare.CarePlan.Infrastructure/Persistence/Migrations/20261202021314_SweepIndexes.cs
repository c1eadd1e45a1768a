using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.CarePlan.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SweepIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_careplan_plans_NextActionDue",
                table: "careplan_plans");

            migrationBuilder.CreateIndex(
                name: "IX_careplan_plans_action_due",
                table: "careplan_plans",
                column: "NextActionDue",
                filter: "\"NextActionDue\" IS NOT NULL AND \"Status\" IN ('Draft', 'Active', 'OnHold')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_careplan_plans_action_due",
                table: "careplan_plans");

            migrationBuilder.CreateIndex(
                name: "IX_careplan_plans_NextActionDue",
                table: "careplan_plans",
                column: "NextActionDue");
        }
    }
}
