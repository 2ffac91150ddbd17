using DigitOcr.Imaging;

namespace DigitOcr.Data.Scenes;

/// <summary>
/// One digit's own ink, kept apart from the picture it is drawn into: a small gray patch of ink coverage
/// (0 = none, 255 = full) placed with its top-left pixel at (<see cref="X"/>, <see cref="Y"/>) of the scene,
/// possibly partly or wholly outside it. Every geometric step warps the picture and each mask alike, so a digit's
/// tight box is always measured on its own ink — exactly, even where digits touch, overlap or are crossed by
/// lines. A pixel is ink when its coverage is at least <see cref="InkLevel"/>. Immutable.
/// </summary>
public sealed class InkMask
{
    /// <summary>The coverage from which a pixel counts as ink (a quarter of full: visibly gray, not a faint halo).</summary>
    public const byte InkLevel = 64;

    /// <summary>Warped masks larger than this many pixels are refused: a homography that blows a digit up so far is a bug.</summary>
    private const long MaxWarpedPixels = 64L * 1024 * 1024;

    private readonly byte[] pixels;

    private InkMask(byte[] pixels, int x, int y, int width, int height)
    {
        this.pixels = pixels;
        X = x;
        Y = y;
        Width = width;
        Height = height;
        var bounds = BoundsOf(pixels, width, height, out var count);
        InkCount = count;
        LocalInkBounds = bounds;
    }

    /// <summary>Scene column of the patch's left pixel.</summary>
    public int X { get; }

    /// <summary>Scene row of the patch's top pixel.</summary>
    public int Y { get; }

    /// <summary>Patch width; 0 for a mask with no ink at all.</summary>
    public int Width { get; }

    /// <summary>Patch height; 0 for a mask with no ink at all.</summary>
    public int Height { get; }

    /// <summary>The coverage values, <see cref="Width"/> x <see cref="Height"/>, row-major.</summary>
    public ReadOnlySpan<byte> Pixels => pixels;

    /// <summary>How many pixels are ink (coverage at least <see cref="InkLevel"/>).</summary>
    public int InkCount { get; }

    /// <summary>True when no pixel is ink.</summary>
    public bool IsEmpty => InkCount == 0;

    /// <summary>The patch's rectangle in scene pixels.</summary>
    public PixelRect Extent => new(X, Y, Width, Height);

    /// <summary>The tight rectangle of the ink in scene pixels; empty when <see cref="IsEmpty"/>.</summary>
    public PixelRect InkBounds => LocalInkBounds.IsEmpty ? default : LocalInkBounds.Offset(X, Y);

    private PixelRect LocalInkBounds { get; }

    /// <summary>
    /// A mask from a patch whose top-left pixel lies at scene (<paramref name="x"/>, <paramref name="y"/>): the
    /// patch's pixels are copied and trimmed to the pixels with any coverage at all (faint edges are kept, so
    /// that a later warp still sees them).
    /// </summary>
    /// <param name="patch">The coverage patch; copied.</param>
    /// <param name="x">Scene column of the patch's left pixel.</param>
    /// <param name="y">Scene row of the patch's top pixel.</param>
    /// <param name="trim">False keeps the patch's full frame (so that an operation applied to the picture and to
    /// the mask alike gives identical results while both have the same frame).</param>
    public static InkMask FromImage(Image patch, int x, int y, bool trim = true)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (patch.Channels != 1)
        {
            throw new ArgumentException("An ink mask is a 1-channel coverage image.", nameof(patch));
        }

        return FromPixels(patch.ToPixels(), patch.Width, patch.Height, x, y, trim);
    }

    /// <summary>A mask from coverage <paramref name="pixels"/> (row-major, <paramref name="width"/> x <paramref name="height"/>) at scene (<paramref name="x"/>, <paramref name="y"/>); see <see cref="FromImage"/>.</summary>
    public static InkMask FromPixels(byte[] pixels, int width, int height, int x, int y, bool trim = true)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (width < 0 || height < 0 || pixels.Length != width * height)
        {
            throw new ArgumentException($"{pixels.Length} coverage values do not make a {width}x{height} patch.", nameof(pixels));
        }

        if (!trim)
        {
            return new InkMask(pixels, x, y, width, height);
        }

        var used = NonZeroBounds(pixels, width, height);
        if (used.IsEmpty)
        {
            return new InkMask([], x, y, 0, 0);
        }

        if (used.Width == width && used.Height == height)
        {
            return new InkMask(pixels, x, y, width, height);
        }

        var trimmed = new byte[used.Width * used.Height];
        for (var row = 0; row < used.Height; row++)
        {
            pixels.AsSpan(((used.Y + row) * width) + used.X, used.Width).CopyTo(trimmed.AsSpan(row * used.Width));
        }

        return new InkMask(trimmed, x + used.X, y + used.Y, used.Width, used.Height);
    }

    /// <summary>The tight rectangle of the pixels at or above <see cref="InkLevel"/> in a row-major patch; empty if none.</summary>
    public static PixelRect BoundsOf(ReadOnlySpan<byte> pixels, int width, int height) => BoundsOf(pixels, width, height, out _);

    /// <summary>How many of <paramref name="pixels"/> are ink (coverage at least <see cref="InkLevel"/>).</summary>
    public static int CountInk(ReadOnlySpan<byte> pixels)
    {
        var count = 0;
        foreach (var v in pixels)
        {
            if (v >= InkLevel)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The same mask moved by (<paramref name="dx"/>, <paramref name="dy"/>) scene pixels.</summary>
    public InkMask Offset(int dx, int dy) => dx == 0 && dy == 0 ? this : new InkMask(pixels, X + dx, Y + dy, Width, Height);

    /// <summary>The coverage at scene pixel (<paramref name="sceneX"/>, <paramref name="sceneY"/>); 0 outside the patch.</summary>
    public byte At(int sceneX, int sceneY)
    {
        var lx = sceneX - X;
        var ly = sceneY - Y;
        return lx >= 0 && ly >= 0 && lx < Width && ly < Height ? pixels[(ly * Width) + lx] : (byte)0;
    }

    /// <summary>How many ink pixels fall inside <paramref name="region"/> (scene pixels), and their tight rectangle.</summary>
    public (int Count, PixelRect Bounds) InkWithin(PixelRect region)
    {
        var overlap = Extent.Intersect(region);
        if (overlap.IsEmpty || IsEmpty)
        {
            return (0, default);
        }

        if (overlap == Extent)
        {
            return (InkCount, InkBounds);
        }

        var local = overlap.Offset(-X, -Y);
        int count = 0, x1 = int.MaxValue, y1 = int.MaxValue, x2 = -1, y2 = -1;
        for (var row = local.Y; row < local.Bottom; row++)
        {
            var line = pixels.AsSpan((row * Width) + local.X, local.Width);
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] >= InkLevel)
                {
                    count++;
                    x1 = Math.Min(x1, i);
                    x2 = Math.Max(x2, i);
                    y1 = Math.Min(y1, row);
                    y2 = row;
                }
            }
        }

        return count == 0 ? (0, default) : (count, new PixelRect(X + local.X + x1, Y + y1, x2 - x1 + 1, y2 - y1 + 1));
    }

    /// <summary>The patch as a new gray image (position not included). The caller owns it.</summary>
    public Image ToImage()
    {
        if (Width == 0)
        {
            throw new InvalidOperationException("An empty ink mask has no image.");
        }

        return Image.FromPixels(pixels, Width, Height);
    }

    /// <summary>
    /// This mask carried through <paramref name="transform"/> (scene to new scene, pixel-centre coordinates), as
    /// the picture is: the patch is warped on its own into the smallest rectangle that holds its image.
    /// </summary>
    public InkMask Warp(Homography transform, Interpolation interpolation = Interpolation.Linear)
    {
        if (Width == 0)
        {
            var (nx, ny) = transform.Transform(X, Y);
            return new InkMask([], (int)Math.Round(nx), (int)Math.Round(ny), 0, 0);
        }

        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var (cx, cy) in new[] { (X - 0.5, Y - 0.5), (X + Width - 0.5, Y - 0.5), (X + Width - 0.5, Y + Height - 0.5), (X - 0.5, Y + Height - 0.5) })
        {
            var (u, v) = transform.Transform(cx, cy);
            minX = Math.Min(minX, u);
            minY = Math.Min(minY, v);
            maxX = Math.Max(maxX, u);
            maxY = Math.Max(maxY, v);
        }

        if (!double.IsFinite(minX) || !double.IsFinite(maxX) || !double.IsFinite(minY) || !double.IsFinite(maxY))
        {
            throw new InvalidOperationException($"The transform {transform} sends an ink mask to infinity.");
        }

        // One pixel of margin on each side: interpolation can spread faint coverage that far.
        var left = (int)Math.Floor(minX) - 1;
        var top = (int)Math.Floor(minY) - 1;
        var width = (int)Math.Ceiling(maxX) - left + 2;
        var height = (int)Math.Ceiling(maxY) - top + 2;
        if ((long)width * height > MaxWarpedPixels)
        {
            throw new InvalidOperationException($"The transform {transform} blows a {Width}x{Height} ink mask up to {width}x{height} pixels.");
        }

        var local = Homography.Translation(-left, -top) * transform * Homography.Translation(X, Y);
        using var patch = ToImage();
        using var warped = local.Warp(patch, width, height, interpolation, BorderMode.Constant, 0);
        return FromImage(warped, left, top);
    }

    /// <summary>
    /// This mask with its patch replaced by <paramref name="operation"/>'s result (a threshold, a morphology), at the
    /// same position. With <paramref name="padding"/> &gt; 0 the patch first gets that many blank pixels on each
    /// side, so that an operation that grows ink (dilation) is not cut off at the patch's edge; the result is then
    /// trimmed. With 0 the frame is kept as is.
    /// </summary>
    public InkMask Map(Func<Image, Image> operation, int padding = 0)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        if (Width == 0)
        {
            return this;
        }

        using var patch = padding == 0 ? ToImage() : Padded(padding);
        using var result = operation(patch);
        if (result.Width != patch.Width || result.Height != patch.Height || result.Channels != 1)
        {
            throw new InvalidOperationException("An ink-mask operation must keep the patch's size and single channel.");
        }

        return FromImage(result, X - padding, Y - padding, trim: padding > 0);
    }

    private Image Padded(int padding)
    {
        var image = Image.Create(Width + (2 * padding), Height + (2 * padding), fill: 0);
        using var patch = ToImage();
        image.DrawImage(patch, padding, padding);
        return image;
    }

    private static PixelRect BoundsOf(ReadOnlySpan<byte> pixels, int width, int height, out int count)
    {
        count = 0;
        int x1 = int.MaxValue, y1 = int.MaxValue, x2 = -1, y2 = -1;
        for (var row = 0; row < height; row++)
        {
            var line = pixels.Slice(row * width, width);
            var first = IndexOfInk(line);
            if (first < 0)
            {
                continue;
            }

            var last = first;
            for (var i = first; i < line.Length; i++)
            {
                if (line[i] >= InkLevel)
                {
                    count++;
                    last = i;
                }
            }

            x1 = Math.Min(x1, first);
            x2 = Math.Max(x2, last);
            y1 = Math.Min(y1, row);
            y2 = row;
        }

        return count == 0 ? default : new PixelRect(x1, y1, x2 - x1 + 1, y2 - y1 + 1);
    }

    private static int IndexOfInk(ReadOnlySpan<byte> line) => line.IndexOfAnyInRange(InkLevel, byte.MaxValue);

    private static PixelRect NonZeroBounds(byte[] pixels, int width, int height)
    {
        int x1 = int.MaxValue, y1 = int.MaxValue, x2 = -1, y2 = -1;
        for (var row = 0; row < height; row++)
        {
            var line = pixels.AsSpan(row * width, width);
            var first = line.IndexOfAnyExcept((byte)0);
            if (first < 0)
            {
                continue;
            }

            var last = line.LastIndexOfAnyExcept((byte)0);
            x1 = Math.Min(x1, first);
            x2 = Math.Max(x2, last);
            y1 = Math.Min(y1, row);
            y2 = row;
        }

        return x2 < 0 ? default : new PixelRect(x1, y1, x2 - x1 + 1, y2 - y1 + 1);
    }
}
