using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.Protocols.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SweepIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_protocols_referrals_Status_DueAt",
                table: "protocols_referrals");

            migrationBuilder.CreateIndex(
                name: "IX_protocols_referrals_lapsing_due",
                table: "protocols_referrals",
                column: "DueAt",
                filter: "\"Status\" IN ('Requested', 'Received') AND \"OverdueAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_protocols_referrals_overdue_due",
                table: "protocols_referrals",
                column: "DueAt",
                filter: "\"Status\" IN ('Requested', 'Received') AND \"OverdueAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_protocols_consents_expiry_due",
                table: "protocols_consents",
                column: "ExpiresAt",
                filter: "\"Status\" = 'Active' AND \"ExpiresAt\" IS NOT NULL AND \"ExpiryNotifiedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_protocols_referrals_lapsing_due",
                table: "protocols_referrals");

            migrationBuilder.DropIndex(
                name: "IX_protocols_referrals_overdue_due",
                table: "protocols_referrals");

            migrationBuilder.DropIndex(
                name: "IX_protocols_consents_expiry_due",
                table: "protocols_consents");

            migrationBuilder.CreateIndex(
                name: "IX_protocols_referrals_Status_DueAt",
                table: "protocols_referrals",
                columns: new[] { "Status", "DueAt" });
        }
    }
}
