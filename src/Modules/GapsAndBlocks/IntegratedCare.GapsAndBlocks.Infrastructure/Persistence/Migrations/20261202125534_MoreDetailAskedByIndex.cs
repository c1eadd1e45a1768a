using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.GapsAndBlocks.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MoreDetailAskedByIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_gapsblocks_more_detail_AskedBy_AskedAt",
                table: "gapsblocks_more_detail",
                columns: new[] { "AskedBy", "AskedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_gapsblocks_more_detail_AskedBy_AskedAt",
                table: "gapsblocks_more_detail");
        }
    }
}
