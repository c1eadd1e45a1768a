using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.BuildingBlocks.Infrastructure.Platform.Migrations
{
    /// <inheritdoc />
    public partial class WiderAuditBasis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit basis grew from 200 to 1000 characters (a sharing decision names its protocol, rule,
            // consent and any override reason). SQLite does not enforce TEXT lengths, so nothing changes in
            // the file; the model snapshot records the new limit for providers that do.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
