using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.Assessment.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NameLookupIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_assessment_service_users_GivenNameKey",
                table: "assessment_service_users",
                column: "GivenNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_service_users_KnownAsKey",
                table: "assessment_service_users",
                column: "KnownAsKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assessment_service_users_GivenNameKey",
                table: "assessment_service_users");

            migrationBuilder.DropIndex(
                name: "IX_assessment_service_users_KnownAsKey",
                table: "assessment_service_users");
        }
    }
}
