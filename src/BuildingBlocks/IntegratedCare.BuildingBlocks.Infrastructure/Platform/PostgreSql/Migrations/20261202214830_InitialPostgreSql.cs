using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IntegratedCare.BuildingBlocks.Infrastructure.Platform.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class InitialPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "platform");

            migrationBuilder.CreateTable(
                name: "platform_audit_events",
                schema: "platform",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OccurredAt = table.Column<long>(type: "bigint", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AgencyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Roles = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Operation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ResourceType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ResourceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ServiceUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Basis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OutcomeDetail = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    CorrelationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_audit_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_cache_versions",
                schema: "platform",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_cache_versions", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "platform_data_protection_keys",
                schema: "platform",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_data_protection_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_holiday_calendars",
                schema: "platform",
                columns: table => new
                {
                    Jurisdiction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FirstYear = table.Column<int>(type: "integer", nullable: false),
                    LastYear = table.Column<int>(type: "integer", nullable: false),
                    Holidays = table.Column<string>(type: "jsonb", nullable: false),
                    LoadedAt = table.Column<long>(type: "bigint", nullable: false),
                    LoadedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_holiday_calendars", x => x.Jurisdiction);
                });

            migrationBuilder.CreateTable(
                name: "platform_idempotency_keys",
                schema: "platform",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    RequestId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Response = table.Column<string>(type: "text", nullable: false),
                    ResourceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ServiceUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_idempotency_keys", x => new { x.Scope, x.RequestId });
                });

            migrationBuilder.CreateTable(
                name: "platform_inbox_messages",
                schema: "platform",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Handler = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    HandledAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_inbox_messages", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "platform_outbox_messages",
                schema: "platform",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OccurredAt = table.Column<long>(type: "bigint", nullable: false),
                    Type = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    ProcessedAt = table.Column<long>(type: "bigint", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "bigint", nullable: true),
                    LastError = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_outbox_messages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_events_ActorId",
                schema: "platform",
                table: "platform_audit_events",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_events_OccurredAt",
                schema: "platform",
                table: "platform_audit_events",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_events_ResourceType_ResourceId",
                schema: "platform",
                table: "platform_audit_events",
                columns: new[] { "ResourceType", "ResourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_events_ServiceUserId",
                schema: "platform",
                table: "platform_audit_events",
                column: "ServiceUserId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_idempotency_keys_CreatedAt",
                schema: "platform",
                table: "platform_idempotency_keys",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_platform_outbox_messages_ProcessedAt_NextAttemptAt",
                schema: "platform",
                table: "platform_outbox_messages",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });

            // The audit trail is append-only: no update, delete or truncate, whoever asks (docs/adr/0009; the
            // README shows granting the application role INSERT and SELECT only as the second guard).
            migrationBuilder.Sql(
                "CREATE FUNCTION platform.audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ " +
                "BEGIN RAISE EXCEPTION 'audit events are append-only' USING ERRCODE = 'insufficient_privilege'; END $$;");
            migrationBuilder.Sql(
                "CREATE TRIGGER platform_audit_events_no_change BEFORE UPDATE OR DELETE ON platform.platform_audit_events " +
                "FOR EACH ROW EXECUTE FUNCTION platform.audit_events_append_only();");
            migrationBuilder.Sql(
                "CREATE TRIGGER platform_audit_events_no_truncate BEFORE TRUNCATE ON platform.platform_audit_events " +
                "FOR EACH STATEMENT EXECUTE FUNCTION platform.audit_events_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS platform_audit_events_no_change ON platform.platform_audit_events;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS platform_audit_events_no_truncate ON platform.platform_audit_events;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS platform.audit_events_append_only();");

            migrationBuilder.DropTable(
                name: "platform_audit_events",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "platform_cache_versions",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "platform_data_protection_keys",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "platform_holiday_calendars",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "platform_idempotency_keys",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "platform_inbox_messages",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "platform_outbox_messages",
                schema: "platform");
        }
    }
}
