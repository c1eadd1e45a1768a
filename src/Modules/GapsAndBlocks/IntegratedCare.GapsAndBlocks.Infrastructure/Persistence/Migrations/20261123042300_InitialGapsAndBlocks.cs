using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.GapsAndBlocks.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialGapsAndBlocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "gapsblocks_forms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseManagerId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    LinkedVarianceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    StageEnteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StageDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StageOverdueNoted = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    NdricActions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SubGroupAcknowledged = table.Column<bool>(type: "INTEGER", nullable: false),
                    CaseManagerAcknowledged = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsecutiveDeferrals = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Alerts = table.Column<string>(type: "TEXT", nullable: false),
                    Transitions = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gapsblocks_forms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "gapsblocks_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ScheduledBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MinutedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MinutedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gapsblocks_meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "gapsblocks_more_detail",
                columns: table => new
                {
                    DetailId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FormId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AskedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ServiceUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConsentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gapsblocks_more_detail", x => x.DetailId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_gapsblocks_forms_AgencyId",
                table: "gapsblocks_forms",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_gapsblocks_forms_AreaId_Stage",
                table: "gapsblocks_forms",
                columns: new[] { "AreaId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_gapsblocks_forms_CaseManagerId",
                table: "gapsblocks_forms",
                column: "CaseManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_gapsblocks_forms_StageDueAt",
                table: "gapsblocks_forms",
                column: "StageDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_gapsblocks_meetings_Kind_AreaId_HeldOn",
                table: "gapsblocks_meetings",
                columns: new[] { "Kind", "AreaId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_gapsblocks_more_detail_FormId",
                table: "gapsblocks_more_detail",
                column: "FormId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "gapsblocks_forms");

            migrationBuilder.DropTable(
                name: "gapsblocks_meetings");

            migrationBuilder.DropTable(
                name: "gapsblocks_more_detail");
        }
    }
}
