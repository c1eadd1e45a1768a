using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.Protocols.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class JointAllocation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "protocols_allocation_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QueuedByAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LeadAgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AllocatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastMeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Deferrals = table.Column<int>(type: "INTEGER", nullable: false),
                    LastDeferralReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ContributingAgencyIds = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocols_allocation_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "protocols_allocation_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AttendeeAgencyIds = table.Column<string>(type: "TEXT", nullable: false),
                    DecidedItemIds = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocols_allocation_meetings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_protocols_allocation_items_AreaId_Status",
                table: "protocols_allocation_items",
                columns: new[] { "AreaId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_protocols_allocation_items_ReferralId",
                table: "protocols_allocation_items",
                column: "ReferralId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_protocols_allocation_meetings_AreaId",
                table: "protocols_allocation_meetings",
                column: "AreaId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "protocols_allocation_items");

            migrationBuilder.DropTable(
                name: "protocols_allocation_meetings");
        }
    }
}
