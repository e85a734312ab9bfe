using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Meetings;
using PbPeru.Web.Data;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Deliberation;

/// <summary>
/// The Deliberation migration folds the coordination meetings and their attendees into Meetings and
/// MeetingGuests: a database with the earlier records, migrated, keeps every row with its values.
/// </summary>
[Trait("Capability", "Deliberation")]
public sealed class MeetingFoldMigrationTests
{
    private const string PostgresBefore = "20261128212404_PublicResults";
    private const string SqliteBefore = "20261128212346_PublicResults";

    private static readonly DateTimeOffset FirstHeldAt = new(2026, 9, 14, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SecondHeldAt = new(2026, 9, 28, 14, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RecordedAt = new(2026, 9, 28, 20, 5, 0, TimeSpan.Zero);

    private static readonly (int Meeting, int Position, string Name, string Office, string Government)[] Attendees =
    [
        (1, 1, "Rosa Huamán Quispe", "Gerenta de Planeamiento", "08"),
        (1, 2, "Julio Mamani Ccori", "Alcalde", "0801"),
        (2, 1, "Elena Condori Puma", "Gerenta de Presupuesto", "0801"),
    ];

    [Fact]
    public async Task Postgres_KeepsEveryCoordinationMeetingAndAttendee_AndThePublicPageShowsThem()
    {
        var server = await PostgresServer.GetSharedAsync();
        var connectionString = await server.CreateDatabaseAsync();
        int spaceId;
        await using (var before = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options))
        {
            await before.GetService<IMigrator>().MigrateAsync(PostgresBefore);
            spaceId = await SeedOldTablesAsync(before, FirstHeldAt.UtcDateTime, SecondHeldAt.UtcDateTime, RecordedAt.UtcDateTime);
        }

        // The app migrates to the latest when it starts.
        await using var app = new PbPeruFactory { ConnectionString = connectionString };
        using var visitor = app.CreateAppClient();
        var page = await visitor.GetPageAsync($"/Public/Coordination/{spaceId}");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await AssertFoldedAsync(db, spaceId);
            Assert.Empty(await db.Database.SqlQueryRaw<string>(
                "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_name IN ('CoordinationMeetings', 'CoordinationAttendees')").ToListAsync());
        }

        // The public record shows both meetings with their attendees, and the minutes still name meeting 2.
        var meetings = page.QuerySelectorAll(".meeting").ToList();
        Assert.Equal(["1", "2"], meetings.Select(m => m.GetAttribute("data-number")));
        Assert.Contains("Sede del Gobierno Regional", meetings[0].QuerySelector("h3")!.TextContent);
        Assert.Equal(
            ["Rosa Huamán Quispe", "Julio Mamani Ccori"],
            meetings[0].QuerySelectorAll(".attendees tbody tr").Select(r => r.QuerySelector("td")!.TextContent));
        Assert.Contains("Gerenta de Presupuesto", meetings[1].TextContent);
        Assert.Contains("Acordaron priorizar el corredor vial.", page.QuerySelector(".minutes-text")!.TextContent);
        Assert.Contains("N.º 2", page.QuerySelector("#minutes")!.TextContent);
    }

    [Fact]
    public async Task Sqlite_KeepsEveryCoordinationMeetingAndAttendee_AndTheRebuiltTableKeepsItsRules()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pbperu-fold-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options;
        try
        {
            int spaceId;
            await using (var before = new SqliteAppDbContext(options))
            {
                await before.GetService<IMigrator>().MigrateAsync(SqliteBefore);

                // SQLite stores instants as UTC ticks (DateTimeOffsetToBinaryConverter).
                spaceId = await SeedOldTablesAsync(before, Ticks(FirstHeldAt), Ticks(SecondHeldAt), Ticks(RecordedAt));

                // A cycle's training with an agent present: SQLite rebuilds Meetings, which must cascade to nothing.
                await before.Database.OpenConnectionAsync();
                await before.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = 0");
                // (The filler values of the cycle and agent break their own references, not the meetings'.)
                await InsertFilledAsync(before, "Cycles", new() { ["Id"] = 5 });
                await InsertFilledAsync(before, "Agents", new() { ["Id"] = 6, ["CycleId"] = 5 });
                await InsertFilledAsync(before, "Meetings", new() { ["Id"] = 1, ["CycleId"] = 5, ["Kind"] = "Training", ["Title"] = "Capacitación 1", ["StartsAt"] = Ticks(FirstHeldAt) });
                await InsertFilledAsync(before, "MeetingAttendance", new() { ["Id"] = 1, ["MeetingId"] = 1, ["AgentId"] = 6, ["MarkedAt"] = Ticks(FirstHeldAt) });
                await before.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = 1");
            }

            await using (var after = new SqliteAppDbContext(options))
            {
                await after.Database.MigrateAsync();
                await AssertFoldedAsync(after, spaceId, cycleMeetings: 1);

                var training = await after.Meetings.AsNoTracking().Include(m => m.Attendance).SingleAsync(m => m.CycleId == 5);
                Assert.Equal((1, MeetingKind.Training, "Capacitación 1", 6), (training.Id, training.Kind, training.Title, training.Attendance.Single().AgentId));
                Assert.Empty(await after.Database.SqlQueryRaw<string>("SELECT \"table\" AS \"Value\" FROM pragma_foreign_key_check WHERE \"table\" LIKE 'Meeting%'").ToListAsync());

                // The table EF rebuilt is the model's again: its check constraint and unique numbering hold.
                var schema = await after.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'Meetings'").SingleAsync();
                Assert.Contains("CK_Meetings_CycleOrCoordinationSpace", schema, StringComparison.Ordinal);
                Assert.Contains("AUTOINCREMENT", schema, StringComparison.Ordinal);
                await Assert.ThrowsAnyAsync<DbException>(() => after.Database.ExecuteSqlRawAsync(
                    "INSERT INTO \"Meetings\" (\"Kind\", \"Title\", \"StartsAt\", \"Place\", \"Facilitator\", \"CoordinationSpaceId\", \"Number\") VALUES ('CoordinationMeeting', 't', 0, 'p', '', {0}, 2)", spaceId));
                await Assert.ThrowsAnyAsync<DbException>(() => after.Database.ExecuteSqlRawAsync(
                    "INSERT INTO \"Meetings\" (\"Kind\", \"Title\", \"StartsAt\", \"Place\", \"Facilitator\") VALUES ('Other', 't', 0, 'p', '')"));
                Assert.Empty(await after.Database.SqlQueryRaw<string>(
                    "SELECT name AS \"Value\" FROM sqlite_master WHERE name IN ('CoordinationMeetings', 'CoordinationAttendees') OR name LIKE 'ef_%'").ToListAsync());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static long Ticks(DateTimeOffset at) => new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertToProvider(at) is long ticks
        ? ticks
        : throw new InvalidOperationException();

    /// <summary>The earlier records, straight into the old tables: a space, two meetings, three attendees, minutes naming meeting 2.</summary>
    private static async Task<int> SeedOldTablesAsync(AppDbContext db, object firstHeldAt, object secondHeldAt, object recordedAt)
    {
        await db.Database.ExecuteSqlRawAsync("INSERT INTO \"CoordinationSpaces\" (\"DepartmentUbigeo\", \"FiscalYear\", \"Version\") VALUES ('08', 2027, 3)");
        var spaceId = await db.Database.SqlQueryRaw<int>("SELECT MAX(\"Id\") AS \"Value\" FROM \"CoordinationSpaces\"").SingleAsync();

        // Ids on purpose not 1, 2: the copy must not rely on them.
        const string meeting = "INSERT INTO \"CoordinationMeetings\" (\"Id\", \"Number\", \"HeldAt\", \"Place\", \"RecordedByUserId\", \"RecordedBy\", \"RecordedAt\", \"CoordinationSpaceId\") VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7})";
        await db.Database.ExecuteSqlRawAsync(meeting, 41, 1, firstHeldAt, "Sede del Gobierno Regional, Cusco", "user-region", "Rosa Huamán Quispe", recordedAt, spaceId);
        await db.Database.ExecuteSqlRawAsync(meeting, 40, 2, secondHeldAt, "Municipalidad Provincial del Cusco", "user-province", "Elena Condori Puma", recordedAt, spaceId);
        foreach (var (number, position, name, office, government) in Attendees)
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"CoordinationAttendees\" (\"Position\", \"Name\", \"Office\", \"GovernmentUbigeo\", \"CoordinationMeetingId\") VALUES ({0}, {1}, {2}, {3}, {4})",
                position, name, office, government, number == 1 ? 41 : 40);
        }

        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"CoordinationMinutes\" (\"Id\", \"Text\", \"RecordedByUserId\", \"RecordedBy\", \"RecordedAt\", \"CoordinationSpaceId\") VALUES (7, 'Acordaron priorizar el corredor vial.', 'user-province', 'Elena Condori Puma', {0}, {1})",
            recordedAt, spaceId);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO \"CoordinationMinutesMeetings\" (\"MeetingNumber\", \"CoordinationMinutesId\") VALUES (2, 7)");
        return spaceId;
    }

    /// <summary>Inserts a row with the given values and a plain value in every other required column (foreign keys off).</summary>
    private static async Task InsertFilledAsync(AppDbContext db, string table, Dictionary<string, object> values)
    {
        var columns = await db.Database.SqlQueryRaw<RequiredColumn>(
            "SELECT name AS \"Name\", type AS \"Type\" FROM pragma_table_info({0}) WHERE \"notnull\" = 1 AND dflt_value IS NULL", table).ToListAsync();
        foreach (var column in columns.Where(c => !values.ContainsKey(c.Name)))
        {
            values[column.Name] = column.Type.Contains("INT", StringComparison.OrdinalIgnoreCase) ? 1 : column.Type.Contains("BLOB", StringComparison.OrdinalIgnoreCase) ? new byte[1] : "1";
        }

        var names = values.Keys.ToList();
        var insert = $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", names.Select((_, i) => $"{{{i}}}"))})";
        await db.Database.ExecuteSqlRawAsync(insert, names.Select(n => values[n]));
    }

    private static async Task AssertFoldedAsync(AppDbContext db, int spaceId, int cycleMeetings = 0)
    {
        var space = await db.CoordinationSpaces.AsNoTracking()
            .Include(s => s.Meetings).ThenInclude(m => m.Guests)
            .Include("Minutes._meetings")
            .SingleAsync(s => s.Id == spaceId);

        Assert.Equal(2 + cycleMeetings, await db.Meetings.CountAsync());
        Assert.Equal([1, 2], space.Meetings.Select(m => m.Number));
        var (first, second) = (space.Meetings[0], space.Meetings[1]);
        Assert.All(space.Meetings, m =>
        {
            Assert.Equal(MeetingKind.CoordinationMeeting, m.Kind);
            Assert.Null(m.CycleId);
            Assert.Equal(spaceId, m.CoordinationSpaceId);
            Assert.Equal(Meeting.CoordinationTitle(m.Number!.Value), m.Title);
            Assert.Equal("", m.Facilitator);
            Assert.Equal(RecordedAt, m.RecordedAt);
            Assert.Null(m.Agenda);
            Assert.Null(m.Minutes);
        });
        Assert.Equal((FirstHeldAt, "Sede del Gobierno Regional, Cusco", "user-region", "Rosa Huamán Quispe"), (first.StartsAt, first.Place, first.RecordedByUserId, first.RecordedBy));
        Assert.Equal((SecondHeldAt, "Municipalidad Provincial del Cusco", "user-province", "Elena Condori Puma"), (second.StartsAt, second.Place, second.RecordedByUserId, second.RecordedBy));

        var guests = space.Meetings.SelectMany(m => m.Guests.Select(g => (m.Number!.Value, g.Position, g.Name, g.Office, g.GovernmentUbigeo!))).ToList();
        Assert.Equal(Attendees, guests);
        Assert.All(space.Meetings.SelectMany(m => m.Guests), g => Assert.Equal((AttendeeCategory.Authority, (Domain.Registration.Sex?)null), (g.Category, g.Sex)));
        Assert.Equal(new HashSet<string> { "08", "0801" }, first.Governments);

        Assert.Equal([2], space.Minutes!.MeetingNumbers);
        Assert.Equal("Acordaron priorizar el corredor vial.", space.Minutes.Text);
    }

    private sealed record RequiredColumn(string Name, string Type);
}
