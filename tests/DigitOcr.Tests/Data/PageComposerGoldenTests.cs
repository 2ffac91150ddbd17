using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DigitOcr.Boxes;
using DigitOcr.Data;
using DigitOcr.Data.Mnist;
using DigitOcr.Data.Pages;
using DigitOcr.Data.Scenes;
using DigitOcr.Data.Sources;

namespace DigitOcr.Tests.Data;

/// <summary>
/// Pages from fixed seeds stay bit-identical: the same random draws in the same order give the same pixels and
/// boxes. Guards refactors of the page composer (a reordered draw changes every later mark).
/// </summary>
public class PageComposerGoldenTests
{
    /// <summary>
    /// Produced by this test on the page composer as it was before it was split into its planners (commit cf7b057, x64
    /// Linux): run the test with these lists empty and copy the actual values. Enough pages that every branch occurs
    /// (counted once with temporary counters: 5 ruled pages, 13 form-box rows, 11 underlines, 5 enclosing rectangles,
    /// 32 dashes, 9 dots, 8 parentheses, 11 strike-throughs, 28 scattered digits, 57 to 122 tries of each clutter kind).
    /// Regenerated the same way when the <c>pages</c> defaults changed on purpose (more ruled pages, lower contrast,
    /// stronger perspective, tighter gaps, scribbles beside numbers): the values pin the defaults as well as the draws.
    /// </summary>
    private static readonly string[] ExpectedInkPages =
    [
        "420x373, 22 digits, 666 draws, sha256 6F348B3493D82C37",
        "595x472, 40 digits, 1571 draws, sha256 41EEE56075BC3748",
        "435x570, 2 digits, 419 draws, sha256 00A190AA9FE6A02A",
        "610x669, 22 digits, 915 draws, sha256 61FCAB9EDC156767",
        "450x432, 37 digits, 629 draws, sha256 905BFD1BC68CC705",
        "625x530, 5 digits, 388 draws, sha256 027790BBA1B4878E",
        "465x629, 10 digits, 561 draws, sha256 DF6828FC894C0DD8",
        "640x391, 19 digits, 595 draws, sha256 9D46D3E8683E3CA5",
        "480x490, 76 digits, 1140 draws, sha256 D538EC7BC288A249",
        "655x589, 11 digits, 444 draws, sha256 EE68B6C33E2419F4",
        "495x351, 13 digits, 782 draws, sha256 6B7879098ACAA60F",
        "670x450, 41 digits, 1300 draws, sha256 E4BA77371D94B18F",
    ];

    /// <summary>Produced the same way: whole pages through perspective and photo effects (the evaluation's test pages).</summary>
    private static readonly string[] ExpectedPhotoPages =
    [
        "455x535, 32 digits, sha256 A9875E2D6CDE8065",
        "648x559, 91 digits, sha256 500CB8FF3A50EC99",
    ];

    private const int InkPages = 12;
    private const int PhotoPages = 2;

    [Fact]
    public void ComposedPages_FromFixedSeeds_AreUnchanged()
    {
        var composer = new PageComposer(new LayoutOptions(), new PenOptions(), new SurfaceOptions(), new ClutterOptions());
        var fashion = GlyphSetCache.FashionMnist(MnistSplit.Test);
        var actual = new List<string>();
        for (var seed = 1; seed <= InkPages; seed++)
        {
            var rng = new CountingRandom(seed);
            using var page = composer.Compose(TestGlyphs.Test, fashion, 224, 224, rng);
            actual.Add(Fingerprint(page, rng.Draws));
        }

        Assert.Equal(ExpectedInkPages, actual);
    }

    [Fact]
    public void PhotographedTestPages_FromFixedSeeds_AreUnchanged()
    {
        var source = (PageSampleSource)SampleSources.Create(new DataOptions { DataFolder = TestGlyphs.DataFolder }, DataSplit.Test);
        var actual = new List<string>();
        for (var group = 0; group < PhotoPages; group++)
        {
            using var sample = source.GeneratePage(0, group);
            actual.Add(Fingerprint(sample.Width, sample.Height, sample.Image.ToPixels(), sample.Boxes, draws: null));
        }

        Assert.Equal(ExpectedPhotoPages, actual);
    }

    private static string Fingerprint(Scene page, long draws) =>
        Fingerprint(page.Width, page.Height, page.Image.ToPixels(), page.GroundTruth(new CropOptions().KeepVisibleFraction).Boxes, draws);

    /// <summary>A readable summary (size, digits, draws) and a SHA-256 over the pixels and every box's exact coordinates.</summary>
    private static string Fingerprint(int width, int height, byte[] pixels, IReadOnlyList<LabeledBox> boxes, long? draws)
    {
        var text = new StringBuilder();
        foreach (var b in boxes)
        {
            text.Append(CultureInfo.InvariantCulture, $"{b.Digit} {b.Number} {b.Ignored} {b.Box.X1:R} {b.Box.Y1:R} {b.Box.X2:R} {b.Box.Y2:R};");
        }

        var hash = SHA256.HashData([.. pixels, .. Encoding.UTF8.GetBytes(text.ToString())]);
        var drawn = draws is { } n ? $", {n} draws" : "";
        return $"{width}x{height}, {boxes.Count} digits{drawn}, sha256 {Convert.ToHexString(hash)[..16]}";
    }

    /// <summary>Counts the draws; a derived <see cref="Random"/> with a seed yields the same sequence as the base one.</summary>
    private sealed class CountingRandom(int seed) : Random(seed)
    {
        public long Draws { get; private set; }

        public override int Next()
        {
            Draws++;
            return base.Next();
        }

        public override int Next(int maxValue)
        {
            Draws++;
            return base.Next(maxValue);
        }

        public override int Next(int minValue, int maxValue)
        {
            Draws++;
            return base.Next(minValue, maxValue);
        }

        public override double NextDouble()
        {
            Draws++;
            return base.NextDouble();
        }
    }
}
