using DigitOcr.Boxes;

namespace DigitOcr.Training.Metrics;

/// <summary>A number written on a page: its id (<see cref="LabeledBox.Number"/>), digits in writing order, and the box around them.</summary>
public sealed record WrittenNumber(int Number, string Text, Box Box);

/// <summary>The written numbers of a page's ground truth that a reader can be scored on.</summary>
public static class WrittenNumbers
{
    /// <summary>Numbers of at least <paramref name="minDigits"/> digits, every digit fully visible (none ignored).</summary>
    public static IEnumerable<WrittenNumber> Of(IReadOnlyList<LabeledBox> truths, int minDigits)
    {
        ArgumentNullException.ThrowIfNull(truths);
        return truths.Where(t => t.Number >= 0).GroupBy(t => t.Number)
            .Where(g => g.Count() >= minDigits && g.All(t => !t.Ignored))
            .Select(g => new WrittenNumber(
                g.Key,
                string.Concat(g.Select(t => (char)('0' + t.Digit))),
                g.Skip(1).Aggregate(g.First().Box, (box, t) => box.Union(t.Box))));
    }
}
