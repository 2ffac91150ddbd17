namespace DigitOcr.Evaluation;

/// <summary>Collects each page's <see cref="PageCounts"/> with its conditions, and splits them by condition.</summary>
public sealed class ConditionTable
{
    private readonly List<(IReadOnlySet<string> Conditions, PageCounts Counts)> pages = [];

    public void Add(IEnumerable<string> conditions, PageCounts counts) =>
        pages.Add((conditions.ToHashSet(StringComparer.Ordinal), counts));

    /// <summary>All pages together.</summary>
    public PageCounts Total => pages.Aggregate(default(PageCounts), (sum, p) => sum + p.Counts);

    /// <summary>One row per condition seen on at least one page and missing from at least one (sorted by name).</summary>
    public IReadOnlyList<ConditionBreakdown> Compute(IEnumerable<string> conditions) =>
        conditions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(c => new ConditionBreakdown(
                c,
                Sum(pages.Where(p => p.Conditions.Contains(c))),
                Sum(pages.Where(p => !p.Conditions.Contains(c)))))
            .Where(row => row.With.Pages > 0 && row.Without.Pages > 0)
            .ToList();

    private static PageCounts Sum(IEnumerable<(IReadOnlySet<string> Conditions, PageCounts Counts)> rows) =>
        rows.Aggregate(default(PageCounts), (sum, p) => sum + p.Counts);
}
