using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.Protocols.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AreaJurisdiction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Jurisdiction",
                table: "protocols_areas",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            // Areas made before jurisdictions had only a clock. Europe/Dublin is Ireland's alone; Europe/London
            // areas are taken as Scottish (the care pathway this system was built for); an administrator changes
            // any that are in England and Wales or Northern Ireland on the Areas page.
            migrationBuilder.Sql("UPDATE protocols_areas SET Jurisdiction = CASE WHEN TimeZone = 'Europe/Dublin' THEN 'Ireland' ELSE 'Scotland' END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Jurisdiction",
                table: "protocols_areas");
        }
    }
}
