using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.BuildingBlocks.Infrastructure.Platform.Migrations
{
    /// <inheritdoc />
    public partial class SharedKeysAndCacheVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "platform_cache_versions",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_cache_versions", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "platform_data_protection_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_data_protection_keys", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "platform_cache_versions");

            migrationBuilder.DropTable(
                name: "platform_data_protection_keys");
        }
    }
}
