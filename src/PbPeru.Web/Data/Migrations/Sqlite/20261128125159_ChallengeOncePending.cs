using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PbPeru.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChallengeOncePending : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Challenges_AgentId",
                table: "Challenges");

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_AgentId_FiledByUserId",
                table: "Challenges",
                columns: new[] { "AgentId", "FiledByUserId" },
                unique: true,
                filter: "\"Status\" = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Challenges_AgentId_FiledByUserId",
                table: "Challenges");

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_AgentId",
                table: "Challenges",
                column: "AgentId");
        }
    }
}
