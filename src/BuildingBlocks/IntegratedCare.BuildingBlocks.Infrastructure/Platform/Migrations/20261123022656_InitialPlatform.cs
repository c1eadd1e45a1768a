using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.BuildingBlocks.Infrastructure.Platform.Migrations
{
    /// <inheritdoc />
    public partial class InitialPlatform : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "platform_audit_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AgencyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ResourceType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResourceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ServiceUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OutcomeDetail = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CorrelationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_audit_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_inbox_messages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_inbox_messages", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "platform_outbox_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_outbox_messages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_events_ActorId",
                table: "platform_audit_events",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_events_OccurredAt",
                table: "platform_audit_events",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_events_ResourceType_ResourceId",
                table: "platform_audit_events",
                columns: new[] { "ResourceType", "ResourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_events_ServiceUserId",
                table: "platform_audit_events",
                column: "ServiceUserId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_outbox_messages_ProcessedAt_NextAttemptAt",
                table: "platform_outbox_messages",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });

            // The audit trail is append-only: the database itself refuses to change or remove a record.
            migrationBuilder.Sql(
                "CREATE TRIGGER platform_audit_events_no_update BEFORE UPDATE ON platform_audit_events " +
                "BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER platform_audit_events_no_delete BEFORE DELETE ON platform_audit_events " +
                "BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS platform_audit_events_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS platform_audit_events_no_delete;");

            migrationBuilder.DropTable(
                name: "platform_audit_events");

            migrationBuilder.DropTable(
                name: "platform_inbox_messages");

            migrationBuilder.DropTable(
                name: "platform_outbox_messages");
        }
    }
}
