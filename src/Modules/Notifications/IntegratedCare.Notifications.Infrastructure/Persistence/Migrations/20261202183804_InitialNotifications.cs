using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.Notifications.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notifications_inbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientStaffId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EmailPending = table.Column<bool>(type: "INTEGER", nullable: false),
                    EmailedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EmailAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_inbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications_reminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CarePlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RemindOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_reminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Delivery = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LastDigestAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_settings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_inbox_EmailPending_CreatedAt",
                table: "notifications_inbox",
                columns: new[] { "EmailPending", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_inbox_RecipientStaffId_CreatedAt",
                table: "notifications_inbox",
                columns: new[] { "RecipientStaffId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_inbox_RecipientStaffId_ReadAt",
                table: "notifications_inbox",
                columns: new[] { "RecipientStaffId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_inbox_SourceKey_RecipientStaffId",
                table: "notifications_inbox",
                columns: new[] { "SourceKey", "RecipientStaffId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_reminders_ActionId",
                table: "notifications_reminders",
                column: "ActionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_reminders_DoneAt_RemindOn",
                table: "notifications_reminders",
                columns: new[] { "DoneAt", "RemindOn" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_settings_Delivery_LastDigestAt",
                table: "notifications_settings",
                columns: new[] { "Delivery", "LastDigestAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_settings_StaffId",
                table: "notifications_settings",
                column: "StaffId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notifications_inbox");

            migrationBuilder.DropTable(
                name: "notifications_reminders");

            migrationBuilder.DropTable(
                name: "notifications_settings");
        }
    }
}
