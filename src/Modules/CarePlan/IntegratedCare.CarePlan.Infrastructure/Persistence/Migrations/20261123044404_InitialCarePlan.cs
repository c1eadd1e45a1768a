using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.CarePlan.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialCarePlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "careplan_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Episode = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceAssessmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecommendedTier = table.Column<int>(type: "INTEGER", nullable: false),
                    LeadAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadCaseManager = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewIntervalWeeks = table.Column<int>(type: "INTEGER", nullable: false),
                    NextReviewDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NextActionDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExitReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Actions = table.Column<string>(type: "TEXT", nullable: false),
                    Goals = table.Column<string>(type: "TEXT", nullable: false),
                    Reviews = table.Column<string>(type: "TEXT", nullable: false),
                    Stages = table.Column<string>(type: "TEXT", nullable: false),
                    Team = table.Column<string>(type: "TEXT", nullable: false),
                    TeamAgencyIds = table.Column<string>(type: "TEXT", nullable: false),
                    Variances = table.Column<string>(type: "TEXT", nullable: false),
                    AgreedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CopyReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OwnWords = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TookPart = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_careplan_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "careplan_versions",
                columns: table => new
                {
                    Position = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CarePlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Why = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TeamAgencyIds = table.Column<string>(type: "TEXT", nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_careplan_versions", x => x.Position);
                });

            migrationBuilder.CreateIndex(
                name: "IX_careplan_plans_LeadAgencyId_NextReviewDue",
                table: "careplan_plans",
                columns: new[] { "LeadAgencyId", "NextReviewDue" });

            migrationBuilder.CreateIndex(
                name: "IX_careplan_plans_NextActionDue",
                table: "careplan_plans",
                column: "NextActionDue");

            migrationBuilder.CreateIndex(
                name: "IX_careplan_plans_open",
                table: "careplan_plans",
                column: "ServiceUserId",
                unique: true,
                filter: "\"Status\" IN ('Draft', 'Active', 'OnHold')");

            migrationBuilder.CreateIndex(
                name: "IX_careplan_plans_ServiceUserId",
                table: "careplan_plans",
                column: "ServiceUserId");

            migrationBuilder.CreateIndex(
                name: "IX_careplan_versions_CarePlanId_At",
                table: "careplan_versions",
                columns: new[] { "CarePlanId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "careplan_plans");

            migrationBuilder.DropTable(
                name: "careplan_versions");
        }
    }
}
