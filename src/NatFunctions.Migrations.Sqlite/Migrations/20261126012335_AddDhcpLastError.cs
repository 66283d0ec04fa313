using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NatFunctions.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddDhcpLastError : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DhcpLastError",
                table: "Vms",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DhcpLastError",
                table: "Vms");
        }
    }
}
