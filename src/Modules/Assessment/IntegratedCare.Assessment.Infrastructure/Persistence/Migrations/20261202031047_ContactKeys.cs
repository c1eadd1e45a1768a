using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.Assessment.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ContactKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EmailKey",
                table: "assessment_service_users",
                type: "TEXT",
                maxLength: 254,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PhoneKey",
                table: "assessment_service_users",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            // People registered before: their keys from the stored details, as ContactKeys computes them.
            migrationBuilder.Sql("""
                UPDATE assessment_service_users SET EmailKey = lower(trim(ContactEmail));
                UPDATE assessment_service_users SET PhoneKey = replace(replace(replace(replace(replace(replace(ContactPhone, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', '');
                UPDATE assessment_service_users SET PhoneKey = substr(PhoneKey, 3) WHERE PhoneKey LIKE '00%';
                UPDATE assessment_service_users SET PhoneKey = '0' || ltrim(substr(PhoneKey, 3), '0') WHERE PhoneKey LIKE '44%' AND length(PhoneKey) >= 12;
                UPDATE assessment_service_users SET PhoneKey = '0' || ltrim(substr(PhoneKey, 4), '0') WHERE PhoneKey LIKE '353%' AND length(PhoneKey) >= 11;
                UPDATE assessment_service_users SET PhoneKey = '' WHERE length(PhoneKey) < 9;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_assessment_service_users_EmailKey",
                table: "assessment_service_users",
                column: "EmailKey");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_service_users_PhoneKey",
                table: "assessment_service_users",
                column: "PhoneKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assessment_service_users_EmailKey",
                table: "assessment_service_users");

            migrationBuilder.DropIndex(
                name: "IX_assessment_service_users_PhoneKey",
                table: "assessment_service_users");

            migrationBuilder.DropColumn(
                name: "EmailKey",
                table: "assessment_service_users");

            migrationBuilder.DropColumn(
                name: "PhoneKey",
                table: "assessment_service_users");
        }
    }
}
