using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.Protocols.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ConsentExpiryNotice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ExpiryNotifiedAt",
                table: "protocols_consents",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExpiryNotifiedAt",
                table: "protocols_consents");
        }
    }
}
