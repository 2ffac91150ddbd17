using DigitOcr.Boxes;
using DigitOcr.Data;
using DigitOcr.Data.Sources;
using DigitOcr.Evaluation;
using DigitOcr.Tests.Data;

namespace DigitOcr.Tests.Evaluation;

public class PageEvaluationTests
{
    private const int Pages = 2;
    private const int Distractors = 500;

    [Fact]
    public void Run_WithTheShippedModel_CountsWhatThePagesHold_AndRatesLieInZeroToOne()
    {
        var report = PageEvaluation.Run(new PageEvaluationOptions { Pages = Pages, Distractors = Distractors, DataFolder = TestGlyphs.DataFolder });

        // The same test pages, counted here without the evaluation's code.
        var source = (PageSampleSource)SampleSources.Create(
            new DataOptions { Preset = DataPreset.Pages, Seed = new PageEvaluationOptions().Seed, DataFolder = TestGlyphs.DataFolder }, DataSplit.Test);
        var truths = new List<LabeledBox>();
        long pixels = 0;
        int numbers = 0, phoneNumbers = 0;
        for (var page = 0; page < Pages; page++)
        {
            using var sample = source.GeneratePage(0, page);
            pixels += (long)sample.Width * sample.Height;
            truths.AddRange(sample.Boxes.Where(b => !b.Ignored));
            var visible = sample.Boxes.Where(b => b.Number >= 0).GroupBy(b => b.Number).Where(g => g.All(b => !b.Ignored)).ToList();
            numbers += visible.Count(g => g.Count() >= 2);
            phoneNumbers += visible.Count(g => g.Count() >= PageEvaluation.MinDirectoryDigits);
        }

        Assert.Equal((Pages, Pages, pixels), (report.Pages, report.Digits.Images, report.Pixels));
        Assert.Equal(truths.Count, report.Digits.GroundTruths);
        Assert.Equal(truths.Select(t => t.Digit).Distinct().Order(), report.Digits.PerClass.Keys);
        Assert.Equal(numbers, report.Numbers.Numbers);
        Assert.Equal(phoneNumbers, report.Directory.Written);
        Assert.True(phoneNumbers > 0, "the pages hold no phone number to look up");
        Assert.InRange(report.Directory.Entries, phoneNumbers, phoneNumbers + Distractors);
        Assert.InRange(report.Numbers.Rate, 0, 1);
        Assert.InRange(report.Directory.Rate, 0, 1);
        Assert.All(report.Digits.PerClass.Values, ap => Assert.InRange(ap, 0, 1));
        Assert.True(report.MillisecondsPerPage > 0);

        // The shipped model reads these pages (0.59 mAP on the first three); a broken pipeline scores near 0.
        Assert.InRange(report.Digits.Mean, 0.3, 1);
        Assert.True(report.Numbers.ReadExactly > 0, "no number was read exactly");
    }

    [Fact]
    public void SmallWritingPreset_ReadsPhotos2000To4000Px_WithDigits10To40PxTall()
    {
        var source = (PageSampleSource)SampleSources.Create(
            new DataOptions { Preset = DataPreset.Pages, Seed = new PageEvaluationOptions().Seed, DataFolder = TestGlyphs.DataFolder, Pages = SmallWritingPages.Options }, DataSplit.Test);
        using var sample = source.GeneratePage(0, 0);
        // The detector shrinks the page to 640 px and runs once: this checks which pages are read, not how well.
        var report = PageEvaluation.Run(new PageEvaluationOptions
        {
            Preset = EvaluationPreset.SmallWriting,
            Pages = 1,
            Distractors = Distractors,
            DataFolder = TestGlyphs.DataFolder,
            Detector = new DigitOcr.Inference.DetectorOptions { MaxSide = 640, PyramidLevels = 1 },
        });

        Assert.InRange(sample.Width, 2000, 4000);
        Assert.InRange(sample.Height, 2000, 4000);
        var heights = sample.Boxes.Where(b => !b.Ignored).Select(b => b.Box.Height).ToList();
        Assert.True(heights.Count >= 50, $"{heights.Count} digits on the page");
        // The page's height is drawn from 10-40 px; lines (x0.85-1.15) and digits (x0.88-1.12) vary around it, and a
        // digit's ink may be shorter than its line (a 1, a 0 of a slanted hand).
        Assert.InRange(heights.Average(), 10 * 0.85, 40 * 1.15);
        Assert.InRange(heights.Max(), 1, 40 * 1.15 * 1.12 * 1.1);
        Assert.Equal((long)sample.Width * sample.Height, report.Pixels);
        Assert.Equal(heights.Count, report.Digits.GroundTruths);
        Assert.Equal(EvaluationPreset.SmallWriting, report.Preset);
        Assert.InRange(report.Digits.Recall, 0, 1);
    }

    [Fact]
    public void Enlarge_ReadsEachPageLarger_WithItsBoxesScaledToMatch()
    {
        var source = (PageSampleSource)SampleSources.Create(
            new DataOptions { Preset = DataPreset.Pages, Seed = new PageEvaluationOptions().Seed, DataFolder = TestGlyphs.DataFolder, Pages = EvaluationPages.Options(EvaluationPreset.Clean) }, DataSplit.Test);
        using var sample = source.GeneratePage(0, 0);
        var report = PageEvaluation.Run(new PageEvaluationOptions
        {
            Preset = EvaluationPreset.Clean, Pages = 1, Distractors = Distractors, DataFolder = TestGlyphs.DataFolder, Enlarge = 2.5,
        });

        Assert.Equal((long)Math.Round(sample.Width * 2.5) * (long)Math.Round(sample.Height * 2.5), report.Pixels);
        // Boxes left at the drawn size would match nothing on the larger page (mAP 0); scaled, the digits are found.
        Assert.InRange(report.Digits.Mean, 0.5, 1);
    }

    [Fact]
    public void Run_WithoutPages_IsRejectedNamingTheOption()
    {
        var error = Assert.Throws<ArgumentException>(() => PageEvaluation.Run(new PageEvaluationOptions { Pages = 0, Distractors = -1, Enlarge = 0.5 }));

        Assert.Contains("pages must be >= 1, got 0", error.Message);
        Assert.Contains("distractors must be >= 0, got -1", error.Message);
        Assert.Contains("enlarge", error.Message);
        Assert.Contains("0.5", error.Message);
    }

    [Fact]
    public void ReferencePreset_WithMorePagesThanMnistTestDigits_IsRejected()
    {
        var options = new PageEvaluationOptions { Preset = EvaluationPreset.Reference, Pages = PageEvaluationOptions.ReferenceCanvases + 1 };

        var error = Assert.Throws<ArgumentException>(() => PageEvaluation.Run(options));

        Assert.Contains("pages must be in [1, 10000], got 10001", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
