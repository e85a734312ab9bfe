using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PbPeru.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Coordination : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ImpactRules_LevelRule",
                table: "Cycles",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<long>(
                name: "ImpactRules_MinimumAmount",
                table: "Cycles",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "ImpactRules_MinimumReachPercent",
                table: "Cycles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CoordinationSpaces",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DepartmentUbigeo = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoordinationSpaces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoordinatedCycles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CycleId = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionUbigeo = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    GovernmentName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Population = table.Column<long>(type: "bigint", nullable: false),
                    Ceiling = table.Column<long>(type: "bigint", nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CoordinationSpaceId = table.Column<int>(type: "integer", nullable: true),
                    ImpactRules_LevelRule = table.Column<bool>(type: "boolean", nullable: false),
                    ImpactRules_MinimumAmount = table.Column<long>(type: "bigint", nullable: false),
                    ImpactRules_MinimumReachPercent = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoordinatedCycles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoordinatedCycles_CoordinationSpaces_CoordinationSpaceId",
                        column: x => x.CoordinationSpaceId,
                        principalTable: "CoordinationSpaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CoordinatedCycles_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CoordinatedProjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Origin = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProposalId = table.Column<int>(type: "integer", nullable: true),
                    OriginCycleId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Cost = table.Column<long>(type: "bigint", nullable: false),
                    ThemeName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Cui = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    CreatedByAgreement = table.Column<int>(type: "integer", nullable: true),
                    CoordinationSpaceId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoordinatedProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoordinatedProjects_CoordinationSpaces_CoordinationSpaceId",
                        column: x => x.CoordinationSpaceId,
                        principalTable: "CoordinationSpaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoordinationAgreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    MeetingNumber = table.Column<int>(type: "integer", nullable: false),
                    TargetCycleId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Cost = table.Column<long>(type: "bigint", nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RevokesAgreement = table.Column<int>(type: "integer", nullable: true),
                    ResultProject = table.Column<int>(type: "integer", nullable: true),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CoordinationSpaceId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoordinationAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoordinationAgreements_CoordinationSpaces_CoordinationSpace~",
                        column: x => x.CoordinationSpaceId,
                        principalTable: "CoordinationSpaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoordinationMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    HeldAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CoordinationSpaceId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoordinationMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoordinationMeetings_CoordinationSpaces_CoordinationSpaceId",
                        column: x => x.CoordinationSpaceId,
                        principalTable: "CoordinationSpaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoordinationMinutes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CoordinationSpaceId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoordinationMinutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoordinationMinutes_CoordinationSpaces_CoordinationSpaceId",
                        column: x => x.CoordinationSpaceId,
                        principalTable: "CoordinationSpaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoordinatedProjectDistricts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Ubigeo = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CoordinatedProjectId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoordinatedProjectDistricts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoordinatedProjectDistricts_CoordinatedProjects_Coordinated~",
                        column: x => x.CoordinatedProjectId,
                        principalTable: "CoordinatedProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoordinationAgreementProjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    ProjectNumber = table.Column<int>(type: "integer", nullable: false),
                    CoordinationAgreementId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoordinationAgreementProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoordinationAgreementProjects_CoordinationAgreements_Coordi~",
                        column: x => x.CoordinationAgreementId,
                        principalTable: "CoordinationAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoordinationAgreementShares",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    CycleId = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    CoordinationAgreementId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoordinationAgreementShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoordinationAgreementShares_CoordinationAgreements_Coordina~",
                        column: x => x.CoordinationAgreementId,
                        principalTable: "CoordinationAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoordinationAttendees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Office = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GovernmentUbigeo = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CoordinationMeetingId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoordinationAttendees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoordinationAttendees_CoordinationMeetings_CoordinationMeet~",
                        column: x => x.CoordinationMeetingId,
                        principalTable: "CoordinationMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoordinationMinutesMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingNumber = table.Column<int>(type: "integer", nullable: false),
                    CoordinationMinutesId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoordinationMinutesMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoordinationMinutesMeetings_CoordinationMinutes_Coordinatio~",
                        column: x => x.CoordinationMinutesId,
                        principalTable: "CoordinationMinutes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CoordinatedCycles_CoordinationSpaceId_CycleId",
                table: "CoordinatedCycles",
                columns: new[] { "CoordinationSpaceId", "CycleId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoordinatedCycles_CycleId",
                table: "CoordinatedCycles",
                column: "CycleId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoordinatedProjectDistricts_CoordinatedProjectId",
                table: "CoordinatedProjectDistricts",
                column: "CoordinatedProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinatedProjects_CoordinationSpaceId_Number",
                table: "CoordinatedProjects",
                columns: new[] { "CoordinationSpaceId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationAgreementProjects_CoordinationAgreementId",
                table: "CoordinationAgreementProjects",
                column: "CoordinationAgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationAgreements_CoordinationSpaceId_Number",
                table: "CoordinationAgreements",
                columns: new[] { "CoordinationSpaceId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationAgreementShares_CoordinationAgreementId",
                table: "CoordinationAgreementShares",
                column: "CoordinationAgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationAttendees_CoordinationMeetingId",
                table: "CoordinationAttendees",
                column: "CoordinationMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationMeetings_CoordinationSpaceId_Number",
                table: "CoordinationMeetings",
                columns: new[] { "CoordinationSpaceId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationMinutes_CoordinationSpaceId",
                table: "CoordinationMinutes",
                column: "CoordinationSpaceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationMinutesMeetings_CoordinationMinutesId",
                table: "CoordinationMinutesMeetings",
                column: "CoordinationMinutesId");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationSpaces_DepartmentUbigeo_FiscalYear",
                table: "CoordinationSpaces",
                columns: new[] { "DepartmentUbigeo", "FiscalYear" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoordinatedCycles");

            migrationBuilder.DropTable(
                name: "CoordinatedProjectDistricts");

            migrationBuilder.DropTable(
                name: "CoordinationAgreementProjects");

            migrationBuilder.DropTable(
                name: "CoordinationAgreementShares");

            migrationBuilder.DropTable(
                name: "CoordinationAttendees");

            migrationBuilder.DropTable(
                name: "CoordinationMinutesMeetings");

            migrationBuilder.DropTable(
                name: "CoordinatedProjects");

            migrationBuilder.DropTable(
                name: "CoordinationAgreements");

            migrationBuilder.DropTable(
                name: "CoordinationMeetings");

            migrationBuilder.DropTable(
                name: "CoordinationMinutes");

            migrationBuilder.DropTable(
                name: "CoordinationSpaces");

            migrationBuilder.DropColumn(
                name: "ImpactRules_LevelRule",
                table: "Cycles");

            migrationBuilder.DropColumn(
                name: "ImpactRules_MinimumAmount",
                table: "Cycles");

            migrationBuilder.DropColumn(
                name: "ImpactRules_MinimumReachPercent",
                table: "Cycles");
        }
    }
}
