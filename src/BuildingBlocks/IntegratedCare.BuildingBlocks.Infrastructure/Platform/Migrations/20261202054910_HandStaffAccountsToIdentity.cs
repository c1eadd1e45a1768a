using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.BuildingBlocks.Infrastructure.Platform.Migrations
{
    /// <inheritdoc />
    public partial class HandStaffAccountsToIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Staff accounts and partner credentials now belong to the Identity module (ADR 0006), whose
            // tables are migrated before the platform's: the rows move there unchanged, then these go.
            // A host without the Identity module (the platform's own tests) gets the tables in Identity's
            // shape here, so the move never depends on which modules a host has.
            migrationBuilder.Sql(
                """
                CREATE TABLE IF NOT EXISTS "identity_staff_accounts" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_identity_staff_accounts" PRIMARY KEY,
                    "UserName" TEXT NOT NULL, "NormalizedUserName" TEXT NOT NULL, "DisplayName" TEXT NOT NULL,
                    "AgencyId" TEXT NULL, "PasswordHash" TEXT NOT NULL, "FailedSignIns" INTEGER NOT NULL,
                    "LockedUntil" INTEGER NULL, "Disabled" INTEGER NOT NULL, "CreatedAt" INTEGER NOT NULL,
                    "LastSignInAt" INTEGER NULL, "SecurityStamp" TEXT NOT NULL, "Roles" TEXT NOT NULL, "Version" INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS "identity_agency_credentials" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_identity_agency_credentials" PRIMARY KEY,
                    "AgencyId" TEXT NOT NULL, "Name" TEXT NOT NULL, "IssuedAt" INTEGER NOT NULL, "IssuedBy" TEXT NOT NULL,
                    "ExpiresAt" INTEGER NOT NULL, "RevokedAt" INTEGER NULL, "ReplacedBy" TEXT NULL, "Version" INTEGER NOT NULL);
                """);
            migrationBuilder.Sql(
                """
                INSERT INTO identity_staff_accounts
                    (Id, UserName, NormalizedUserName, DisplayName, AgencyId, Roles, PasswordHash, FailedSignIns,
                     LockedUntil, Disabled, CreatedAt, LastSignInAt, SecurityStamp, Version)
                SELECT Id, UserName, NormalizedUserName, DisplayName, AgencyId, Roles, PasswordHash, FailedSignIns,
                       LockedUntil, Disabled, CreatedAt, LastSignInAt, SecurityStamp, Version
                FROM platform_staff_accounts;
                """);
            migrationBuilder.Sql(
                """
                INSERT INTO identity_agency_credentials
                    (Id, AgencyId, Name, IssuedAt, IssuedBy, ExpiresAt, RevokedAt, ReplacedBy, Version)
                SELECT Id, AgencyId, Name, IssuedAt, IssuedBy, ExpiresAt, RevokedAt, ReplacedBy, 0
                FROM platform_agency_credentials;
                """);

            migrationBuilder.DropTable(
                name: "platform_agency_credentials");

            migrationBuilder.DropTable(
                name: "platform_staff_accounts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "platform_agency_credentials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReplacedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_agency_credentials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_staff_accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Disabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FailedSignIns = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSignInAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    SecurityStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_staff_accounts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_platform_agency_credentials_AgencyId",
                table: "platform_agency_credentials",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_staff_accounts_NormalizedUserName",
                table: "platform_staff_accounts",
                column: "NormalizedUserName",
                unique: true);
        }
    }
}
