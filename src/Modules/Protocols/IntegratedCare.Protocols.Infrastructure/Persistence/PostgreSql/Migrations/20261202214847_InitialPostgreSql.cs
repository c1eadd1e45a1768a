using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.Protocols.Infrastructure.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class InitialPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "protocols");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:CollationDefinition:public.case_insensitive", "und-u-ks-level2,und-u-ks-level2,icu,False");

            migrationBuilder.CreateTable(
                name: "protocols_agencies",
                schema: "protocols",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "case_insensitive"),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OrganisationCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DeactivationReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    DeactivatedAt = table.Column<long>(type: "bigint", nullable: true),
                    AreaIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    ContactEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    ContactPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocols_agencies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "protocols_allocation_items",
                schema: "protocols",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    QueuedByAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    QueuedAt = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LeadAgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    AllocatedAt = table.Column<long>(type: "bigint", nullable: true),
                    LastMeetingId = table.Column<Guid>(type: "uuid", nullable: true),
                    Deferrals = table.Column<int>(type: "integer", nullable: false),
                    LastDeferralReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ContributingAgencyIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocols_allocation_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "protocols_allocation_meetings",
                schema: "protocols",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<long>(type: "bigint", nullable: false),
                    AttendeeAgencyIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    DecidedItemIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocols_allocation_meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "protocols_areas",
                schema: "protocols",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "case_insensitive"),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Jurisdiction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CoordinatorEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    CoordinatorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CoordinatorPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CoordinatorStaffId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocols_areas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "protocols_consents",
                schema: "protocols",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordingAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecordedAt = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: true),
                    WithdrawnAt = table.Column<long>(type: "bigint", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ExpiryNotifiedAt = table.Column<long>(type: "bigint", nullable: true),
                    Provisions = table.Column<string>(type: "jsonb", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocols_consents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "protocols_interagency_protocols",
                schema: "protocols",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReferralCriteria = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReviewDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    PartyAgencies = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    PartyTypes = table.Column<string>(type: "jsonb", nullable: false),
                    EscalationEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    EscalationPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EscalationRole = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ResponseTimeAmount = table.Column<int>(type: "integer", nullable: false),
                    ResponseTimeUnit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocols_interagency_protocols", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "protocols_referrals",
                schema: "protocols",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtocolId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RequestedAt = table.Column<long>(type: "bigint", nullable: false),
                    DueAt = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: true),
                    AnsweredAt = table.Column<long>(type: "bigint", nullable: true),
                    RejectionReason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ClosedAt = table.Column<long>(type: "bigint", nullable: true),
                    OverdueAt = table.Column<long>(type: "bigint", nullable: true),
                    SharedCategories = table.Column<string>(type: "jsonb", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocols_referrals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "protocols_sharing_protocols",
                schema: "protocols",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ActivatedAt = table.Column<long>(type: "bigint", nullable: true),
                    Rules = table.Column<string>(type: "jsonb", nullable: false),
                    Signatories = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocols_sharing_protocols", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_protocols_agencies_Name",
                schema: "protocols",
                table: "protocols_agencies",
                column: "Name",
                unique: true,
                filter: "\"Status\" = 'Active'");

            migrationBuilder.CreateIndex(
                name: "IX_protocols_agencies_Type",
                schema: "protocols",
                table: "protocols_agencies",
                column: "Type");

            migrationBuilder.CreateIndex(
                name: "IX_protocols_allocation_items_AreaId_Status",
                schema: "protocols",
                table: "protocols_allocation_items",
                columns: new[] { "AreaId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_protocols_allocation_items_ReferralId",
                schema: "protocols",
                table: "protocols_allocation_items",
                column: "ReferralId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_protocols_allocation_meetings_AreaId",
                schema: "protocols",
                table: "protocols_allocation_meetings",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_protocols_areas_Name",
                schema: "protocols",
                table: "protocols_areas",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_protocols_consents_expiry_due",
                schema: "protocols",
                table: "protocols_consents",
                column: "ExpiresAt",
                filter: "\"Status\" = 'Active' AND \"ExpiresAt\" IS NOT NULL AND \"ExpiryNotifiedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_protocols_consents_ServiceUserId",
                schema: "protocols",
                table: "protocols_consents",
                column: "ServiceUserId");

            migrationBuilder.CreateIndex(
                name: "IX_protocols_referrals_FromAgencyId_Status",
                schema: "protocols",
                table: "protocols_referrals",
                columns: new[] { "FromAgencyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_protocols_referrals_lapsing_due",
                schema: "protocols",
                table: "protocols_referrals",
                column: "DueAt",
                filter: "\"Status\" IN ('Requested', 'Received') AND \"OverdueAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_protocols_referrals_overdue_due",
                schema: "protocols",
                table: "protocols_referrals",
                column: "DueAt",
                filter: "\"Status\" IN ('Requested', 'Received') AND \"OverdueAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_protocols_referrals_ToAgencyId_Status",
                schema: "protocols",
                table: "protocols_referrals",
                columns: new[] { "ToAgencyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_protocols_sharing_protocols_Status",
                schema: "protocols",
                table: "protocols_sharing_protocols",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "protocols_agencies",
                schema: "protocols");

            migrationBuilder.DropTable(
                name: "protocols_allocation_items",
                schema: "protocols");

            migrationBuilder.DropTable(
                name: "protocols_allocation_meetings",
                schema: "protocols");

            migrationBuilder.DropTable(
                name: "protocols_areas",
                schema: "protocols");

            migrationBuilder.DropTable(
                name: "protocols_consents",
                schema: "protocols");

            migrationBuilder.DropTable(
                name: "protocols_interagency_protocols",
                schema: "protocols");

            migrationBuilder.DropTable(
                name: "protocols_referrals",
                schema: "protocols");

            migrationBuilder.DropTable(
                name: "protocols_sharing_protocols",
                schema: "protocols");
        }
    }
}
