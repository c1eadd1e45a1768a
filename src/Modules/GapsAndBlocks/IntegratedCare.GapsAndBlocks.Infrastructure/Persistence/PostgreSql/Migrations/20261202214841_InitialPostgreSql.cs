using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.GapsAndBlocks.Infrastructure.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class InitialPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "gapsblocks");

            migrationBuilder.CreateTable(
                name: "gapsblocks_forms",
                schema: "gapsblocks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseManagerId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LinkedVarianceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Stage = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    StageEnteredAt = table.Column<long>(type: "bigint", nullable: false),
                    StageDueAt = table.Column<long>(type: "bigint", nullable: true),
                    StageOverdueNoted = table.Column<bool>(type: "boolean", nullable: false),
                    ResolvedAt = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Resolution = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    NdricActions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SubGroupAcknowledged = table.Column<bool>(type: "boolean", nullable: false),
                    CaseManagerAcknowledged = table.Column<bool>(type: "boolean", nullable: false),
                    ConsecutiveDeferrals = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ClosedAt = table.Column<long>(type: "bigint", nullable: true),
                    SubmittedAt = table.Column<long>(type: "bigint", nullable: true),
                    ReachedSubGroup = table.Column<bool>(type: "boolean", nullable: false),
                    OverdueAlertCount = table.Column<int>(type: "integer", nullable: false),
                    Alerts = table.Column<string>(type: "jsonb", nullable: false),
                    Transitions = table.Column<string>(type: "jsonb", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gapsblocks_forms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "gapsblocks_handed_variances",
                schema: "gapsblocks",
                columns: table => new
                {
                    VarianceId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    HandedAt = table.Column<long>(type: "bigint", nullable: false),
                    FormId = table.Column<Guid>(type: "uuid", nullable: true),
                    RaisedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gapsblocks_handed_variances", x => x.VarianceId);
                });

            migrationBuilder.CreateTable(
                name: "gapsblocks_meetings",
                schema: "gapsblocks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ScheduledBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MinutedAt = table.Column<long>(type: "bigint", nullable: true),
                    MinutedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Minutes = table.Column<string>(type: "jsonb", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gapsblocks_meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "gapsblocks_more_detail",
                schema: "gapsblocks",
                columns: table => new
                {
                    DetailId = table.Column<Guid>(type: "uuid", nullable: false),
                    FormId = table.Column<Guid>(type: "uuid", nullable: false),
                    Question = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AskedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AskedAt = table.Column<long>(type: "bigint", nullable: false),
                    ServiceUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConsentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AnsweredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AnsweredAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gapsblocks_more_detail", x => x.DetailId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_gapsblocks_forms_AgencyId",
                schema: "gapsblocks",
                table: "gapsblocks_forms",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_gapsblocks_forms_AreaId_Stage",
                schema: "gapsblocks",
                table: "gapsblocks_forms",
                columns: new[] { "AreaId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_gapsblocks_forms_CaseManagerId",
                schema: "gapsblocks",
                table: "gapsblocks_forms",
                column: "CaseManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_gapsblocks_forms_report",
                schema: "gapsblocks",
                table: "gapsblocks_forms",
                columns: new[] { "CreatedAt", "AreaId", "SubmittedAt", "Category", "Kind", "Stage", "AgencyId", "ResolvedAt", "ClosedAt", "StageDueAt", "OverdueAlertCount" });

            migrationBuilder.CreateIndex(
                name: "IX_gapsblocks_forms_stage_due",
                schema: "gapsblocks",
                table: "gapsblocks_forms",
                column: "StageDueAt",
                filter: "\"StageDueAt\" IS NOT NULL AND NOT (\"StageOverdueNoted\") AND \"Stage\" <> 'Closed'");

            migrationBuilder.CreateIndex(
                name: "IX_gapsblocks_handed_variances_LeadAgencyId_HandedAt",
                schema: "gapsblocks",
                table: "gapsblocks_handed_variances",
                columns: new[] { "LeadAgencyId", "HandedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_gapsblocks_meetings_Kind_AreaId_HeldOn",
                schema: "gapsblocks",
                table: "gapsblocks_meetings",
                columns: new[] { "Kind", "AreaId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_gapsblocks_more_detail_AskedBy_AskedAt",
                schema: "gapsblocks",
                table: "gapsblocks_more_detail",
                columns: new[] { "AskedBy", "AskedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_gapsblocks_more_detail_FormId",
                schema: "gapsblocks",
                table: "gapsblocks_more_detail",
                column: "FormId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "gapsblocks_forms",
                schema: "gapsblocks");

            migrationBuilder.DropTable(
                name: "gapsblocks_handed_variances",
                schema: "gapsblocks");

            migrationBuilder.DropTable(
                name: "gapsblocks_meetings",
                schema: "gapsblocks");

            migrationBuilder.DropTable(
                name: "gapsblocks_more_detail",
                schema: "gapsblocks");
        }
    }
}
