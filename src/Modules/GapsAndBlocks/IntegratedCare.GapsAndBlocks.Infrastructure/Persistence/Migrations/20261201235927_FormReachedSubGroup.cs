using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegratedCare.GapsAndBlocks.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FormReachedSubGroup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ReachedSubGroup",
                table: "gapsblocks_forms",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Forms that went to the sub-group before: read out of their transitions.
            migrationBuilder.Sql("""
                UPDATE gapsblocks_forms SET ReachedSubGroup = EXISTS (
                    SELECT 1 FROM json_each(Transitions) t WHERE json_extract(t.value, '$.To') = 'AtSubGroup');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReachedSubGroup",
                table: "gapsblocks_forms");
        }
    }
}
