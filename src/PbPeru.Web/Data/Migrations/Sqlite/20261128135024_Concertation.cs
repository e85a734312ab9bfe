using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PbPeru.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Concertation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ProposalRules_DisagreementLevels",
                table: "Cycles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<int>(
                name: "ProposalRules_MinimumBeneficiaries",
                table: "Cycles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ProposalRules_ObservationAnswerDays",
                table: "Cycles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.AddColumn<int>(
                name: "ProposalRules_ThemeBonusPercent",
                table: "Cycles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 20);

            migrationBuilder.AddColumn<int>(
                name: "ProposalRules_ThemePointsPerAgent",
                table: "Cycles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 10);

            migrationBuilder.AddColumn<string>(
                name: "ProposalRules_ThemePriorityUse",
                table: "Cycles",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "ProposalRules_ThemeVoting",
                table: "Cycles",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Ranking");

            migrationBuilder.CreateTable(
                name: "Briefings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Briefings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Briefings_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Proposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false),
                    EstimatedCost = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    Beneficiaries = table.Column<int>(type: "INTEGER", nullable: false),
                    Cui = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    ProposerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AgentId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreationKey = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Proposals_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_AspNetUsers_ProposerUserId",
                        column: x => x.ProposerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_CycleThemes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "CycleThemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TechnicalReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Ceiling = table.Column<long>(type: "INTEGER", nullable: false),
                    SelectedTotal = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TechnicalReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TechnicalReports_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ThemeVotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CastAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThemeVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ThemeVotes_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ThemeVotes_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BriefingAgreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    BriefingId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BriefingAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BriefingAgreements_Briefings_BriefingId",
                        column: x => x.BriefingId,
                        principalTable: "Briefings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BriefingDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BriefingId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BriefingDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BriefingDocuments_Briefings_BriefingId",
                        column: x => x.BriefingId,
                        principalTable: "Briefings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalCofinancing",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Entity = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalCofinancing", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalCofinancing_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalDistricts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Ubigeo = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalDistricts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalDistricts_Jurisdictions_Ubigeo",
                        column: x => x.Ubigeo,
                        principalTable: "Jurisdictions",
                        principalColumn: "Ubigeo",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProposalDistricts_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalDocuments_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    SheetsVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsolidatedVerdict = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ConsolidatedCost = table.Column<long>(type: "INTEGER", nullable: true),
                    ConsolidationMinutes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ConsolidatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConsolidatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ConsolidatedSheetsVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    FrozenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalReviews_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProposalReviews_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalYears",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalYears", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalYears_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TechnicalReportCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CriterionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    WeightPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    LowestLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    HighestLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    FromThemePriority = table.Column<bool>(type: "INTEGER", nullable: false),
                    TechnicalReportId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TechnicalReportCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TechnicalReportCriteria_TechnicalReports_TechnicalReportId",
                        column: x => x.TechnicalReportId,
                        principalTable: "TechnicalReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TechnicalReportEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    SettledByConsolidation = table.Column<bool>(type: "INTEGER", nullable: false),
                    EstimatedCost = table.Column<long>(type: "INTEGER", nullable: false),
                    FinalCost = table.Column<long>(type: "INTEGER", nullable: false),
                    Cofinancing = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    Beneficiaries = table.Column<int>(type: "INTEGER", nullable: false),
                    Selected = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeftOut = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RemainingBefore = table.Column<long>(type: "INTEGER", nullable: true),
                    TechnicalReportId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TechnicalReportEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TechnicalReportEntries_TechnicalReports_TechnicalReportId",
                        column: x => x.TechnicalReportId,
                        principalTable: "TechnicalReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ThemeVoteEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeVoteId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThemeVoteEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ThemeVoteEntries_CycleThemes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "CycleThemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ThemeVoteEntries_ThemeVotes_ThemeVoteId",
                        column: x => x.ThemeVoteId,
                        principalTable: "ThemeVotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EvaluatorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    EvaluatorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AssignedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProposalReviewId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationAssignments_AspNetUsers_EvaluatorUserId",
                        column: x => x.EvaluatorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationAssignments_ProposalReviews_ProposalReviewId",
                        column: x => x.ProposalReviewId,
                        principalTable: "ProposalReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationObservations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AskedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AskedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ProposalReviewId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationObservations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationObservations_ProposalReviews_ProposalReviewId",
                        column: x => x.ProposalReviewId,
                        principalTable: "ProposalReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationSheets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EvaluatorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    EvaluatorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Eligible = table.Column<bool>(type: "INTEGER", nullable: false),
                    EligibilityReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Viability = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AdjustedCost = table.Column<long>(type: "INTEGER", nullable: true),
                    CostJustification = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProposalReviewId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationSheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationSheets_ProposalReviews_ProposalReviewId",
                        column: x => x.ProposalReviewId,
                        principalTable: "ProposalReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TechnicalReportScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CriterionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Mean = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    TechnicalReportEntryId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TechnicalReportScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TechnicalReportScores_TechnicalReportEntries_TechnicalReportEntryId",
                        column: x => x.TechnicalReportEntryId,
                        principalTable: "TechnicalReportEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CriterionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    EvaluationSheetId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationScores_EvaluationSheets_EvaluationSheetId",
                        column: x => x.EvaluationSheetId,
                        principalTable: "EvaluationSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BriefingAgreements_BriefingId",
                table: "BriefingAgreements",
                column: "BriefingId");

            migrationBuilder.CreateIndex(
                name: "IX_BriefingDocuments_BriefingId",
                table: "BriefingDocuments",
                column: "BriefingId");

            migrationBuilder.CreateIndex(
                name: "IX_Briefings_CycleId",
                table: "Briefings",
                column: "CycleId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationAssignments_EvaluatorUserId",
                table: "EvaluationAssignments",
                column: "EvaluatorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationAssignments_ProposalReviewId_EvaluatorUserId",
                table: "EvaluationAssignments",
                columns: new[] { "ProposalReviewId", "EvaluatorUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationObservations_ProposalReviewId",
                table: "EvaluationObservations",
                column: "ProposalReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationScores_EvaluationSheetId_CriterionId",
                table: "EvaluationScores",
                columns: new[] { "EvaluationSheetId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationSheets_ProposalReviewId_EvaluatorUserId",
                table: "EvaluationSheets",
                columns: new[] { "ProposalReviewId", "EvaluatorUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalCofinancing_ProposalId",
                table: "ProposalCofinancing",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalDistricts_ProposalId_Ubigeo",
                table: "ProposalDistricts",
                columns: new[] { "ProposalId", "Ubigeo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalDistricts_Ubigeo",
                table: "ProposalDistricts",
                column: "Ubigeo");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalDocuments_ProposalId",
                table: "ProposalDocuments",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalReviews_CycleId",
                table: "ProposalReviews",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalReviews_ProposalId",
                table: "ProposalReviews",
                column: "ProposalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_AgentId",
                table: "Proposals",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_CreationKey",
                table: "Proposals",
                column: "CreationKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_CycleId_Status",
                table: "Proposals",
                columns: new[] { "CycleId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_CycleId_ThemeId",
                table: "Proposals",
                columns: new[] { "CycleId", "ThemeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_OrganizationId",
                table: "Proposals",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProposerUserId",
                table: "Proposals",
                column: "ProposerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ThemeId",
                table: "Proposals",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalYears_ProposalId",
                table: "ProposalYears",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_TechnicalReportCriteria_TechnicalReportId",
                table: "TechnicalReportCriteria",
                column: "TechnicalReportId");

            migrationBuilder.CreateIndex(
                name: "IX_TechnicalReportEntries_TechnicalReportId",
                table: "TechnicalReportEntries",
                column: "TechnicalReportId");

            migrationBuilder.CreateIndex(
                name: "IX_TechnicalReports_CycleId",
                table: "TechnicalReports",
                column: "CycleId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TechnicalReportScores_TechnicalReportEntryId",
                table: "TechnicalReportScores",
                column: "TechnicalReportEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_ThemeVoteEntries_ThemeId",
                table: "ThemeVoteEntries",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_ThemeVoteEntries_ThemeVoteId",
                table: "ThemeVoteEntries",
                column: "ThemeVoteId");

            migrationBuilder.CreateIndex(
                name: "IX_ThemeVotes_AgentId",
                table: "ThemeVotes",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_ThemeVotes_CycleId_AgentId",
                table: "ThemeVotes",
                columns: new[] { "CycleId", "AgentId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BriefingAgreements");

            migrationBuilder.DropTable(
                name: "BriefingDocuments");

            migrationBuilder.DropTable(
                name: "EvaluationAssignments");

            migrationBuilder.DropTable(
                name: "EvaluationObservations");

            migrationBuilder.DropTable(
                name: "EvaluationScores");

            migrationBuilder.DropTable(
                name: "ProposalCofinancing");

            migrationBuilder.DropTable(
                name: "ProposalDistricts");

            migrationBuilder.DropTable(
                name: "ProposalDocuments");

            migrationBuilder.DropTable(
                name: "ProposalYears");

            migrationBuilder.DropTable(
                name: "TechnicalReportCriteria");

            migrationBuilder.DropTable(
                name: "TechnicalReportScores");

            migrationBuilder.DropTable(
                name: "ThemeVoteEntries");

            migrationBuilder.DropTable(
                name: "Briefings");

            migrationBuilder.DropTable(
                name: "EvaluationSheets");

            migrationBuilder.DropTable(
                name: "TechnicalReportEntries");

            migrationBuilder.DropTable(
                name: "ThemeVotes");

            migrationBuilder.DropTable(
                name: "ProposalReviews");

            migrationBuilder.DropTable(
                name: "TechnicalReports");

            migrationBuilder.DropTable(
                name: "Proposals");

            migrationBuilder.DropColumn(
                name: "ProposalRules_DisagreementLevels",
                table: "Cycles");

            migrationBuilder.DropColumn(
                name: "ProposalRules_MinimumBeneficiaries",
                table: "Cycles");

            migrationBuilder.DropColumn(
                name: "ProposalRules_ObservationAnswerDays",
                table: "Cycles");

            migrationBuilder.DropColumn(
                name: "ProposalRules_ThemeBonusPercent",
                table: "Cycles");

            migrationBuilder.DropColumn(
                name: "ProposalRules_ThemePointsPerAgent",
                table: "Cycles");

            migrationBuilder.DropColumn(
                name: "ProposalRules_ThemePriorityUse",
                table: "Cycles");

            migrationBuilder.DropColumn(
                name: "ProposalRules_ThemeVoting",
                table: "Cycles");
        }
    }
}
