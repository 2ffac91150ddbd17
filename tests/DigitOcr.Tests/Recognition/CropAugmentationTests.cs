using DigitOcr.Config;
using DigitOcr.Training.Recognition;

namespace DigitOcr.Tests.Recognition;

public class CropAugmentationTests
{
    private const int Size = 32;

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
        var options = new RecognizerAugmentOptions { Probability = 1, MaxRotationDegrees = 0, MaxScaleChange = 0, MaxShift = 0, MaxBrightnessShift = 0, Contrast = new(0.5, 0.5) };

        new CropAugmentation(options).Apply(crop, Size, new Random(3), into);

        Assert.InRange(into.Max() - into.Min(), 120, 135); // 255 * 0.5, rounded
    }

    [Fact]
    public void OutOfRangeOptions_AreNamed()
    {
        var problems = new RecognizerDataOptions { Augment = new RecognizerAugmentOptions { Probability = 2, MaxShift = 1 }, MnistDigits = -1 }.Validate().ToList();

        Assert.Contains(problems, p => p.StartsWith("data.augment.probability", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("data.augment.maxShift", StringComparison.Ordinal));
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

    private static byte[] Gradient() => Enumerable.Range(0, Size * Size).Select(i => (byte)(i % 256)).ToArray();

    /// <summary>White, with a dark vertical bar 4 px wide down the middle (a "1").</summary>
    private static byte[] Bar() =>
        Enumerable.Range(0, Size * Size).Select(i => (byte)(Math.Abs((i % Size) - 15.5) < 2 && i / Size is > 4 and < 27 ? 0 : 255)).ToArray();
}
