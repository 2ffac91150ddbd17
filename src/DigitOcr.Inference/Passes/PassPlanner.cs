using DigitOcr.Config;
using DigitOcr.Preprocessing;

namespace DigitOcr.Inference.Passes;

/// <summary>
/// Chooses the network passes for an image size, from the digit heights the anchors cover
/// (<see cref="AnchorCover"/>: 9 to 140 px with the reference's priors) and what the options say about the writing.
/// <list type="bullet">
/// <item>The finest pass runs at the image's own resolution, so small writing keeps its pixels; it is scaled down
/// only to bring <see cref="DetectorOptions.MinDigitHeight"/> to <see cref="SmallDigitHeight"/> px, or the long side to
/// <see cref="DetectorOptions.MaxSide"/>. Never enlarged.</item>
/// <item>Each further pass is a quarter of the previous (<see cref="CoarserPassScale"/>), for writing larger than the
/// anchors, until one pass sees the largest
/// digit the image can hold (<see cref="DetectorOptions.MaxDigitHeight"/>, else <see cref="LargestDigitShare"/> of
/// its shorter side) no taller than the largest anchor; at most <see cref="DetectorOptions.PyramidLevels"/> passes,
/// and none whose padded long side would be under <see cref="DetectorOptions.PyramidMinSide"/>.</item>
/// <item>A pass larger than <see cref="DetectorOptions.TileSize"/> runs in overlapping tiles (<see cref="TileGrid"/>)
/// whose overlap, <see cref="TileOverlap"/>, is the largest anchor rounded up to the padding multiple: a digit the
/// pass can read is whole in the tile that owns its centre.</item>
/// </list>
/// A 1024x768 page gets passes at 1 and 1/4 in one tile each; a 4000x3000 photo three passes (1, 1/4 and 1/16), the
/// finest in 12 tiles. Pure arithmetic: no image is touched.
/// </summary>
public sealed class PassPlanner
{
    /// <summary>The height, in the network's pixels, that the finest pass gives the smallest digit the options expect.</summary>
    /// <remarks>Well inside the anchors (the smallest is 9 px) and above the smallest digits drawn in training (12 px).</remarks>
    public const double SmallDigitHeight = 16;

    /// <summary>
    /// Each coarser pass's scale relative to the one before. The anchors cover a 15-fold range of heights (9 to 140 px),
    /// so passes a factor 4 apart still give every digit height a pass where it is 35 to 140 px tall. Halving instead
    /// (the first policy) ran a 1/2 pass that cost a fifth of a page's time and, on the evaluation pages and on clean
    /// pages enlarged 1.5 to 6 times (digits up to 720 px), read the same numbers (models/README.md).
    /// </summary>
    public const double CoarserPassScale = 0.25;

    /// <summary>Without <see cref="DetectorOptions.MaxDigitHeight"/>, the largest digit expected, as a share of the image's shorter side.</summary>
    public const double LargestDigitShare = 0.7;

    private readonly DetectorOptions options;

    public PassPlanner(DetectorOptions options, PriorOptions priors)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        Cover = AnchorCover.Of(priors);
        TileOverlap = Pad((int)Math.Ceiling(Cover.Largest));
        if (options.TileSize < 2 * TileOverlap)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.TileSize,
                $"DetectorOptions.TileSize must be at least {2 * TileOverlap} px for this model (twice the tile overlap, its largest anchor rounded up); got {options.TileSize}");
        }
    }

    /// <summary>The digit heights the model's anchors cover, at the network's scale.</summary>
    public AnchorCover Cover { get; }

    /// <summary>How much neighbouring tiles overlap, in the pass's pixels.</summary>
    public int TileOverlap { get; }

    public IReadOnlyList<PlannedPass> Plan(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var finest = 1.0;
        if (options.MaxSide is { } maxSide)
        {
            finest = Math.Min(finest, (double)maxSide / Math.Max(width, height));
        }

        if (options.MinDigitHeight is { } smallest)
        {
            finest = Math.Min(finest, SmallDigitHeight / smallest);
        }

        var largest = options.MaxDigitHeight ?? LargestDigitShare * Math.Min(width, height);
        var passes = new List<PlannedPass>();
        for (var level = 0; passes.Count < (options.PyramidLevels ?? int.MaxValue); level++)
        {
            var scale = finest * Math.Pow(CoarserPassScale, level);
            var w = Math.Max(1, (int)Math.Round(width * scale));
            var h = Math.Max(1, (int)Math.Round(height * scale));
            if (level > 0 && Math.Max(Pad(w), Pad(h)) < DetectorOptions.PyramidMinSide)
            {
                break;
            }

            var pass = new DetectorPass(level, width, height, w, h, Pad(w), Pad(h));
            passes.Add(new PlannedPass(pass, TileGrid.Tiles(w, h, options.TileSize, TileOverlap, options.PadMultiple)));
            if (largest * scale <= Cover.Largest)
            {
                break;
            }
        }

        return passes;
    }

    private int Pad(int size) => ((size + options.PadMultiple - 1) / options.PadMultiple) * options.PadMultiple;
}
