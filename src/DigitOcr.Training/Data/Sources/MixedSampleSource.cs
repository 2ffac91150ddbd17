using DigitOcr.Data.Sampling;
using DigitOcr.Data.Scenes;

namespace DigitOcr.Data.Sources;

/// <summary>
/// Two training sources mixed group by group: group <c>g</c> of epoch <c>e</c> comes from <see cref="Second"/> with
/// probability <see cref="SecondFraction"/> (a draw from the seed, <c>e</c> and <c>g</c> alone), else from
/// <see cref="First"/>, each making its own group <c>g</c>. So a batch is as deterministic as its sources, and a
/// fine-tune sees the user's images (second) among synthetic pages (first) that keep it from forgetting. Both sources
/// make samples of one size in groups of one size.
/// </summary>
public sealed class MixedSampleSource : ISampleSource
{
    private const int MixStream = 0x6d697865;
    private readonly int seed;

    public MixedSampleSource(ISampleSource first, ISampleSource second, double secondFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentOutOfRangeException.ThrowIfLessThan(secondFraction, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(secondFraction, 1.0);
        if (first.Width != second.Width || first.Height != second.Height || first.GroupSize != second.GroupSize)
        {
            throw new ArgumentException(
                $"mixed sources must agree on sample and group size: {first.Width}x{first.Height} in {first.GroupSize}s against {second.Width}x{second.Height} in {second.GroupSize}s",
                nameof(second));
        }

        if (first.Count is not null || second.Count is not null)
        {
            throw new ArgumentException("only training sources (endless, Count null) are mixed", nameof(first));
        }

        First = first;
        Second = second;
        SecondFraction = secondFraction;
        this.seed = seed;
    }

    public ISampleSource First { get; }

    public ISampleSource Second { get; }

    /// <summary>The expected share of groups drawn from <see cref="Second"/>.</summary>
    public double SecondFraction { get; }

    public DataPreset Preset => First.Preset;

    public DataSplit Split => First.Split;

    public int Width => First.Width;

    public int Height => First.Height;

    public int GroupSize => First.GroupSize;

    public long? Count => null;

    /// <summary>Which source makes group <paramref name="group"/> of <paramref name="epoch"/>.</summary>
    public ISampleSource SourceOf(int epoch, long group) =>
        SampleSeed.Random(seed, MixStream, epoch, group).NextDouble() < SecondFraction ? Second : First;

    public IReadOnlyList<Sample> GenerateGroup(int epoch, long group) => SourceOf(epoch, group).GenerateGroup(epoch, group);

    public IReadOnlyList<Scene> RenderGroup(int epoch, long group) => SourceOf(epoch, group).RenderGroup(epoch, group);
}
