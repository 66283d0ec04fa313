using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NatFunctions.Migrations.SqlServer.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Router = table.Column<string>(type: "nvarchar(63)", maxLength: 63, nullable: false),
                    RuleNumber = table.Column<int>(type: "int", nullable: true),
                    MachineId = table.Column<string>(type: "nvarchar(63)", maxLength: 63, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
