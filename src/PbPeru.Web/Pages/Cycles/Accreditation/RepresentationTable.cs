namespace PbPeru.Web.Pages.Cycles.Accreditation;

/// <summary>One table of the representation statistics, its rows already named for the reader.</summary>
public sealed record RepresentationTable(string Caption, string GroupHeader, IReadOnlyList<RepresentationTableRow> Rows, bool ShowWomen, string Id);

public sealed record RepresentationTableRow(string Label, int Agents, int Women, decimal Percent, decimal WomenPercent);
