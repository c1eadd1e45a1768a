using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.Protocols.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialProtocols : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "protocols_agencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false, collation: "NOCASE"),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrganisationCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DeactivationReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeactivatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AreaIds = table.Column<string>(type: "TEXT", nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocols_agencies", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "protocols_areas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false, collation: "NOCASE"),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CoordinatorEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    CoordinatorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CoordinatorPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CoordinatorStaffId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocols_areas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "protocols_consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordingAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ExpiryNotifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Provisions = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocols_consents", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "protocols_sharing_protocols",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActivatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Rules = table.Column<string>(type: "TEXT", nullable: false),
                    Signatories = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocols_sharing_protocols", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_protocols_agencies_Name",
                table: "protocols_agencies",
                column: "Name",
                unique: true,
                filter: "\"Status\" = 'Active'");

            migrationBuilder.CreateIndex(
                name: "IX_protocols_agencies_Type",
                table: "protocols_agencies",
                column: "Type");

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

            migrationBuilder.CreateIndex(
                name: "IX_protocols_areas_Name",
                table: "protocols_areas",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_protocols_consents_ServiceUserId",
                table: "protocols_consents",
                column: "ServiceUserId");

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

            migrationBuilder.CreateIndex(
                name: "IX_protocols_sharing_protocols_Status",
                table: "protocols_sharing_protocols",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "protocols_agencies");

            migrationBuilder.DropTable(
                name: "protocols_allocation_items");

            migrationBuilder.DropTable(
                name: "protocols_allocation_meetings");

            migrationBuilder.DropTable(
                name: "protocols_areas");

            migrationBuilder.DropTable(
                name: "protocols_consents");

            migrationBuilder.DropTable(
                name: "protocols_interagency_protocols");

            migrationBuilder.DropTable(
                name: "protocols_referrals");

            migrationBuilder.DropTable(
                name: "protocols_sharing_protocols");
        }
    }
}
