using DigitOcr.Boxes;
using DigitOcr.Data.Augmentation;
using DigitOcr.Data.Augmentation.Geometric;
using DigitOcr.Data.Augmentation.Photometric;
using DigitOcr.Data.Pages;
using DigitOcr.Data.Sampling;
using DigitOcr.Data.Scenes;
using DigitOcr.Data.Sources;
using DigitOcr.Imaging;
using DigitOcr.Training;

namespace DigitOcr.Data.Annotated;

/// <summary>
/// Training crops of the user's own annotated images, made the way the <c>pages</c> preset makes its crops: group
/// <c>g</c> of epoch <c>e</c> is one image (drawn from the seed, <c>e</c> and <c>g</c>), scaled
/// (<see cref="AnnotatedOptions.Scale"/>), padded to at least a crop, given a mild perspective, cut into
/// <see cref="CropOptions.CropsPerPage"/> crops of the model's input size by <see cref="CropCutter"/> (mostly around a
/// digit), and each crop photographed again (<see cref="PhotoPipeline.CreateForPhotos"/>). Each box becomes a
/// rectangle of "ink", so geometry moves it with the picture and a digit cut by a crop's border is kept or ignored as
/// the synthetic crops' are. Images are decoded as they are used, not held in memory. Thread-safe.
/// </summary>
public sealed class AnnotatedSampleSource : ISampleSource
{
    /// <summary>A digit is at most this fraction of the crop's shorter side, so that it fits in a crop (as the pages preset's).</summary>
    private const double MaxDigitFractionOfCrop = 0.9;

    private const int ImageStream = 0x75736572;

    private readonly IReadOnlyList<AnnotatedImage> images;
    private readonly AnnotatedOptions options;
    private readonly CropOptions crop;
    private readonly RandomPerspective perspective;
    private readonly CropCutter cutter;
    private readonly Pipeline photo;
    private readonly int seed;

    /// <param name="images">The images to draw from (the training side of an <see cref="AnnotatedSplit"/>).</param>
    /// <param name="options">How they are scaled and photographed.</param>
    /// <param name="crop">The crops' size (the model's input) and how many per image, as the pages preset's.</param>
    /// <param name="seed">The run's data seed.</param>
    public AnnotatedSampleSource(IReadOnlyList<AnnotatedImage> images, AnnotatedOptions options, CropOptions crop, int seed)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(crop);
        if (images.Count == 0)
        {
            throw new ArgumentException("there are no annotated images to train on", nameof(images));
        }

        OptionChecks.ThrowIfAny(options.Validate(), nameof(options));
        this.images = images;
        this.options = options;
        this.crop = crop;
        this.seed = seed;
        perspective = new RandomPerspective(options.PerspectiveProbability, options.MaxPerspectiveShift);
        cutter = new CropCutter(crop);
        photo = PhotoPipeline.CreateForPhotos(options.Photo);
    }

    /// <summary>The synthetic preset it stands in for; the samples are the user's images, not a preset's.</summary>
    public DataPreset Preset => DataPreset.Pages;

    public DataSplit Split => DataSplit.Train;

    public int Width => crop.Width;

    public int Height => crop.Height;

    public int GroupSize => crop.CropsPerPage;

    public long? Count => null;

    public IReadOnlyList<Sample> GenerateGroup(int epoch, long group) =>
        RenderGroup(epoch, group).Select(s => s.ToSample(crop.KeepVisibleFraction)).ToArray();

    public IReadOnlyList<Scene> RenderGroup(int epoch, long group)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(group);
        var rng = SampleSeed.Random(seed, ImageStream, epoch, group);
        var image = images[rng.Next(images.Count)];
        using var page = Prepare(image, rng);
        return cutter.Cut(page, photo, rng);
    }

    /// <summary>The image as a scene: decoded, its boxes as ink, scaled, padded to a crop at least, and warped.</summary>
    private Scene Prepare(AnnotatedImage image, Random rng)
    {
        var picture = Image.Load(image.Path);
        var scene = new Scene(picture, image.Boxes.Select(Digit), SceneStage.Photo);
        try
        {
            scene.Record(TransformNames.Annotated);
            var scale = ScaleFor(image, rng);
            if (Math.Abs(scale - 1) > 1e-6)
            {
                var width = Math.Max(1, (int)Math.Round(image.Width * scale));
                var height = Math.Max(1, (int)Math.Round(image.Height * scale));
                scene.Resize(width, height, scale < 1 ? Interpolation.Area : Interpolation.Linear);
                scene.Record(TransformNames.Scale);
            }

            if (scene.Width < crop.Width || scene.Height < crop.Height)
            {
                // Centred on a canvas of at least a crop; the photo stage fills new area with the nearest edge pixel.
                var (width, height) = (Math.Max(scene.Width, crop.Width), Math.Max(scene.Height, crop.Height));
                scene.Warp(Homography.Translation((width - scene.Width) / 2, (height - scene.Height) / 2), width, height);
            }

            perspective.Apply(scene, rng);
            return scene;
        }
        catch
        {
            scene.Dispose();
            throw;
        }
    }

    /// <summary>A scale from <see cref="AnnotatedOptions.Scale"/>, raised so the median digit stays readable and lowered so the tallest fits a crop.</summary>
    private double ScaleFor(AnnotatedImage image, Random rng)
    {
        var scale = rng.LogUniform(options.Scale);
        var heights = image.Boxes.Where(b => !b.Ignored).Select(b => (double)b.Box.Height).Order().ToList();
        if (heights.Count == 0)
        {
            return scale;
        }

        var median = heights[heights.Count / 2];
        scale = Math.Max(scale, options.MinDigitHeight / median);
        return Math.Min(scale, MaxDigitFractionOfCrop * Math.Min(crop.Width, crop.Height) / heights[^1]);
    }

    /// <summary>A box as a digit whose ink is the box's whole rectangle (pixels it covers, rounded outwards).</summary>
    private static SceneDigit Digit(LabeledBox box)
    {
        var x = (int)Math.Floor(box.Box.X1);
        var y = (int)Math.Floor(box.Box.Y1);
        var width = Math.Max(1, (int)Math.Ceiling(box.Box.X2) - x);
        var height = Math.Max(1, (int)Math.Ceiling(box.Box.Y2) - y);
        var ink = new byte[width * height];
        Array.Fill(ink, byte.MaxValue);
        return new SceneDigit(box.Digit, InkMask.FromPixels(ink, width, height, x, y, trim: false), Number: box.Number, Ignored: box.Ignored);
    }
}
