using DigitOcr.Boxes;
using DigitOcr.Imaging;

namespace DigitOcr.Data.Scenes;

/// <summary>
/// A sample being made: a picture (<see cref="Image"/>, owned) plus the digits drawn in it, each with its own
/// <see cref="InkMask"/>. Augmentation steps (<see cref="Augmentation.ISceneTransform"/>) change it in place:
/// geometric steps move the picture and every mask alike, so ground truth is measured, not guessed, at the end
/// (<see cref="ToSample"/>). Not thread-safe; dispose it (or turn it into a <see cref="Sample"/>).
/// </summary>
public sealed class Scene : IDisposable
{
    private readonly List<SceneDigit> digits;
    private readonly List<string> applied = [];
    private Image? image;

    /// <summary>A scene over <paramref name="picture"/> (taken over: the scene disposes it) holding <paramref name="digits"/>.</summary>
    public Scene(Image picture, IEnumerable<SceneDigit>? digits = null, SceneStage stage = SceneStage.Ink)
    {
        ArgumentNullException.ThrowIfNull(picture);
        if (picture.Channels != 1)
        {
            throw new ArgumentException("A scene's picture is 8-bit gray (1 channel).", nameof(picture));
        }

        image = picture;
        this.digits = digits?.ToList() ?? [];
        Stage = stage;
    }

    /// <summary>The current picture; owned by the scene (replaced by <see cref="ReplaceImage"/>).</summary>
    public Image Image => image ?? throw new ObjectDisposedException(nameof(Scene));

    public int Width => Image.Width;

    public int Height => Image.Height;

    /// <summary>Whether <see cref="Image"/> is still ink coverage or already a rendered photo.</summary>
    public SceneStage Stage { get; private set; }

    /// <summary>
    /// In the <see cref="SceneStage.Ink"/> stage: whether the picture, once rendered, shows light ink on a dark
    /// background (the reference's "invert the canvas").
    /// </summary>
    public bool LightOnDark { get; set; }

    /// <summary>
    /// How much the content has been enlarged by scale steps since it was taken from its glyph (the reference's
    /// <c>scale</c>, which decides whether its erode/dilate step runs); 1 at the start.
    /// </summary>
    public double ContentScale { get; set; } = 1.0;

    /// <summary>The digits in the scene (a crossed-out digit is ink, not a digit, and is not listed).</summary>
    public IReadOnlyList<SceneDigit> Digits => digits;

    /// <summary>The names of the steps that acted, in order.</summary>
    public IReadOnlyList<string> Applied => applied;

    /// <summary>The whole picture as a rectangle.</summary>
    public PixelRect Bounds => new(0, 0, Width, Height);

    /// <summary>Notes that step <paramref name="name"/> acted.</summary>
    public void Record(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        applied.Add(name);
    }

    /// <summary>Replaces the picture (the old one is disposed); digit masks are left alone.</summary>
    public void ReplaceImage(Image next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (next.Channels != 1)
        {
            throw new ArgumentException("A scene's picture is 8-bit gray (1 channel).", nameof(next));
        }

        var old = Image;
        image = next;
        if (!ReferenceEquals(old, next))
        {
            old.Dispose();
        }
    }

    /// <summary>Adds a digit.</summary>
    public void AddDigit(SceneDigit digit)
    {
        ArgumentNullException.ThrowIfNull(digit);
        digits.Add(digit);
    }

    /// <summary>Replaces every digit by <paramref name="map"/>'s result.</summary>
    public void MapDigits(Func<SceneDigit, SceneDigit> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        for (var i = 0; i < digits.Count; i++)
        {
            digits[i] = map(digits[i]);
        }
    }

    /// <summary>Marks the picture as rendered (<see cref="SceneStage.Photo"/>); <paramref name="photo"/> replaces it.</summary>
    public void Render(Image photo)
    {
        ReplaceImage(photo);
        Stage = SceneStage.Photo;
    }

    /// <summary>
    /// Warps the picture and every digit through <paramref name="transform"/> (old to new pixel-centre coordinates)
    /// onto a <paramref name="width"/> x <paramref name="height"/> picture. New area is blank: no ink in the ink
    /// stage, the nearest edge pixel in the photo stage.
    /// </summary>
    public void Warp(Homography transform, int width, int height, Interpolation interpolation = Interpolation.Linear)
    {
        var border = Stage == SceneStage.Ink ? BorderMode.Constant : BorderMode.Replicate;
        ReplaceImage(transform.Warp(Image, width, height, interpolation, border, 0));
        MapDigits(d => d with { Ink = d.Ink.Warp(transform, interpolation), Patch = d.Patch?.Transform(transform) });
    }

    /// <summary>
    /// Resizes the picture to <paramref name="width"/> x <paramref name="height"/> (<c>cv::resize</c>). A mask
    /// that covers the whole picture is resized by the very same call, so it stays identical to the picture's ink;
    /// other masks are warped by the equivalent scaling.
    /// </summary>
    public void Resize(int width, int height, Interpolation interpolation)
    {
        var sx = (double)width / Width;
        var sy = (double)height / Height;
        var frame = Bounds;
        ReplaceImage(Image.Resize(width, height, interpolation));

        // cv::resize aligns pixel edges: centre x maps to (x + 0.5) sx - 0.5.
        var scaling = new Homography(sx, 0, (0.5 * sx) - 0.5, 0, sy, (0.5 * sy) - 0.5, 0, 0, 1);
        MapDigits(d =>
        {
            InkMask ink;
            if (d.Ink.Extent == frame)
            {
                using var patch = d.Ink.ToImage();
                using var resized = patch.Resize(width, height, interpolation);
                ink = InkMask.FromImage(resized, 0, 0, trim: false);
            }
            else
            {
                ink = d.Ink.Warp(scaling);
            }

            return d with { Ink = ink, Patch = d.Patch?.Scale(sx, sy) };
        });
    }

    /// <summary>
    /// A new scene of the <paramref name="region"/> of this one (which must lie inside the picture), holding every
    /// digit with any ink there; masks keep their ink outside the region, so visibility can be measured. This
    /// scene is unchanged.
    /// </summary>
    public Scene Crop(PixelRect region)
    {
        var cropped = new Scene(Image.Crop(region.X, region.Y, region.Width, region.Height), stage: Stage)
        {
            LightOnDark = LightOnDark,
            ContentScale = ContentScale,
        };
        foreach (var d in digits)
        {
            if (d.Ink.InkWithin(region).Count > 0)
            {
                cropped.digits.Add(d with { Ink = d.Ink.Offset(-region.X, -region.Y), Patch = d.Patch?.Offset(-region.X, -region.Y) });
            }
        }

        cropped.applied.AddRange(applied);
        return cropped;
    }

    /// <summary>
    /// The ground truth as it stands: for each digit with ink inside the picture, the tight box of that visible
    /// ink, <see cref="LabeledBox.Ignored"/> when less than <paramref name="keepVisibleFraction"/> of its ink is
    /// inside (or when the digit is <see cref="SceneDigit.Ignored"/>); and the patch boxes (clipped) of digits that have one.
    /// </summary>
    public (IReadOnlyList<LabeledBox> Boxes, IReadOnlyList<LabeledBox> PatchBoxes) GroundTruth(double keepVisibleFraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepVisibleFraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keepVisibleFraction, 1.0);
        var boxes = new List<LabeledBox>(digits.Count);
        var patches = new List<LabeledBox>();
        foreach (var d in digits)
        {
            var (visible, bounds) = d.Ink.InkWithin(Bounds);
            if (visible > 0)
            {
                var ignored = d.Ignored || visible < keepVisibleFraction * d.Ink.InkCount;
                boxes.Add(new LabeledBox(bounds.ToBox(), d.Digit, ignored, d.Number));
            }

            if (d.Patch is { } patch)
            {
                var box = patch.Bounds().Clip(Width, Height);
                if (!box.IsEmpty)
                {
                    patches.Add(new LabeledBox(box, d.Digit));
                }
            }
        }

        return (boxes, patches);
    }

    /// <summary>
    /// Finishes the scene as a <see cref="Sample"/>: the picture moves into the sample (this scene is disposed) with
    /// the <see cref="GroundTruth"/>. The picture must have been rendered.
    /// </summary>
    public Sample ToSample(double keepVisibleFraction)
    {
        if (Stage != SceneStage.Photo)
        {
            throw new InvalidOperationException("The scene still holds ink coverage: render it (a rendering step) before making a sample.");
        }

        var (boxes, patches) = GroundTruth(keepVisibleFraction);
        var picture = Image;
        image = null;
        return new Sample(picture, boxes, patches, applied.ToArray());
    }

    public void Dispose()
    {
        image?.Dispose();
        image = null;
    }
}
