using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IntegratedCare.CarePlan.Infrastructure.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class InitialPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "careplan");

            migrationBuilder.CreateTable(
                name: "careplan_plans",
                schema: "careplan",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Episode = table.Column<int>(type: "integer", nullable: false),
                    SourceAssessmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecommendedTier = table.Column<int>(type: "integer", nullable: false),
                    LeadAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadCaseManager = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReviewIntervalWeeks = table.Column<int>(type: "integer", nullable: false),
                    NextReviewDue = table.Column<DateOnly>(type: "date", nullable: true),
                    NextActionDue = table.Column<DateOnly>(type: "date", nullable: true),
                    ExitReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Jurisdiction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ClosedAt = table.Column<long>(type: "bigint", nullable: true),
                    Actions = table.Column<string>(type: "jsonb", nullable: false),
                    Goals = table.Column<string>(type: "jsonb", nullable: false),
                    Reviews = table.Column<string>(type: "jsonb", nullable: false),
                    Stages = table.Column<string>(type: "jsonb", nullable: false),
                    Team = table.Column<string>(type: "jsonb", nullable: false),
                    TeamAgencyIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Variances = table.Column<string>(type: "jsonb", nullable: false),
                    AgreedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CopyReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OwnWords = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TookPart = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_careplan_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "careplan_team_agencies",
                schema: "careplan",
                columns: table => new
                {
                    CarePlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_careplan_team_agencies", x => new { x.CarePlanId, x.AgencyId });
                });

            migrationBuilder.CreateTable(
                name: "careplan_versions",
                schema: "careplan",
                columns: table => new
                {
                    Position = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CarePlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Why = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TeamAgencyIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    SchemaVersion = table.Column<int>(type: "integer", nullable: false, defaultValue: 1),
                    Snapshot = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_careplan_versions", x => x.Position);
                });

            migrationBuilder.CreateIndex(
                name: "IX_careplan_plans_action_due",
                schema: "careplan",
                table: "careplan_plans",
                column: "NextActionDue",
                filter: "\"NextActionDue\" IS NOT NULL AND \"Status\" IN ('Draft', 'Active', 'OnHold')");

            migrationBuilder.CreateIndex(
                name: "IX_careplan_plans_LeadAgencyId_NextReviewDue",
                schema: "careplan",
                table: "careplan_plans",
                columns: new[] { "LeadAgencyId", "NextReviewDue" });

            migrationBuilder.CreateIndex(
                name: "IX_careplan_plans_open",
                schema: "careplan",
                table: "careplan_plans",
                column: "ServiceUserId",
                unique: true,
                filter: "\"Status\" IN ('Draft', 'Active', 'OnHold')");

            migrationBuilder.CreateIndex(
                name: "IX_careplan_plans_ServiceUserId",
                schema: "careplan",
                table: "careplan_plans",
                column: "ServiceUserId");

            migrationBuilder.CreateIndex(
                name: "IX_careplan_team_agencies_AgencyId",
                schema: "careplan",
                table: "careplan_team_agencies",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_careplan_versions_CarePlanId_At",
                schema: "careplan",
                table: "careplan_versions",
                columns: new[] { "CarePlanId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "careplan_plans",
                schema: "careplan");

            migrationBuilder.DropTable(
                name: "careplan_team_agencies",
                schema: "careplan");

            migrationBuilder.DropTable(
                name: "careplan_versions",
                schema: "careplan");
        }
    }
}
