using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PbPeru.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FinalVote : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FinalVotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Budget = table.Column<long>(type: "INTEGER", nullable: false),
                    OpensAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PreparedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PreparedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PreparedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Rules_BallotType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Rules_CountingRule = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Rules_MaxApprovals = table.Column<int>(type: "INTEGER", nullable: true),
                    Rules_MaxPointsPerProject = table.Column<int>(type: "INTEGER", nullable: true),
                    Rules_RankingLength = table.Column<int>(type: "INTEGER", nullable: true),
                    Rules_RunningCountsVisible = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rules_SupportThreshold = table.Column<int>(type: "INTEGER", nullable: true),
                    Rules_TotalPoints = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FinalVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FinalVotes_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgentBallots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FinalVoteId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Choices = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstCastAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CastAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceiptHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubmissionHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentBallots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgentBallots_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgentBallots_FinalVotes_FinalVoteId",
                        column: x => x.FinalVoteId,
                        principalTable: "FinalVotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BallotItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Cost = table.Column<long>(type: "INTEGER", nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProjectNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Cui = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    TechnicalScore = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    ThemeName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    FinalVoteId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BallotItems_FinalVotes_FinalVoteId",
                        column: x => x.FinalVoteId,
                        principalTable: "FinalVotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VoteResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FinalVoteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RuleName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Voters = table.Column<int>(type: "INTEGER", nullable: false),
                    Budget = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalCost = table.Column<long>(type: "INTEGER", nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ComputedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ComputedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ConsensusMinutes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoteResults_FinalVotes_FinalVoteId",
                        column: x => x.FinalVoteId,
                        principalTable: "FinalVotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VoteSubstitutions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TitularAgentId = table.Column<int>(type: "INTEGER", nullable: false),
                    SuplenteAgentId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinalVoteId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteSubstitutions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoteSubstitutions_Agents_SuplenteAgentId",
                        column: x => x.SuplenteAgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VoteSubstitutions_Agents_TitularAgentId",
                        column: x => x.TitularAgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VoteSubstitutions_FinalVotes_FinalVoteId",
                        column: x => x.FinalVoteId,
                        principalTable: "FinalVotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResultLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Support = table.Column<long>(type: "INTEGER", nullable: false),
                    SelectionOrder = table.Column<int>(type: "INTEGER", nullable: true),
                    SharePerSupporter = table.Column<decimal>(type: "TEXT", precision: 24, scale: 4, nullable: true),
                    Payers = table.Column<int>(type: "INTEGER", nullable: true),
                    VoteResultId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultLines_VoteResults_VoteResultId",
                        column: x => x.VoteResultId,
                        principalTable: "VoteResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgentBallots_AgentId",
                table: "AgentBallots",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_AgentBallots_FinalVoteId_AgentId",
                table: "AgentBallots",
                columns: new[] { "FinalVoteId", "AgentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BallotItems_FinalVoteId_Position",
                table: "BallotItems",
                columns: new[] { "FinalVoteId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FinalVotes_CycleId",
                table: "FinalVotes",
                column: "CycleId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResultLines_VoteResultId",
                table: "ResultLines",
                column: "VoteResultId");

            migrationBuilder.CreateIndex(
                name: "IX_VoteResults_FinalVoteId",
                table: "VoteResults",
                column: "FinalVoteId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoteSubstitutions_FinalVoteId_SuplenteAgentId",
                table: "VoteSubstitutions",
                columns: new[] { "FinalVoteId", "SuplenteAgentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoteSubstitutions_FinalVoteId_TitularAgentId",
                table: "VoteSubstitutions",
                columns: new[] { "FinalVoteId", "TitularAgentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoteSubstitutions_SuplenteAgentId",
                table: "VoteSubstitutions",
                column: "SuplenteAgentId");

            migrationBuilder.CreateIndex(
                name: "IX_VoteSubstitutions_TitularAgentId",
                table: "VoteSubstitutions",
                column: "TitularAgentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgentBallots");

            migrationBuilder.DropTable(
                name: "BallotItems");

            migrationBuilder.DropTable(
                name: "ResultLines");

            migrationBuilder.DropTable(
                name: "VoteSubstitutions");

            migrationBuilder.DropTable(
                name: "VoteResults");

            migrationBuilder.DropTable(
                name: "FinalVotes");
        }
    }
}
