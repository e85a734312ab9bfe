using System.Globalization;

namespace PbPeru.Web.Infrastructure;

/// <summary>One page of a long list: which page, how many in all, and the page links to offer.</summary>
public sealed class Pager
{
    private Pager(int page, int pageSize, int totalCount)
    {
        PageSize = pageSize;
        TotalCount = totalCount;
        PageCount = Math.Max(1, (totalCount + pageSize - 1) / pageSize);
        Page = Math.Clamp(page, 1, PageCount);
    }

    public int Page { get; }

    public int PageSize { get; }

    public int TotalCount { get; }

    public int PageCount { get; }

    public int Skip => (Page - 1) * PageSize;

    /// <summary>A page number out of range shows the nearest page rather than an empty one.</summary>
    public static Pager For(int requestedPage, int pageSize, int totalCount) => new(requestedPage, pageSize, totalCount);

    /// <summary>The first, the last and the pages around the current one; null marks a gap ("…").</summary>
    public IReadOnlyList<int?> Links()
    {
        var shown = new SortedSet<int> { 1, PageCount };
        for (var p = Page - 2; p <= Page + 2; p++)
        {
            if (p >= 1 && p <= PageCount)
            {
                shown.Add(p);
            }
        }

        var links = new List<int?>();
        var previous = 0;
        foreach (var p in shown)
        {
            if (p > previous + 1)
            {
                links.Add(null);
            }

            links.Add(p);
            previous = p;
        }

        return links;
    }

    /// <summary>
    /// The current address with <c>page</c> set (and the other parameters kept, but a form's
    /// <c>handler</c>: a page shown again after a post links to plain pages).
    /// </summary>
    public static string Url(HttpRequest request, int page)
    {
        var query = request.Query
            .Where(q => !string.Equals(q.Key, "page", StringComparison.OrdinalIgnoreCase)
                        && !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
            .ToList();
        if (page > 1)
        {
            query.Add(KeyValuePair.Create("page", (string?)page.ToString(CultureInfo.InvariantCulture)));
        }

        return request.PathBase + request.Path + QueryString.Create(query);
    }
}
