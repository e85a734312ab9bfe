using PbPeru.Domain.Counting;

namespace PbPeru.Domain.Tests.Counting;

[Trait("Capability", "Voting")]
public class PabulibReaderTests
{
    private const string Quirky =
        "\uFEFFmeta\n" +
        "key;value\n" +
        "budget;1000,00\n" +
        "vote_type;choose-1\n" +
        "rule;greedy\n" +
        "description;\"A; quoted \"\"value\"\"\"\n" +
        "\n" +
        "Projects\n" +
        "project_id;cost;name;selected\n" +
        " 2022/MAK/0001 ; 600 ;\"Park; north\";1\n" +
        "c2;500;Square;0\n" +
        "VOTES\n" +
        "voter_id;vote\n" +
        "v1;2022/MAK/0001,c2\n" +
        "v2;\n" +
        "\n" +
        "v3;c2\n";

    [Fact]
    public void Parse_ReadsEveryQuirk()
    {
        var file = PabulibReader.Parse(Quirky);

        Assert.Equal(1000, file.Budget);
        Assert.Equal("approval", file.VoteType);
        Assert.Equal("A; quoted \"value\"", file.MetaValue("description"));
        Assert.Equal(["2022/MAK/0001", "c2"], file.Projects.Select(p => p.Id));
        Assert.Equal(600, file.Projects[0].Cost);
        Assert.Equal("Park; north", file.Projects[0].Fields["name"]);
        Assert.Equal(3, file.Votes.Count);
        Assert.Empty(file.Votes[1].ProjectIds);
        Assert.Equal(["c2"], CountingRules.ForFile(file).Selected);
    }

    [Fact]
    public void WriteThenRead_GivesTheSameFile()
    {
        var file = PabulibReader.Parse(Quirky);

        var again = PabulibReader.Parse(PabulibWriter.Write(file));

        Assert.Equal(file.Meta, again.Meta);
        Assert.Equal(file.Projects.Select(p => (p.Id, p.Cost, p.Fields["name"])), again.Projects.Select(p => (p.Id, p.Cost, p.Fields["name"])));
        Assert.Equal(file.Votes.Select(v => string.Join(",", v.ProjectIds)), again.Votes.Select(v => string.Join(",", v.ProjectIds)));
    }

    [Theory]
    [InlineData("META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\nc1;ten\nVOTES\nvoter_id;vote\n", 6, "ten")]
    [InlineData("META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\nc1;5\nVOTES\nvoter_id;vote\nv1;c1\nv2;c9\n", 10, "c9")]
    [InlineData("META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\nc1;\"5\nVOTES\n", 6, "quote")]
    [InlineData("META\nkey;value\nbudget;10\nPROJECTS\nproject_id;name\nc1;x\nVOTES\n", 5, "cost")]
    [InlineData("META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\nc1;5;extra\nVOTES\n", 6, "3")]
    [InlineData("META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\nc1;5,5\nVOTES\n", 6, "5,5")]
    [InlineData("budget;10\n", 1, "META")]
    public void Parse_MalformedFile_NamesTheLineAndTheProblem(string text, int line, string problem)
    {
        using var culture = CultureScope.English();

        var error = Assert.Throws<PabulibFormatException>(() => PabulibReader.Parse(text));

        Assert.Equal(line, error.LineNumber);
        Assert.StartsWith($"Line {line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingVotesSection_IsRefused()
    {
        var error = Assert.Throws<PabulibFormatException>(() => PabulibReader.Parse("META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\nc1;5\n"));

        Assert.Contains("VOTES", error.Message, StringComparison.Ordinal);
    }

    // Line 4 holds the META limit, line 10 the VOTES header; the votes start on line 11.
    private static string WithLimit(string limit, string voteHeader, params string[] votes) =>
        "META\nkey;value\nbudget;10\n" + limit + "\nPROJECTS\nproject_id;cost\nc1;5\nc2;5\nVOTES\n" + voteHeader + "\n" +
        string.Concat(votes.Select(v => v + "\n"));

    [Theory]
    [InlineData("min_length;2", "voter_id;vote", new[] { "v1;c1,c2", "v2;c1" }, 12, "min_length")]
    [InlineData("max_length;1", "voter_id;vote", new[] { "v1;c1", "v2;c1,c2" }, 12, "max_length")]
    [InlineData("max_sum_points;10", "voter_id;vote;points", new[] { "v1;c1,c2;5,5", "v2;c1,c2;6,5" }, 12, "max_sum_points")]
    public void Parse_VoteBreakingTheMetaLimits_NamesItsLineAndTheLimit(string limit, string header, string[] votes, int line, string problem)
    {
        using var culture = CultureScope.English();

        var error = Assert.Throws<PabulibFormatException>(() => PabulibReader.Parse(WithLimit(limit, header, votes)));

        Assert.Equal(line, error.LineNumber);
        Assert.StartsWith($"Line {line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_VoteBreakingMinLength_SaysSoInSpanish()
    {
        using var culture = CultureScope.Spanish();

        var error = Assert.Throws<PabulibFormatException>(() => PabulibReader.Parse(WithLimit("min_length;2", "voter_id;vote", "v1;c1")));

        Assert.Equal("Línea 11: el mínimo de proyectos por voto (min_length) es 2 y este voto tiene 1.", error.Message);
    }

    [Fact]
    public void Parse_VotesAtTheMetaLimits_AreRead()
    {
        var file = PabulibReader.Parse(WithLimit("max_length;2", "voter_id;vote;points", "v1;c1,c2;5,5", "v2;c1;10"));

        Assert.Equal(2, file.Votes.Count);
        Assert.Equal(2, PabulibReader.Parse(WithLimit("min_length;2", "voter_id;vote", "v1;c1,c2", "v2;c2,c1")).Votes.Count);
        Assert.Single(PabulibReader.Parse(WithLimit("max_sum_points;10", "voter_id;vote;points", "v1;c1,c2;4,6")).Votes);
    }

    [Fact]
    public void Parse_EmptyVote_IsAVoterEvenWithMinLength()
    {
        var file = PabulibReader.Parse(WithLimit("min_length;2", "voter_id;vote", "v1;c1,c2", "v2;"));

        Assert.Empty(file.Votes[1].ProjectIds);
        Assert.Equal(2, file.ToElection().Ballots.Count);
    }

    [Fact]
    public void Parse_MetaLimitNotANumber_NamesTheMetaLine()
    {
        using var culture = CultureScope.English();

        var error = Assert.Throws<PabulibFormatException>(() => PabulibReader.Parse(WithLimit("max_length;two", "voter_id;vote", "v1;c1")));

        Assert.Equal(4, error.LineNumber);
        Assert.Contains("max_length", error.Message, StringComparison.Ordinal);
    }
}
