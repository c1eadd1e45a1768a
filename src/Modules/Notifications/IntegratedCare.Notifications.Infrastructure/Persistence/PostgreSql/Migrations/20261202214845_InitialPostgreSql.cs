using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.Notifications.Infrastructure.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class InitialPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "notifications");

            migrationBuilder.CreateTable(
                name: "notifications_inbox",
                schema: "notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientStaffId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Link = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ReadAt = table.Column<long>(type: "bigint", nullable: true),
                    EmailPending = table.Column<bool>(type: "boolean", nullable: false),
                    EmailedAt = table.Column<long>(type: "bigint", nullable: true),
                    EmailAttempts = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_inbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications_reminders",
                schema: "notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CarePlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RemindOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DoneAt = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_reminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications_settings",
                schema: "notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Delivery = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LastDigestAt = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_settings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_inbox_EmailPending_CreatedAt",
                schema: "notifications",
                table: "notifications_inbox",
                columns: new[] { "EmailPending", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_inbox_RecipientStaffId_CreatedAt",
                schema: "notifications",
                table: "notifications_inbox",
                columns: new[] { "RecipientStaffId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_inbox_RecipientStaffId_ReadAt",
                schema: "notifications",
                table: "notifications_inbox",
                columns: new[] { "RecipientStaffId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_inbox_SourceKey_RecipientStaffId",
                schema: "notifications",
                table: "notifications_inbox",
                columns: new[] { "SourceKey", "RecipientStaffId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_reminders_ActionId",
                schema: "notifications",
                table: "notifications_reminders",
                column: "ActionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_reminders_DoneAt_RemindOn",
                schema: "notifications",
                table: "notifications_reminders",
                columns: new[] { "DoneAt", "RemindOn" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_settings_Delivery_LastDigestAt",
                schema: "notifications",
                table: "notifications_settings",
                columns: new[] { "Delivery", "LastDigestAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_settings_StaffId",
                schema: "notifications",
                table: "notifications_settings",
                column: "StaffId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notifications_inbox",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "notifications_reminders",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "notifications_settings",
                schema: "notifications");
        }
    }
}
