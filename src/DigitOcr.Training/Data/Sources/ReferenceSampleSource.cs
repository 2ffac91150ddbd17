using DigitOcr.Data.Augmentation;
using DigitOcr.Data.Augmentation.Reference;
using DigitOcr.Data.Mnist;
using DigitOcr.Data.Sampling;
using DigitOcr.Data.Scenes;
using DigitOcr.Training;

namespace DigitOcr.Data.Sources;

/// <summary>
/// The <c>reference</c> preset: one MNIST digit per <see cref="ReferenceOptions.CanvasSize"/> canvas, through
/// <see cref="ReferencePipeline"/>. Training walks a fresh permutation of the digits each epoch (an epoch longer
/// than the set wraps around the same permutation); validation and test are MNIST's test digits in order, digit
/// <c>i</c> with its own fixed seed and no affine (the reference's validation protocol). Samples carry the tight ink
/// boxes and the reference's patch boxes.
/// </summary>
public sealed class ReferenceSampleSource : ISampleSource
{
    private const int SeedPermutationStream = 0x7065726d;
    private readonly GlyphSet digits;
    private readonly ReferenceOptions options;
    private readonly Pipeline pipeline;
    private readonly int seed;
    private readonly Lock permutationLock = new();
    private (int Epoch, int[] Order)? recent;
    private (int Epoch, int[] Order)? previous;

    /// <summary>A source over <paramref name="digits"/> (MNIST train for <see cref="DataSplit.Train"/>, MNIST test otherwise).</summary>
    public ReferenceSampleSource(GlyphSet digits, ReferenceOptions options, DataSplit split, int seed)
    {
        ArgumentNullException.ThrowIfNull(digits);
        ArgumentNullException.ThrowIfNull(options);
        OptionChecks.ThrowIfAny(options.Validate(), nameof(options));
        this.digits = digits;
        this.options = options;
        this.seed = seed;
        Split = split;
        pipeline = ReferencePipeline.Create(options, withAffine: split == DataSplit.Train);
    }

    public DataPreset Preset => DataPreset.Reference;

    public DataSplit Split { get; }

    public int Width => options.CanvasSize;

    public int Height => options.CanvasSize;

    public int GroupSize => 1;

    public long? Count => Split == DataSplit.Train ? null : digits.Count;

    public IReadOnlyList<Sample> GenerateGroup(int epoch, long group) =>
        [Render(epoch, group).ToSample(options.KeepVisibleFraction)];

    public IReadOnlyList<Scene> RenderGroup(int epoch, long group) => [Render(epoch, group)];

    private Scene Render(int epoch, long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var glyph = Split == DataSplit.Train
            ? Permutation(epoch)[index % digits.Count]
            : (int)(index % digits.Count);
        var rng = SampleSeed.Random(seed, SplitStreams.Of(Split), SplitStreams.EpochFor(Split, epoch), index);
        var scene = ReferencePipeline.GlyphScene(digits, glyph);
        try
        {
            pipeline.Apply(scene, rng);
            return scene;
        }
        catch
        {
            scene.Dispose();
            throw;
        }
    }

    /// <summary>The order of the digits in <paramref name="epoch"/>; the last two epochs' orders are kept (workers straddle an epoch's end).</summary>
    private int[] Permutation(int epoch)
    {
        lock (permutationLock)
        {
            if (recent is { } r && r.Epoch == epoch)
            {
                return r.Order;
            }

            if (previous is { } p && p.Epoch == epoch)
            {
                return p.Order;
            }

            var order = Enumerable.Range(0, digits.Count).ToArray();
            SampleSeed.Random(seed, SeedPermutationStream, epoch, 0).Shuffle(order);
            previous = recent;
            recent = (epoch, order);
            return order;
        }
    }
}
