using DigitOcr.Config;
using DigitOcr.Data.Sampling;
using DigitOcr.Training.Recognition;

namespace DigitOcr.Tests.Recognition;

public class CropAugmentationTests
{
    private const int Size = 32;

    /// <summary>Every crop varied, by nothing: each test turns on the one variation it checks.</summary>
    private static readonly RecognizerAugmentOptions Unmoved = new()
    {
        Probability = 1, MaxRotationDegrees = 0, MaxScaleChange = 0, MaxShift = 0, MaxBrightnessShift = 0, Contrast = new(1, 1),
    };

    [Fact]
    public void ProbabilityZero_CopiesTheCropUnchanged()
    {
        var crop = Gradient();
        var into = new byte[crop.Length];

        new CropAugmentation(new RecognizerAugmentOptions { Probability = 0 }).Apply(crop, Size, new Random(1), into);

        Assert.Equal(crop, into);
    }

    [Fact]
    public void Augmenting_MovesTheInk_AndDifferentDrawsGiveDifferentCrops()
    {
        var crop = Bar();
        var augmentation = new CropAugmentation(new RecognizerAugmentOptions { Probability = 1, MaxBrightnessShift = 0, Contrast = new(1, 1) });
        var rng = new Random(2);
        var (a, b) = (new byte[crop.Length], new byte[crop.Length]);

        augmentation.Apply(crop, Size, rng, a);
        augmentation.Apply(crop, Size, rng, b);

        Assert.NotEqual(crop, a);
        Assert.NotEqual(a, b);
        // Rotation, scale and shift are small: the dark bar is still there, about as much ink as before.
        var inkBefore = crop.Count(p => p < 128);
        Assert.InRange(a.Count(p => p < 128), inkBefore * 0.6, inkBefore * 1.4);
    }

    [Fact]
    public void LowContrast_BringsInkAndPaperCloser()
    {
        var crop = Bar();
        var into = new byte[crop.Length];
        var options = Unmoved with { Contrast = new(0.5, 0.5) };

        new CropAugmentation(options).Apply(crop, Size, new Random(3), into);

        Assert.InRange(into.Max() - into.Min(), 120, 135); // 255 * 0.5, rounded
    }

    [Fact]
    public void Shear_SlantsAnUprightBar_AndKeepsItsInk()
    {
        var crop = Bar();
        var into = new byte[crop.Length];
        var options = Unmoved with { MaxShear = 0.5 };
        var rng = new Random(5);

        new CropAugmentation(options).Apply(crop, Size, rng, into);

        // x moves by shear times (y - centre): rows 6 and 25 of the bar lie shear * 19 px apart.
        // The shear is the sixth draw: probability, shift x and y, rotation and scale come first (zero-wide, still drawn).
        var draws = new Random(5);
        for (var i = 0; i < 5; i++)
        {
            draws.NextDouble();
        }

        var shear = draws.Symmetric(0.5);
        var top = InkCentreX(into, 6);
        var bottom = InkCentreX(into, 25);
        Assert.Equal(shear * 19, bottom - top, 0.75);
        Assert.True(Math.Abs(shear) > 0.05, $"seed 5 should draw a visible shear, drew {shear}");
        var inkBefore = crop.Count(p => p < 128);
        Assert.InRange(into.Count(p => p < 128), inkBefore * 0.8, inkBefore * 1.2);
    }

    [Fact]
    public void AspectChange_WidensOrNarrowsTheBar()
    {
        var crop = Bar();
        var into = new byte[crop.Length];
        var options = Unmoved with { MaxAspectChange = 0.4 };
        var augmentation = new CropAugmentation(options);
        var widths = new List<int>();
        var rng = new Random(6);
        for (var i = 0; i < 20; i++)
        {
            augmentation.Apply(crop, Size, rng, into);
            widths.Add(into.Skip(16 * Size).Take(Size).Count(p => p < 128));
        }

        // A 4 px bar stretched by 0.6-1.4 is 2-6 px wide at mid-height; twenty draws reach both sides of 4.
        Assert.All(widths, w => Assert.InRange(w, 2, 6));
        Assert.Contains(widths, w => w < 4);
        Assert.Contains(widths, w => w > 4);
    }

    [Fact]
    public void ShearAndAspectOff_DrawTheSameRandomSequenceAsBefore()
    {
        var crop = Bar();
        var rng = new Random(7);
        new CropAugmentation(new RecognizerAugmentOptions()).Apply(crop, Size, rng, new byte[crop.Length]);

        // Probability, shift x and y, rotation, scale, contrast, brightness: seven draws and no more.
        var expected = new Random(7);
        for (var i = 0; i < 7; i++)
        {
            expected.NextDouble();
        }

        Assert.Equal(expected.NextDouble(), rng.NextDouble());
    }

    [Fact]
    public void SlantConfig_ShearsAndStretches_WhileTheShippedConfigDoesNot()
    {
        static RecognizerAugmentOptions Augment(string name) =>
            RecognizerTrainingConfig.Load(Path.Combine(AppContext.BaseDirectory, "configs", name + ".json")).Data.Augment;

        Assert.Equal((0.3, 0.15), (Augment("recognizer-slant").MaxShear, Augment("recognizer-slant").MaxAspectChange));
        Assert.Equal((0.0, 0.0), (Augment("recognizer").MaxShear, Augment("recognizer").MaxAspectChange));
    }

    [Fact]
    public void OutOfRangeOptions_AreNamed()
    {
        var problems = new RecognizerDataOptions { Augment = new RecognizerAugmentOptions { Probability = 2, MaxShift = 1, MaxShear = 2, MaxAspectChange = -0.1 }, MnistDigits = -1 }.Validate().ToList();

        Assert.Contains(problems, p => p.StartsWith("data.augment.probability", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("data.augment.maxShift", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("data.augment.maxShear", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("data.augment.maxAspectChange", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("data.mnistDigits must be at least 0, got -1", StringComparison.Ordinal));
    }

    [Fact]
    public void MnistCrops_AreLabelledDigits_OnTheirOwnPaper()
    {
        var config = new RecognizerConfig();
        var crops = new CropSet(config.CropSize);

        MnistCrops.Add(Data.TestGlyphs.Train, 20, config, new Random(4), crops);

        Assert.Equal(20, crops.Count);
        for (var i = 0; i < crops.Count; i++)
        {
            Assert.Equal(Data.TestGlyphs.Train.Label(i), crops.Label(i));
            var pixels = crops.Pixels(i).ToArray();
            Assert.True(pixels.Max() - pixels.Min() >= 40, $"crop {i}: ink and paper {pixels.Min()}..{pixels.Max()}");
        }
    }

    /// <summary>The mean x of the dark pixels of row <paramref name="y"/>.</summary>
    private static double InkCentreX(byte[] pixels, int y) =>
        Enumerable.Range(0, Size).Where(x => pixels[(y * Size) + x] < 128).Average();

    private static byte[] Gradient() => Enumerable.Range(0, Size * Size).Select(i => (byte)(i % 256)).ToArray();

    /// <summary>White, with a dark vertical bar 4 px wide down the middle (a "1").</summary>
    private static byte[] Bar() =>
        Enumerable.Range(0, Size * Size).Select(i => (byte)(Math.Abs((i % Size) - 15.5) < 2 && i / Size is > 4 and < 27 ? 0 : 255)).ToArray();
}
