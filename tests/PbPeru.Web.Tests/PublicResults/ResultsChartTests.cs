using System.Globalization;
using PbPeru.Domain.Common;
using PbPeru.Web.Infrastructure.Formalization;
using PbPeru.Web.Infrastructure.PublicResults;

namespace PbPeru.Web.Tests.PublicResults;

/// <summary>The budget breakdowns (to the céntimo) and the SVG charts' markup, without a database.</summary>
[Trait("Capability", "PublicResults")]
public sealed class ResultsChartTests
{
    private static ApprovedProject Project(int rank, decimal amount, string? theme, params string[] districts) =>
        new(rank, null, $"P{rank}", theme, districts, Money.FromSoles(amount), Money.FromSoles(amount), [], [], 1, null);

    [Fact]
    public void ByDistrict_SplitsEvenlyToTheCentimo_AndAddsUpToTheTotal()
    {
        ApprovedProject[] projects =
        [
            Project(1, 100.01m, "Agua", "080301", "080302", "080303"),
            Project(2, 50m, "Agua", "080301"),
            Project(3, 20m, null),
        ];
        var rows = BudgetBreakdown.ByDistrict(projects, u => "D" + u[^2..], "Toda la jurisdicción");
        var amounts = rows.ToDictionary(r => r.Key, r => r.Amount.Centimos);
        Assert.Equal(3334 + 5000, amounts["080301"]);   // the leftover céntimo goes to the first district
        Assert.Equal(3334, amounts["080302"]);
        Assert.Equal(3333, amounts["080303"]);
        Assert.Equal(2000, amounts[BudgetBreakdown.NoKey]);
        Assert.Equal(17001, rows.Sum(r => r.Amount.Centimos));
        Assert.Equal("080301", rows[0].Key);
        Assert.Equal(2, rows[0].Projects);
        Assert.Equal("Toda la jurisdicción", rows.Single(r => r.Key == BudgetBreakdown.NoKey).Label);
        Assert.Equal(49m, rows[0].Percent);   // 83.34 of 170.01
    }

    [Fact]
    public void ByTheme_GroupsAndOrdersByAmount()
    {
        ApprovedProject[] projects = [Project(1, 10m, "Vías"), Project(2, 30m, "Agua"), Project(3, 15m, "Vías"), Project(4, 5m, " ")];
        var rows = BudgetBreakdown.ByTheme(projects, "Sin eje temático");
        Assert.Equal([("Agua", 1, 3000L), ("Vías", 2, 2500L), ("Sin eje temático", 1, 500L)], rows.Select(r => (r.Label, r.Projects, r.Amount.Centimos)));
        Assert.Equal(100m, Math.Round(rows.Sum(r => r.Percent)));
    }

    [Fact]
    public void HorizontalBars_AreAnAccessibleImage_WithEncodedTexts_AndInvariantCoordinates()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");   // a comma decimal separator must not leak into coordinates
        try
        {
            var svg = SvgCharts.HorizontalBars("c1", "Título <b>", "Descripción & más", [new ChartBar("Añahuichi <script>", 2.5m, "2,5"), new ChartBar("Cero", 0m, "0"), new ChartBar("Tres", 3m, "3")]).ToString()!;
            Assert.Contains("role=\"img\"", svg, StringComparison.Ordinal);
            Assert.Contains("aria-labelledby=\"c1-title c1-desc\"", svg, StringComparison.Ordinal);
            Assert.Contains("<title id=\"c1-title\">Título &lt;b&gt;</title>", svg, StringComparison.Ordinal);
            Assert.Contains("<desc id=\"c1-desc\">Descripción &amp; más</desc>", svg, StringComparison.Ordinal);
            Assert.Contains("Añahuichi &lt;script&gt;", svg, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
            Assert.Equal(3, CountOf(svg, "<rect"));
            // The largest bar takes the whole room (760 − 300 − 130 = 330); 2.5 of 3 is 275; zero has no width.
            Assert.Contains("width=\"330\"", svg, StringComparison.Ordinal);
            Assert.Contains("width=\"275\"", svg, StringComparison.Ordinal);
            Assert.Contains("width=\"0\"", svg, StringComparison.Ordinal);
            Assert.DoesNotContain("=\"275,", svg, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Columns_DrawOneShapePerColumn_InOnePath()
    {
        var columns = Enumerable.Range(1, 500).Select(i => new ChartBar($"P{i}", 1000 - i, (1000 - i).ToString(CultureInfo.InvariantCulture))).ToList();
        var svg = SvgCharts.Columns("v", "Votos", "Votos por proyecto", columns, "N.º 1", "N.º 500").ToString()!;
        Assert.Equal(1, CountOf(svg, "<path"));
        Assert.Equal(500, svg.Count(c => c == 'z'));
        Assert.Contains(">999<", svg, StringComparison.Ordinal);   // the largest value on the axis
        Assert.Contains(">N.º 500<", svg, StringComparison.Ordinal);

        var empty = SvgCharts.Columns("e", "Votos", "Sin datos", [], "", "").ToString()!;
        Assert.DoesNotContain("<path", empty, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
