using DigitOcr.Data;
using DigitOcr.Data.Augmentation;
using DigitOcr.Data.Augmentation.Reference;
using DigitOcr.Data.Scenes;
using DigitOcr.Data.Sources;

namespace DigitOcr.Tests.Data;

public class ReferencePresetTests
{
    private const int RateSamples = 2000;
    private static readonly ReferenceOptions Options = new();

    [Fact]
    public void Rates_OverManySamples_MatchTheReference()
    {
        var source = new ReferenceSampleSource(TestGlyphs.Train, Options, DataSplit.Train, seed: 11);
        var counts = new Dictionary<string, int>();
        var invertedSeen = 0;
        for (var i = 0; i < RateSamples; i++)
        {
            using var sample = source.Generate(0, i);
            foreach (var name in sample.Applied)
            {
                counts[name] = counts.GetValueOrDefault(name) + 1;
            }

            // Invert is visible in the picture itself: the background (most pixels) turns black.
            var pixels = sample.Image.ToPixels();
            Array.Sort(pixels);
            var inverted = pixels[pixels.Length / 2] == 0;
            Assert.Equal(sample.Applied.Contains(TransformNames.Invert), inverted);
            invertedSeen += inverted ? 1 : 0;
        }

        // About 4 standard deviations of a binomial count over 2000 draws.
        AssertRate(counts, TransformNames.AspectJitter, 0.25, 0.04);
        AssertRate(counts, TransformNames.Threshold, 0.5, 0.045);
        AssertRate(counts, TransformNames.Invert, 0.5, 0.045);
        AssertRate(counts, TransformNames.Scale, 0.5, 0.045);
        AssertRate(counts, TransformNames.BlackPixels, 0.2, 0.04);
        AssertRate(counts, TransformNames.Affine, 1.0, 0.0);
        Assert.InRange(invertedSeen / (double)RateSamples, 0.455, 0.545);
        Assert.True(counts.GetValueOrDefault(TransformNames.Erode) + counts.GetValueOrDefault(TransformNames.Dilate) > 0);
    }

    [Fact]
    public void EverySample_BoxIsTightOnItsInkAndInsideTheCanvas()
    {
        var source = new ReferenceSampleSource(TestGlyphs.Train, Options, DataSplit.Train, seed: 5);
        for (var i = 0; i < 200; i++)
        {
            using var scene = source.RenderGroup(0, i).Single();

            SceneAssert.BoxesAreTightAndInside(scene, Options.KeepVisibleFraction);
            Assert.Equal((224, 224), (scene.Width, scene.Height));
        }
    }

    [Fact]
    public void EverySample_BoxMatchesTheInkSeenInThePicture()
    {
        // Independent of the masks: the only ink in a sample without black pixels is the digit's.
        var source = new ReferenceSampleSource(TestGlyphs.Train, Options, DataSplit.Train, seed: 6);
        var checkedSamples = 0;
        for (var i = 0; i < 200; i++)
        {
            using var sample = source.Generate(0, i);
            if (sample.Applied.Contains(TransformNames.BlackPixels))
            {
                continue;
            }

            var inverted = sample.Applied.Contains(TransformNames.Invert);
            var pixels = sample.Image.ToPixels();
            int x1 = int.MaxValue, y1 = int.MaxValue, x2 = -1, y2 = -1;
            for (var p = 0; p < pixels.Length; p++)
            {
                var coverage = inverted ? pixels[p] : 255 - pixels[p];
                if (coverage >= InkMask.InkLevel)
                {
                    (x1, y1, x2, y2) = (Math.Min(x1, p % 224), Math.Min(y1, p / 224), Math.Max(x2, p % 224), Math.Max(y2, p / 224));
                }
            }

            var box = Assert.Single(sample.Boxes).Box;
            Assert.InRange(box.X1 - x1, -1, 1);
            Assert.InRange(box.Y1 - y1, -1, 1);
            Assert.InRange(box.X2 - (x2 + 1), -1, 1);
            Assert.InRange(box.Y2 - (y2 + 1), -1, 1);
            checkedSamples++;
        }

        Assert.True(checkedSamples > 100);
    }

    [Fact]
    public void PatchBox_HoldsTheTightBoxAndStaysInsideTheCanvas()
    {
        var source = new ReferenceSampleSource(TestGlyphs.Train, Options, DataSplit.Train, seed: 7);
        for (var i = 0; i < 200; i++)
        {
            using var sample = source.Generate(0, i);

            var tight = Assert.Single(sample.Boxes);
            var patch = Assert.Single(sample.PatchBoxes);
            Assert.Equal(tight.Digit, patch.Digit);
            Assert.True(patch.Box.X1 <= tight.Box.X1 + 1 && patch.Box.Y1 <= tight.Box.Y1 + 1
                        && patch.Box.X2 >= tight.Box.X2 - 1 && patch.Box.Y2 >= tight.Box.Y2 - 1,
                $"patch {patch.Box} does not hold ink {tight.Box}");
            Assert.InRange(patch.Box.X1, 0, 224);
            Assert.InRange(patch.Box.X2, 0, 224);
            Assert.InRange(patch.Box.Y1, 0, 224);
            Assert.InRange(patch.Box.Y2, 0, 224);
        }
    }

    [Fact]
    public void Validation_IsTheTestDigitsInOrder_WithoutAffine_SameEveryEpoch()
    {
        var test = TestGlyphs.Test;
        var source = new ReferenceSampleSource(test, Options, DataSplit.Validation, seed: 1);

        Assert.Equal(10_000, source.Count);
        for (var i = 0; i < 30; i++)
        {
            using var first = source.Generate(0, i);
            using var later = source.Generate(9, i);

            Assert.Equal(test.Label(i), Assert.Single(first.Boxes).Digit);
            Assert.DoesNotContain(TransformNames.Affine, first.Applied);
            SceneAssert.Identical(first, later);

            // Without the affine the patch box is exactly the pasted patch, at least 19 px a side (28 / sqrt 2).
            var patch = Assert.Single(first.PatchBoxes).Box;
            Assert.Equal(patch.X1, MathF.Round(patch.X1));
            Assert.True(patch.Width >= 19 && patch.Height >= 19, $"patch {patch}");
        }
    }

    [Fact]
    public void SameSeedAndIndex_GiveTheSameBytes_OtherSeedsDiffer()
    {
        var a = new ReferenceSampleSource(TestGlyphs.Train, Options, DataSplit.Train, seed: 3);
        var b = new ReferenceSampleSource(TestGlyphs.Train, Options, DataSplit.Train, seed: 3);
        var c = new ReferenceSampleSource(TestGlyphs.Train, Options, DataSplit.Train, seed: 4);
        var differ = 0;
        for (var i = 0; i < 20; i++)
        {
            using var first = a.Generate(2, i);
            using var second = b.Generate(2, i);
            using var other = c.Generate(2, i);

            SceneAssert.Identical(first, second);
            differ += first.Image.ToPixels().AsSpan().SequenceEqual(other.Image.ToPixels()) ? 0 : 1;
        }

        Assert.True(differ >= 19);
    }

    [Fact]
    public void Labels_AreTheDrawnGlyphsLabels()
    {
        var glyphs = TestGlyphs.OnlyDigit(TestGlyphs.Test, 3, count: 50);
        var source = new ReferenceSampleSource(glyphs, Options with { InvertProbability = 0, BlackPixelsProbability = 0 }, DataSplit.Train, seed: 2);

        var labels = Enumerable.Range(0, 50).Select(i =>
        {
            using var sample = source.Generate(0, i);
            return Assert.Single(sample.Boxes).Digit;
        });

        Assert.All(labels, l => Assert.Equal(3, l));
    }

    private static void AssertRate(Dictionary<string, int> counts, string name, double expected, double tolerance)
    {
        var rate = counts.GetValueOrDefault(name) / (double)RateSamples;
        Assert.True(Math.Abs(rate - expected) <= tolerance + 1e-9, $"{name}: rate {rate:F3}, expected {expected} ± {tolerance}");
    }
}
