using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PbPeru.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Deliberation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "CycleId",
                table: "Meetings",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "Agenda",
                table: "Meetings",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CoordinationSpaceId",
                table: "Meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Minutes",
                table: "Meetings",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MinutesRecordedAt",
                table: "Meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "Meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RecordedAt",
                table: "Meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "Meetings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedByUserId",
                table: "Meetings",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConsensusRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreationKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsensusRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsensusRecords_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConsensusRecords_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingAgreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingAgreements_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingDocuments_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingGuests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Office = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    GovernmentUbigeo = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingGuests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingGuests_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreationKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HiddenReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    HiddenByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    HiddenByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HiddenAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalQuestions_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProposalQuestions_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProposalQuestions_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProposalAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Official = table.Column<bool>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreationKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HiddenReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    HiddenByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    HiddenByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HiddenAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalAnswers_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProposalAnswers_ProposalQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "ProposalQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContentReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Target = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReporterUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ReporterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentReports_AspNetUsers_ReporterUserId",
                        column: x => x.ReporterUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContentReports_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContentReports_ProposalAnswers_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "ProposalAnswers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContentReports_ProposalQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "ProposalQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ModerationLog",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Target = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModerationLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModerationLog_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ModerationLog_ProposalAnswers_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "ProposalAnswers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ModerationLog_ProposalQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "ProposalQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_CoordinationSpaceId_Number",
                table: "Meetings",
                columns: new[] { "CoordinationSpaceId", "Number" },
                unique: true,
                filter: "\"CoordinationSpaceId\" IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Meetings_CycleOrCoordinationSpace",
                table: "Meetings",
                sql: "(\"CycleId\" IS NULL) <> (\"CoordinationSpaceId\" IS NULL) AND (\"CoordinationSpaceId\" IS NULL) = (\"Number\" IS NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_ConsensusRecords_CycleId_CreationKey",
                table: "ConsensusRecords",
                columns: new[] { "CycleId", "CreationKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsensusRecords_CycleId_Subject_Once",
                table: "ConsensusRecords",
                columns: new[] { "CycleId", "Subject" },
                unique: true,
                filter: "\"Subject\" <> 'Other'");

            migrationBuilder.CreateIndex(
                name: "IX_ConsensusRecords_MeetingId",
                table: "ConsensusRecords",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentReports_AnswerId",
                table: "ContentReports",
                column: "AnswerId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentReports_CycleId_ClosedAt",
                table: "ContentReports",
                columns: new[] { "CycleId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentReports_QuestionId",
                table: "ContentReports",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentReports_ReporterUserId_Target_TargetId",
                table: "ContentReports",
                columns: new[] { "ReporterUserId", "Target", "TargetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAgreements_MeetingId_Position",
                table: "MeetingAgreements",
                columns: new[] { "MeetingId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingDocuments_MeetingId",
                table: "MeetingDocuments",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingGuests_MeetingId_Position",
                table: "MeetingGuests",
                columns: new[] { "MeetingId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModerationLog_AnswerId",
                table: "ModerationLog",
                column: "AnswerId");

            migrationBuilder.CreateIndex(
                name: "IX_ModerationLog_CycleId_At",
                table: "ModerationLog",
                columns: new[] { "CycleId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ModerationLog_QuestionId",
                table: "ModerationLog",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalAnswers_AuthorUserId",
                table: "ProposalAnswers",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalAnswers_QuestionId_CreationKey",
                table: "ProposalAnswers",
                columns: new[] { "QuestionId", "CreationKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalQuestions_AuthorUserId",
                table: "ProposalQuestions",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalQuestions_CycleId_AskedAt",
                table: "ProposalQuestions",
                columns: new[] { "CycleId", "AskedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalQuestions_ProposalId_CreationKey",
                table: "ProposalQuestions",
                columns: new[] { "ProposalId", "CreationKey" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Meetings_CoordinationSpaces_CoordinationSpaceId",
                table: "Meetings",
                column: "CoordinationSpaceId",
                principalTable: "CoordinationSpaces",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            // Issue 9 (part B): coordination meetings folded into Meetings.
            // Copied before the old tables are dropped: every meeting and attendee is kept (see /tmp/brief9/patchfold.py).
            // EF rebuilds Meetings on SQLite after every other step; until then a stand-in without constraints holds the rows.
            migrationBuilder.Sql(@"PRAGMA foreign_keys = 0;
BEGIN;
CREATE TABLE ""ef_fold_Meetings"" AS SELECT * FROM ""Meetings"";
DROP TABLE ""Meetings"";
ALTER TABLE ""ef_fold_Meetings"" RENAME TO ""Meetings"";
CREATE UNIQUE INDEX ""IX_ef_fold_Meetings_Id"" ON ""Meetings"" (""Id"");

INSERT INTO ""Meetings"" (""Id"", ""CycleId"", ""Kind"", ""Title"", ""StartsAt"", ""Place"", ""Facilitator"", ""CoordinationSpaceId"", ""Number"", ""RecordedByUserId"", ""RecordedBy"", ""RecordedAt"")
SELECT (SELECT COALESCE(MAX(""Id""), 0) FROM ""Meetings"") + ROW_NUMBER() OVER (ORDER BY c.""Id""), NULL, 'CoordinationMeeting', 'Reunión de coordinación N.º ' || c.""Number"", c.""HeldAt"", c.""Place"", '', c.""CoordinationSpaceId"", c.""Number"", c.""RecordedByUserId"", c.""RecordedBy"", c.""RecordedAt""
FROM ""CoordinationMeetings"" AS c
WHERE NOT EXISTS (SELECT 1 FROM ""Meetings"" AS x WHERE x.""CoordinationSpaceId"" = c.""CoordinationSpaceId"" AND x.""Number"" = c.""Number"")
ORDER BY c.""Id"";

INSERT INTO ""MeetingGuests"" (""MeetingId"", ""Position"", ""Name"", ""Office"", ""Category"", ""Sex"", ""GovernmentUbigeo"")
SELECT m.""Id"", a.""Position"", a.""Name"", a.""Office"", 'Authority', NULL, a.""GovernmentUbigeo""
FROM ""CoordinationAttendees"" AS a
JOIN ""CoordinationMeetings"" AS c ON c.""Id"" = a.""CoordinationMeetingId""
JOIN ""Meetings"" AS m ON m.""CoordinationSpaceId"" = c.""CoordinationSpaceId"" AND m.""Number"" = c.""Number"" AND m.""CycleId"" IS NULL
WHERE NOT EXISTS (SELECT 1 FROM ""MeetingGuests"" AS g WHERE g.""MeetingId"" = m.""Id"" AND g.""Position"" = a.""Position"")
ORDER BY a.""Id"";
COMMIT;
PRAGMA foreign_keys = 1;", suppressTransaction: true);

            migrationBuilder.DropTable(
                name: "CoordinationAttendees");

            migrationBuilder.DropTable(
                name: "CoordinationMeetings");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The coordination meetings now live in Meetings; going back would drop them.
            throw new NotSupportedException("The Deliberation migration folds the coordination meetings into Meetings and cannot be reverted without losing them; restore a backup instead.");
        }
    }
}
