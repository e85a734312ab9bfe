using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PbPeru.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PublicResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExecutionReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CycleId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Content = table.Column<string>(type: "character varying(4000000)", maxLength: 4000000, nullable: false),
                    CreationKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IssuedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutionReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExecutionReports_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectExecutions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CycleId = table.Column<int>(type: "integer", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectExecutions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectExecutions_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<int>(type: "integer", nullable: false),
                    Overall = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Information = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Training = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TechnicalEvaluation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Voting = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Transparency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyParticipations",
                columns: table => new
                {
                    CycleId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyParticipations", x => new { x.CycleId, x.UserId });
                    table.ForeignKey(
                        name: "FK_SurveyParticipations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveyParticipations_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveySettings",
                columns: table => new
                {
                    CycleId = table.Column<int>(type: "integer", nullable: false),
                    Threshold = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveySettings", x => x.CycleId);
                    table.ForeignKey(
                        name: "FK_SurveySettings_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExecutionEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectExecutionId = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProgressPercent = table.Column<int>(type: "integer", nullable: false),
                    Spent = table.Column<long>(type: "bigint", nullable: false),
                    TenderDate = table.Column<DateOnly>(type: "date", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PlannedEndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ActualEndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Observations = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreationKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAsCommittee = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutionEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExecutionEntries_ProjectExecutions_ProjectExecutionId",
                        column: x => x.ProjectExecutionId,
                        principalTable: "ProjectExecutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExecutionAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExecutionEntryId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    StorageKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutionAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExecutionAttachments_ExecutionEntries_ExecutionEntryId",
                        column: x => x.ExecutionEntryId,
                        principalTable: "ExecutionEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExecutionAttachments_ExecutionEntryId",
                table: "ExecutionAttachments",
                column: "ExecutionEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_ExecutionEntries_ProjectExecutionId_CreationKey",
                table: "ExecutionEntries",
                columns: new[] { "ProjectExecutionId", "CreationKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExecutionEntries_ProjectExecutionId_Sequence",
                table: "ExecutionEntries",
                columns: new[] { "ProjectExecutionId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExecutionReports_CycleId_CreationKey",
                table: "ExecutionReports",
                columns: new[] { "CycleId", "CreationKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExecutionReports_CycleId_Number",
                table: "ExecutionReports",
                columns: new[] { "CycleId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectExecutions_CycleId_Rank",
                table: "ProjectExecutions",
                columns: new[] { "CycleId", "Rank" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_CycleId",
                table: "SurveyAnswers",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyParticipations_UserId",
                table: "SurveyParticipations",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExecutionAttachments");

            migrationBuilder.DropTable(
                name: "ExecutionReports");

            migrationBuilder.DropTable(
                name: "SurveyAnswers");

            migrationBuilder.DropTable(
                name: "SurveyParticipations");

            migrationBuilder.DropTable(
                name: "SurveySettings");

            migrationBuilder.DropTable(
                name: "ExecutionEntries");

            migrationBuilder.DropTable(
                name: "ProjectExecutions");
        }
    }
}
