using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.Identity.Infrastructure.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class InitialPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "identity");

            migrationBuilder.CreateTable(
                name: "identity_agency_credentials",
                schema: "identity",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IssuedAt = table.Column<long>(type: "bigint", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false),
                    RevokedAt = table.Column<long>(type: "bigint", nullable: true),
                    ReplacedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_agency_credentials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "identity_staff_accounts",
                schema: "identity",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NormalizedUserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AgencyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PasswordHash = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    FailedSignIns = table.Column<int>(type: "integer", nullable: false),
                    LockedUntil = table.Column<long>(type: "bigint", nullable: true),
                    Disabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    LastSignInAt = table.Column<long>(type: "bigint", nullable: true),
                    SecurityStamp = table.Column<Guid>(type: "uuid", nullable: false),
                    Roles = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_staff_accounts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_identity_agency_credentials_AgencyId",
                schema: "identity",
                table: "identity_agency_credentials",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_identity_agency_credentials_RevokedAt",
                schema: "identity",
                table: "identity_agency_credentials",
                column: "RevokedAt");

            migrationBuilder.CreateIndex(
                name: "IX_identity_staff_accounts_NormalizedUserName",
                schema: "identity",
                table: "identity_staff_accounts",
                column: "NormalizedUserName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_agency_credentials",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "identity_staff_accounts",
                schema: "identity");
        }
    }
}
