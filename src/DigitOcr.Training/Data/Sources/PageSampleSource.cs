using DigitOcr.Data.Augmentation;
using DigitOcr.Data.Augmentation.Geometric;
using DigitOcr.Data.Augmentation.Photometric;
using DigitOcr.Data.Mnist;
using DigitOcr.Data.Pages;
using DigitOcr.Data.Sampling;
using DigitOcr.Data.Scenes;
using DigitOcr.Training;

namespace DigitOcr.Data.Sources;

/// <summary>
/// The <c>pages</c> preset: each group is one page (<see cref="PageComposer"/>), given a mild perspective, cut into
/// <see cref="CropOptions.CropsPerPage"/> crops (<see cref="CropCutter"/>), each crop photographed on its own
/// (<see cref="PhotoPipeline"/>). Validation and test sets are <see cref="Count"/> crops from MNIST test digits,
/// the same every epoch.
/// </summary>
public sealed class PageSampleSource : ISampleSource
{
    private readonly GlyphSet digits;
    private readonly GlyphSet? fashion;
    private readonly PageOptions options;
    private readonly PageComposer composer;
    private readonly RandomPerspective perspective;
    private readonly CropCutter cutter;
    private readonly Pipeline photo;
    private readonly int seed;
    private readonly long? count;

    /// <param name="digits">MNIST train for <see cref="DataSplit.Train"/>, MNIST test otherwise.</param>
    /// <param name="fashion">Fashion-MNIST items for clutter, or null for none.</param>
    /// <param name="options">The preset's options.</param>
    /// <param name="split">Which split this source serves.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="evaluationCount">How many crops a validation or test set holds (ignored for training).</param>
    public PageSampleSource(GlyphSet digits, GlyphSet? fashion, PageOptions options, DataSplit split, int seed, long evaluationCount)
    {
        ArgumentNullException.ThrowIfNull(digits);
        ArgumentNullException.ThrowIfNull(options);
        OptionChecks.ThrowIfAny(options.Validate(), nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(evaluationCount);
        this.digits = digits;
        this.fashion = fashion;
        this.options = options;
        this.seed = seed;
        Split = split;
        count = split == DataSplit.Train ? null : evaluationCount;
        composer = new PageComposer(options.Layout, options.Pen, options.Surface, options.Clutter);
        perspective = new RandomPerspective(options.PerspectiveProbability, options.MaxPerspectiveShift);
        cutter = new CropCutter(options.Crop);
        photo = PhotoPipeline.Create(options.Photo);
    }

    public DataPreset Preset => DataPreset.Pages;

    public DataSplit Split { get; }

    public int Width => options.Crop.Width;

    public int Height => options.Crop.Height;

    public int GroupSize => options.Crop.CropsPerPage;

    public long? Count => count;

    public IReadOnlyList<Sample> GenerateGroup(int epoch, long group) =>
        RenderGroup(epoch, group).Select(s => s.ToSample(options.Crop.KeepVisibleFraction)).ToArray();

    public IReadOnlyList<Scene> RenderGroup(int epoch, long group)
    {
        var rng = GroupRandom(epoch, group);
        using var page = ComposePage(rng);
        return cutter.Cut(page, photo, rng);
    }

    /// <summary>
    /// The whole page of group <paramref name="group"/>, photographed as one picture instead of cut into crops
    /// (for looking at; the crops of that group come from the same layout). The caller owns the sample.
    /// </summary>
    public Sample GeneratePage(int epoch, long group)
    {
        var rng = GroupRandom(epoch, group);
        var page = ComposePage(rng);
        try
        {
            photo.Apply(page, rng);
            return page.ToSample(options.Crop.KeepVisibleFraction);
        }
        catch
        {
            page.Dispose();
            throw;
        }
    }

    /// <summary>The page of a group in the ink stage, before perspective and photography (for tests). The caller owns it.</summary>
    public Scene ComposeInk(int epoch, long group) =>
        composer.Compose(digits, fashion, options.Crop.Width, options.Crop.Height, GroupRandom(epoch, group));

    private Scene ComposePage(Random rng)
    {
        var page = composer.Compose(digits, fashion, options.Crop.Width, options.Crop.Height, rng);
        try
        {
            perspective.Apply(page, rng);
            return page;
        }
        catch
        {
            page.Dispose();
            throw;
        }
    }

    private Random GroupRandom(int epoch, long group)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(group);
        var wrapped = count is { } n ? group % Math.Max(1, (n + GroupSize - 1) / GroupSize) : group;
        return SampleSeed.Random(seed, SplitStreams.Of(Split), SplitStreams.EpochFor(Split, epoch), wrapped);
    }
}
