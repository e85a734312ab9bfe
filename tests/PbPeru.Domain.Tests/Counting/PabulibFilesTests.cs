using PbPeru.Domain.Counting;

namespace PbPeru.Domain.Tests.Counting;

[Trait("Capability", "Voting")]
public class PabulibFilesTests
{
    private static readonly string[] AllFiles =
    [
        "Netherlands_Assen_2024.pb",
        "Poland_Gdynia_2022_Maly_Kack__small.pb",
        "Poland_Lodz_2025_Wzniesien_Lodzkich.pb",
        "Poland_Warszawa_2017_Stara_Milosna.pb",
        "Poland_Czestochowa_2024_Trzech_Wieszczow.pb",
        "Poland_Krakow_2022_Stare_Miasto.pb",
        "Poland_Swiecie_2023.pb",
        "Poland_Wieliczka_2023_Green_Budget.pb",
        "Poland_Warszawa_2020_Mokotow.pb",
        "Poland_Lodz_2022_Teofilow-Wielkopolska.pb",
        "Poland_Wroclaw_2018.pb",
        "Poland_Warszawa_2026.pb",
        "Poland_Lodz_2022.pb",
    ];

    private static readonly string[] LargestFiles = ["Poland_Wroclaw_2018.pb", "Poland_Warszawa_2026.pb", "Poland_Lodz_2022.pb"];

    /// <summary>Every file but the three largest (read by the count theory already), to keep the run short.</summary>
    public static TheoryData<string> RoundTripFiles() =>
        [.. AllFiles.Where(name => !LargestFiles.Contains(name))];

    public static TheoryData<string> Files() => [.. AllFiles];

    internal static PabulibFile Load(string name)
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Counting", "Pabulib", name));
        return PabulibReader.Parse(reader);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void CountingWithTheFilesRule_SelectsWhatTheCityFunded(string name)
    {
        var file = Load(name);
        var funded = file.Projects
            .Where(p => p.Fields.GetValueOrDefault("selected", "0").Trim() == "1")
            .Select(p => p.Id)
            .Order(StringComparer.Ordinal);

        var result = CountingRules.ForFile(file);

        Assert.Equal(funded, result.Selected.Order(StringComparer.Ordinal));
        Assert.True(result.TotalCost <= file.Budget);
    }

    [Theory]
    [MemberData(nameof(RoundTripFiles))]
    public void WritingAndReadingAgain_GivesTheSameFile(string name)
    {
        var file = Load(name);

        var again = PabulibReader.Parse(PabulibWriter.Write(file));

        Assert.Equal(file.Meta, again.Meta);
        Assert.Equal(file.ProjectColumns, again.ProjectColumns);
        Assert.Equal(file.VoteColumns, again.VoteColumns);
        Assert.Equal(file.Projects.Count, again.Projects.Count);
        for (var i = 0; i < file.Projects.Count; i++)
        {
            Assert.Equal(file.Projects[i].Id, again.Projects[i].Id);
            Assert.Equal(file.Projects[i].Cost, again.Projects[i].Cost);
            Assert.Equal(file.Projects[i].Fields, again.Projects[i].Fields);
        }

        Assert.Equal(file.Votes.Count, again.Votes.Count);
        for (var i = 0; i < file.Votes.Count; i++)
        {
            Assert.Equal(file.Votes[i].VoterId, again.Votes[i].VoterId);
            Assert.Equal(file.Votes[i].ProjectIds, again.Votes[i].ProjectIds);
            Assert.Equal(file.Votes[i].Points, again.Votes[i].Points);
        }
    }
}
