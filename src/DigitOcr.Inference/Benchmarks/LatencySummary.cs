namespace DigitOcr.Inference.Benchmarks;

/// <summary>Timed runs, in milliseconds, in the order they ran.</summary>
public sealed record LatencySummary(IReadOnlyList<double> Milliseconds)
{
    public double Median
    {
        get
        {
            var sorted = Milliseconds.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    public double Mean => Milliseconds.Average();

    public double Min => Milliseconds.Min();

    public double Max => Milliseconds.Max();
}
