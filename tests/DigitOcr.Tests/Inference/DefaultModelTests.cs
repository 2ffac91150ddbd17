using DigitOcr.Imaging;
using DigitOcr.Inference;
using DigitOcr.Inference.PhoneBook;
using DigitOcr.Reading;

namespace DigitOcr.Tests.Inference;

/// <summary>The model shipped in the assembly reads a page of MNIST test digits and finds the right people.</summary>
public class DefaultModelTests
{
    private static readonly string Page = Path.Combine(AppContext.BaseDirectory, "samples", "sample-page.png");

    [Fact]
    public void ShippedModel_ReadsTheSamplePage_AndTheDirectoryFindsBothPeople()
    {
        Assert.True(DefaultModel.IsAvailable, "this build embeds no default model (models/digitocr-lite.pt)");
        using var detector = DigitDetector.Load();
        var directory = new PhoneDirectoryBuilder();
        directory.Add("Ada Lovelace", "(555) 123-4567", 1);
        directory.Add("Alan Turing", "800-649-0213", 2);
        var random = new Random(3);
        for (var i = 0; i < 5000; i++)
        {
            directory.Add($"distractor {i}", random.NextInt64(2_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture), 3 + i);
        }

        var reading = new PageReader(detector, directory: directory.Build()).Read(Page);
        Assert.Equal(2, reading.Numbers.Count);
        var names = reading.Lookups.Select(l => (l as DirectoryMatch)?.Entry.Name).ToList();
        Assert.Equal(["Ada Lovelace", "Alan Turing"], names);
    }

    [Fact]
    public void BFloat16_ReadsTheSamplePage_AsFloat32Does_BoxesWithinAPixel()
    {
        using var float32 = DigitDetector.Load(options: new DetectorOptions { Backend = DetectorBackend.Libtorch, UseRecognizer = false });
        using var bfloat16 = DigitDetector.Load(options: new DetectorOptions { Precision = InferencePrecision.BFloat16, UseRecognizer = false });
        Assert.Equal(DetectorBackend.Libtorch, bfloat16.Options.EffectiveBackend);

        AssertReadAlike(float32, bfloat16, score: 0.05, pixels: 1);
    }

    [Fact]
    public void Int8_ReadsTheSamplePage_AsFloat32Does_BoxesWithinATenthOfTheirHeight()
    {
        // The digits are about 40 px tall. With 7-bit weights (OnnxLayers.WeightLevels, which a CPU without VNNI needs)
        // one box edge moved 3.1 px on an AVX2 machine; with 8-bit weights on a VNNI machine all stayed within 2 px.
        using var float32 = DigitDetector.Load(options: new DetectorOptions { UseRecognizer = false });
        using var int8 = DigitDetector.Load(options: new DetectorOptions { Precision = InferencePrecision.Int8, UseRecognizer = false });
        Assert.Equal(DetectorBackend.OnnxRuntime, int8.Options.EffectiveBackend);

        AssertReadAlike(float32, int8, score: 0.1, pixels: 4);
    }

    /// <summary>Every digit float32 finds at 0.5 (the sample page's 20), <paramref name="other"/> finds once, as the same digit, its score and box edges within the tolerances.</summary>
    private static void AssertReadAlike(DigitDetector float32, DigitDetector other, double score, float pixels)
    {
        var exact = float32.Detect(Page).Digits.Where(d => d.Score >= 0.5).ToList();
        var theirs = other.Detect(Page).Digits;

        Assert.Equal(20, exact.Count);
        foreach (var digit in exact)
        {
            var twin = Assert.Single(theirs, d => d.Box.IoU(digit.Box) > 0.5);
            Assert.Equal(digit.Digit, twin.Digit);
            Assert.Equal(digit.Score, twin.Score, score);
            Assert.True(Math.Abs(digit.Box.X1 - twin.Box.X1) < pixels && Math.Abs(digit.Box.Y2 - twin.Box.Y2) < pixels, $"{digit.Box} against {twin.Box}");
        }
    }

    [Fact]
    public void Int8_WithTheShippedRecognizerInInt8Too_ReadsTheSamplePagesNumbers()
    {
        using var int8 = DigitDetector.Load(options: new DetectorOptions { Precision = InferencePrecision.Int8 });

        var numbers = new PageReader(int8).Read(Page).Numbers.Select(n => n.Text).ToList();

        Assert.Equal(["5551234567", "8006490213"], numbers);
    }

    [Fact]
    public void ShippedModel_ReadsDigitsWrittenLargerThanItsAnchors_ThroughThePyramid()
    {
        // The sample page 4x larger, cut to its first six digits: 155-175 px tall (its digits are about 40 px), beyond the largest anchor (140 px).
        using var page = Image.Load(Page);
        using var large = page.Resize(page.Width * 4, page.Height * 4, Interpolation.Cubic);
        using var cut = large.Crop(0, 80, 1280, 440);
        using var detector = DigitDetector.Load();

        var numbers = new NumberReader().Read(detector.Detect(cut).Digits);

        var text = Assert.Single(numbers).Text;
        // What is written there: the whole digits 5, 5, 5, 1, 2 of the page's first number, then part of its "3" cut by
        // the border, which may or may not be read. The whole digits must be read with at most one wrong.
        const string Whole = "55512";
        Assert.InRange(text.Length, Whole.Length, Whole.Length + 1);
        var wrong = Whole.Zip(text).Count(p => p.First != p.Second);
        Assert.True(wrong <= 1, $"read '{text}' where {Whole} and part of a 3 are written");
    }
}
