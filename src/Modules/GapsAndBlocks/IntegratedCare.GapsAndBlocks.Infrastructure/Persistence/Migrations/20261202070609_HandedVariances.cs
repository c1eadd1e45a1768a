using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.GapsAndBlocks.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class HandedVariances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "gapsblocks_handed_variances",
                columns: table => new
                {
                    VarianceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActionAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HandedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FormId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gapsblocks_handed_variances", x => x.VarianceId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_gapsblocks_handed_variances_LeadAgencyId_HandedAt",
                table: "gapsblocks_handed_variances",
                columns: new[] { "LeadAgencyId", "HandedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "gapsblocks_handed_variances");
        }
    }
}
