using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.Assessment.Infrastructure.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class InitialPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "assessment");

            migrationBuilder.CreateTable(
                name: "assessment_assessments",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Supersedes = table.Column<Guid>(type: "uuid", nullable: true),
                    SupersededBy = table.Column<Guid>(type: "uuid", nullable: true),
                    AssessorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AssessorRole = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CompletedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CompletedAt = table.Column<long>(type: "bigint", nullable: true),
                    RecommendedTier = table.Column<int>(type: "integer", nullable: true),
                    TierRationale = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Findings = table.Column<string>(type: "jsonb", nullable: false),
                    RiskFlags = table.Column<string>(type: "jsonb", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_assessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assessment_service_users",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegisteringAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegisteredAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    SexOrGender = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Chi = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Nhs = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Pps = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    PreferredLanguage = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    InterpreterNeeded = table.Column<bool>(type: "boolean", nullable: false),
                    FamilyNameKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FamilyNameSoundex = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    GivenNameKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    KnownAsKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PhoneKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EmailKey = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    AddressLine1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AddressLine2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AddressPostcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    AddressTown = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContactEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    ContactPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    KnownAs = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OtherNames = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_service_users", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_assessments_in_progress",
                schema: "assessment",
                table: "assessment_assessments",
                column: "ServiceUserId",
                unique: true,
                filter: "\"Status\" = 'InProgress'");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_assessments_ServiceUserId",
                schema: "assessment",
                table: "assessment_assessments",
                column: "ServiceUserId");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_service_users_Chi",
                schema: "assessment",
                table: "assessment_service_users",
                column: "Chi",
                unique: true,
                filter: "\"Chi\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_service_users_DateOfBirth",
                schema: "assessment",
                table: "assessment_service_users",
                column: "DateOfBirth");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_service_users_EmailKey",
                schema: "assessment",
                table: "assessment_service_users",
                column: "EmailKey");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_service_users_FamilyNameKey",
                schema: "assessment",
                table: "assessment_service_users",
                column: "FamilyNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_service_users_FamilyNameSoundex",
                schema: "assessment",
                table: "assessment_service_users",
                column: "FamilyNameSoundex");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_service_users_GivenNameKey",
                schema: "assessment",
                table: "assessment_service_users",
                column: "GivenNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_service_users_KnownAsKey",
                schema: "assessment",
                table: "assessment_service_users",
                column: "KnownAsKey");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_service_users_Nhs",
                schema: "assessment",
                table: "assessment_service_users",
                column: "Nhs",
                unique: true,
                filter: "\"Nhs\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_service_users_PhoneKey",
                schema: "assessment",
                table: "assessment_service_users",
                column: "PhoneKey");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_service_users_Pps",
                schema: "assessment",
                table: "assessment_service_users",
                column: "Pps",
                unique: true,
                filter: "\"Pps\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessment_assessments",
                schema: "assessment");

            migrationBuilder.DropTable(
                name: "assessment_service_users",
                schema: "assessment");
        }
    }
}
