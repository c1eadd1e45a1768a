using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.Assessment.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialAssessment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessment_assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Supersedes = table.Column<Guid>(type: "TEXT", nullable: true),
                    SupersededBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssessorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AssessorRole = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RecommendedTier = table.Column<int>(type: "INTEGER", nullable: true),
                    TierRationale = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Findings = table.Column<string>(type: "TEXT", nullable: false),
                    RiskFlags = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_assessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assessment_service_users",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegisteringAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SexOrGender = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Chi = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Nhs = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Pps = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    PreferredLanguage = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    InterpreterNeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    FamilyNameKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FamilyNameSoundex = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    GivenNameKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    KnownAsKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AddressLine1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AddressLine2 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AddressPostcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    AddressTown = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    KnownAs = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OtherNames = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_service_users", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_assessments_in_progress",
                table: "assessment_assessments",
                column: "ServiceUserId",
                unique: true,
                filter: "\"Status\" = 'InProgress'");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_assessments_ServiceUserId",
                table: "assessment_assessments",
                column: "ServiceUserId");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_service_users_Chi",
                table: "assessment_service_users",
                column: "Chi",
                unique: true,
                filter: "\"Chi\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_service_users_DateOfBirth",
                table: "assessment_service_users",
                column: "DateOfBirth");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_service_users_FamilyNameKey",
                table: "assessment_service_users",
                column: "FamilyNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_service_users_FamilyNameSoundex",
                table: "assessment_service_users",
                column: "FamilyNameSoundex");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_service_users_Nhs",
                table: "assessment_service_users",
                column: "Nhs",
                unique: true,
                filter: "\"Nhs\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_service_users_Pps",
                table: "assessment_service_users",
                column: "Pps",
                unique: true,
                filter: "\"Pps\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessment_assessments");

            migrationBuilder.DropTable(
                name: "assessment_service_users");
        }
    }
}
