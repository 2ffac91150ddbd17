using DigitOcr.Boxes;
using DigitOcr.Config;
using DigitOcr.Imaging;
using DigitOcr.Postprocess;
using DigitOcr.Tests.Data;
using DigitOcr.Training.Recognition;

namespace DigitOcr.Tests.Recognition;

/// <summary>
/// The harvester's digits cut by a picture edge (<see cref="RecognizerDataOptions.EdgeCutCopies"/>): on a page of
/// pixel noise no two rows or columns are alike, so a crop with two identical neighbouring rows or columns shows the
/// edge replicated outward, as <see cref="DigitOcr.Recognition.DigitCrops"/> does at a real picture edge.
/// </summary>
public sealed class CropHarvesterTests
{
    private static readonly RecognizerConfig Model = new() { Widths = [4, 8, 8] };

    [Fact]
    public void EdgeCutCopies_AddThatManyCropsOfTheirDigit_EachWithTheEdgeReplicated()
    {
        using var page = NoisePage(out var truth);
        var options = new RecognizerDataOptions
        {
            JitteredCopies = 0, EdgeCutCopies = 5, BackgroundNegatives = 0, HalfDigitNegatives = 0, PairNegatives = 0,
        };
        var crops = new CropSet(Model.CropSize);

        new CropHarvester(Model, options).Harvest(page, truth, [], new Random(3), crops);

        Assert.Equal(truth.Count + 5, crops.Count);
        for (var i = 0; i < crops.Count; i++)
        {
            Assert.Equal(truth[0].Digit, crops.Label(i));
        }

        Assert.False(HasRepeatedLine(crops.Pixels(0)), "the whole digit's crop lies inside the page: nothing is replicated");
        for (var i = truth.Count; i < crops.Count; i++)
        {
            Assert.True(HasRepeatedLine(crops.Pixels(i)), $"cut copy {i - truth.Count} shows no replicated edge");
        }
    }

    [Fact]
    public void NoEdgeCutCopies_AddOnlyTheWholeDigits()
    {
        using var page = NoisePage(out var truth);
        var options = new RecognizerDataOptions { JitteredCopies = 0, BackgroundNegatives = 0, HalfDigitNegatives = 0, PairNegatives = 0 };
        var crops = new CropSet(Model.CropSize);

        new CropHarvester(Model, options).Harvest(page, truth, [], new Random(3), crops);

        Assert.Equal(truth.Count, crops.Count);
    }

    [Fact]
    public void NegativeEdgeCutCopies_AreRefusedByName()
    {
        var problems = new RecognizerDataOptions { EdgeCutCopies = -1 }.Validate().ToList();

        Assert.Contains(problems, p => p.Contains("edgeCutCopies", StringComparison.Ordinal) && p.Contains("-1", StringComparison.Ordinal));
    }

    /// <summary>A 200x120 page of uniform noise (150-255) with one MNIST digit 40 px tall in the middle.</summary>
    private static Image NoisePage(out IReadOnlyList<LabeledBox> truth)
    {
        var rng = new Random(5);
        var pixels = new byte[200 * 120];
        rng.NextBytes(pixels);
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(150 + (pixels[i] % 106));
        }

        var page = Image.FromPixels(pixels, 200, 120);
        var glyphs = TestGlyphs.Test;
        var box = GlyphPaste.Dark(page, glyphs, 0, 90, 40, 40);
        truth = [new LabeledBox(box, glyphs.Label(0))];
        return page;
    }

    /// <summary>Whether two neighbouring rows or two neighbouring columns of a square crop are identical.</summary>
    private static bool HasRepeatedLine(ReadOnlySpan<byte> crop)
    {
        var size = (int)Math.Sqrt(crop.Length);
        for (var k = 1; k < size; k++)
        {
            var (rows, columns) = (true, true);
            for (var j = 0; j < size; j++)
            {
                rows &= crop[(k * size) + j] == crop[((k - 1) * size) + j];
                columns &= crop[(j * size) + k] == crop[(j * size) + k - 1];
            }

            if (rows || columns)
            {
                return true;
            }
        }

        return false;
    }
}
