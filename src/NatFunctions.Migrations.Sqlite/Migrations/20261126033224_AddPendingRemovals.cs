using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NatFunctions.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddPendingRemovals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PendingRemovals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Router = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    RuleNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    MachineId = table.Column<string>(type: "TEXT", maxLength: 63, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingRemovals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PendingRemovals_Router",
                table: "PendingRemovals",
                column: "Router");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PendingRemovals");
        }
    }
}
