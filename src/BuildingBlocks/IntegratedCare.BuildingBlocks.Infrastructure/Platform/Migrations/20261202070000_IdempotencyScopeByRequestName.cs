using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.BuildingBlocks.Infrastructure.Platform.Migrations
{
    /// <summary>
    /// Idempotency keys are scoped by the request's name, no longer its full name: the use cases moved
    /// into folders of their own (new namespaces), and a create retried across that upgrade must still
    /// find its first result. The keys kept (24 hours) are rewritten to the new scope. No model change.
    /// </summary>
    [DbContext(typeof(PlatformDbContext))]
    [Migration("20261202070000_IdempotencyScopeByRequestName")]
    public partial class IdempotencyScopeByRequestName : Migration
    {
        private static readonly string[] Requests =
        [
            "CreateAreaCommand", "CreateFormCommand", "CreateProtocolCommand", "CreateSharingProtocolCommand", "MakeReferralCommand",
            "QueueForJointAllocationCommand", "RecordAllocationMeetingCommand", "RecordConsentCommand", "RegisterAgencyCommand",
            "RegisterServiceUserCommand", "ScheduleMeetingCommand", "StartAssessmentCommand",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var request in Requests)
            {
                migrationBuilder.Sql(
                    $"UPDATE platform_idempotency_keys SET Scope = '{request}' || substr(Scope, instr(Scope, '|')) WHERE Scope LIKE '%.{request}|%';");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
