using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NatFunctions.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(63)", maxLength: 63, nullable: false),
                    Role = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Prefix = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Hash = table.Column<byte[]>(type: "varbinary(32)", maxLength: 32, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastUsedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Revoked = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Key = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    ApiKeyPrefix = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    RequestHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(type: "int", nullable: false),
                    ResponseBody = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IpPools",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(63)", maxLength: 63, nullable: false),
                    Router = table.Column<string>(type: "nvarchar(63)", maxLength: 63, nullable: false),
                    Cidr = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: false),
                    RangeStart = table.Column<string>(type: "nvarchar(15)", maxLength: 15, nullable: false),
                    RangeEnd = table.Column<string>(type: "nvarchar(15)", maxLength: 15, nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IpPools", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortPools",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(63)", maxLength: 63, nullable: false),
                    Router = table.Column<string>(type: "nvarchar(63)", maxLength: 63, nullable: false),
                    StartPort = table.Column<int>(type: "int", nullable: false),
                    EndPort = table.Column<int>(type: "int", nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortPools", x => x.Id);
                    table.CheckConstraint("CK_PortPools_Range", "[StartPort] >= 1 AND [EndPort] <= 65535 AND [StartPort] <= [EndPort]");
                });

            migrationBuilder.CreateTable(
                name: "RouterChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Router = table.Column<string>(type: "nvarchar(63)", maxLength: 63, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Trigger = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(63)", maxLength: 63, nullable: true),
                    Commands = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Result = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    RouterOutput = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    DriftMissing = table.Column<int>(type: "int", nullable: false),
                    DriftChanged = table.Column<int>(type: "int", nullable: false),
                    DriftExtra = table.Column<int>(type: "int", nullable: false),
                    UnmanagedSeen = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RouterChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Vms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MachineId = table.Column<string>(type: "nvarchar(63)", maxLength: 63, nullable: false),
                    MacAddress = table.Column<string>(type: "nvarchar(17)", maxLength: 17, nullable: true),
                    InternalIp = table.Column<string>(type: "nvarchar(15)", maxLength: 15, nullable: false),
                    Router = table.Column<string>(type: "nvarchar(63)", maxLength: 63, nullable: false),
                    IpPoolId = table.Column<long>(type: "bigint", nullable: false),
                    Metadata = table.Column<string>(type: "nvarchar(max)", maxLength: 4096, nullable: true),
                    DhcpSyncState = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Vms_IpPools_IpPoolId",
                        column: x => x.IpPoolId,
                        principalTable: "IpPools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PortForwards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    VmId = table.Column<long>(type: "bigint", nullable: false),
                    Router = table.Column<string>(type: "nvarchar(63)", maxLength: 63, nullable: false),
                    PortName = table.Column<string>(type: "nvarchar(63)", maxLength: 63, nullable: false),
                    Protocol = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    InternalPort = table.Column<int>(type: "int", nullable: false),
                    ExternalPort = table.Column<int>(type: "int", nullable: false),
                    SourceIp = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: true),
                    CustomDescription = table.Column<string>(type: "nvarchar(160)", maxLength: 160, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    NatRuleNumber = table.Column<int>(type: "int", nullable: false),
                    SyncState = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortForwards", x => x.Id);
                    table.CheckConstraint("CK_PortForwards_ExternalPort", "[ExternalPort] BETWEEN 1 AND 65535");
                    table.CheckConstraint("CK_PortForwards_InternalPort", "[InternalPort] BETWEEN 1 AND 65535");
                    table.ForeignKey(
                        name: "FK_PortForwards_Vms_VmId",
                        column: x => x.VmId,
                        principalTable: "Vms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Name",
                table: "ApiKeys",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Prefix",
                table: "ApiKeys",
                column: "Prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_ApiKeyPrefix_Key",
                table: "IdempotencyRecords",
                columns: new[] { "ApiKeyPrefix", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_ExpiresAt",
                table: "IdempotencyRecords",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_IpPools_Name",
                table: "IpPools",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IpPools_Router",
                table: "IpPools",
                column: "Router");

            migrationBuilder.CreateIndex(
                name: "IX_PortForwards_Router_ExternalPort",
                table: "PortForwards",
                columns: new[] { "Router", "ExternalPort" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortForwards_Router_NatRuleNumber",
                table: "PortForwards",
                columns: new[] { "Router", "NatRuleNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortForwards_Router_SyncState",
                table: "PortForwards",
                columns: new[] { "Router", "SyncState" });

            migrationBuilder.CreateIndex(
                name: "IX_PortForwards_VmId_PortName",
                table: "PortForwards",
                columns: new[] { "VmId", "PortName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortPools_Name",
                table: "PortPools",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortPools_Router",
                table: "PortPools",
                column: "Router");

            migrationBuilder.CreateIndex(
                name: "IX_RouterChanges_Router_StartedAt",
                table: "RouterChanges",
                columns: new[] { "Router", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RouterChanges_StartedAt",
                table: "RouterChanges",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Vms_IpPoolId",
                table: "Vms",
                column: "IpPoolId");

            migrationBuilder.CreateIndex(
                name: "IX_Vms_MacAddress",
                table: "Vms",
                column: "MacAddress",
                unique: true,
                filter: "[MacAddress] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Vms_MachineId",
                table: "Vms",
                column: "MachineId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vms_Router_InternalIp",
                table: "Vms",
                columns: new[] { "Router", "InternalIp" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "PortForwards");

            migrationBuilder.DropTable(
                name: "PortPools");

            migrationBuilder.DropTable(
                name: "RouterChanges");

            migrationBuilder.DropTable(
                name: "Vms");

            migrationBuilder.DropTable(
                name: "IpPools");
        }
    }
}
