using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.Protocols.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProtocolsAndReferrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "protocols_interagency_protocols",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReferralCriteria = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReviewDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PartyAgencies = table.Column<string>(type: "TEXT", nullable: false),
                    PartyTypes = table.Column<string>(type: "TEXT", nullable: false),
                    EscalationEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    EscalationPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EscalationRole = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ResponseTimeAmount = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponseTimeUnit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocols_interagency_protocols", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "protocols_referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProtocolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OverdueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SharedCategories = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocols_referrals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_protocols_referrals_FromAgencyId_Status",
                table: "protocols_referrals",
                columns: new[] { "FromAgencyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_protocols_referrals_Status_DueAt",
                table: "protocols_referrals",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_protocols_referrals_ToAgencyId_Status",
                table: "protocols_referrals",
                columns: new[] { "ToAgencyId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "protocols_interagency_protocols");

            migrationBuilder.DropTable(
                name: "protocols_referrals");
        }
    }
}
