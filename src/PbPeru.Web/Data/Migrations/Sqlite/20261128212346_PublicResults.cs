using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PbPeru.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 4000000, nullable: false),
                    CreationKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IssuedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Overall = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Information = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Training = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TechnicalEvaluation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Voting = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Transparency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
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
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Threshold = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectExecutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProgressPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    Spent = table.Column<long>(type: "INTEGER", nullable: false),
                    TenderDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlannedEndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ActualEndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Observations = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreationKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAsCommittee = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExecutionEntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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
