using System.Diagnostics;
using DigitOcr.Boxes;
using DigitOcr.Data;
using DigitOcr.Data.Pages;
using DigitOcr.Data.Sources;
using DigitOcr.Inference;
using DigitOcr.Inference.PhoneBook;
using DigitOcr.Reading;
using DigitOcr.Training;
using DigitOcr.Training.Metrics;

namespace DigitOcr.Evaluation;

/// <summary>
/// End-to-end accuracy on whole synthetic pages made from MNIST test digits (the <c>pages</c> preset's test split,
/// never seen in training), through the public predictor exactly as a user calls it: digit mAP@0.5, number-level
/// exact match, and directory accuracy — every written number of <see cref="MinDirectoryDigits"/>+ digits is put in
/// a phone directory among random distractors, and counts as found when the number read at its place looks up to
/// its own entry.
/// </summary>
public static class PageEvaluation
{
    /// <summary>Written numbers this long or longer go in the directory: shorter ones are not phone numbers.</summary>
    public const int MinDirectoryDigits = 7;

    /// <summary>A read number stands at a written number's place when their boxes overlap at least this much (IoU).</summary>
    public const double PlaceIoU = 0.5;

    /// <summary>Distractors have this many digits (maximum excluded): the lengths of the written phone numbers.</summary>
    private static readonly (int Min, int Max) DistractorLength = (MinDirectoryDigits, 13);

    /// <summary>Loads the detector, reads the pages and scores them.</summary>
    /// <exception cref="ArgumentException">An option is out of range (all listed).</exception>
    public static PageEvaluationReport Run(PageEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionChecks.ThrowIfAny(options.Validate(), nameof(options));
        using var detector = DigitDetector.Load(options.ModelPath, options.Detector);
        var pageOptions = options.Preset == PageEvaluationPreset.SmallWriting ? SmallWritingPages.Options : new PageOptions();
        var data = new DataOptions { Preset = DataPreset.Pages, Seed = options.Seed, DataFolder = options.DataFolder, Pages = pageOptions };
        var source = (PageSampleSource)SampleSources.Create(data, DataSplit.Test);
        var reader = new NumberReader();
        var ap = new AveragePrecision();
        var exact = new NumberExactMatch(reader);
        var written = new List<WrittenNumber>();
        var strays = new List<RecognizedNumber>();
        var clock = new Stopwatch();
        long pixels = 0;
        for (var page = 0; page < options.Pages; page++)
        {
            using var sample = source.GeneratePage(0, page);
            clock.Start();
            var result = detector.Detect(sample.Image);
            var read = reader.Read(result.Digits);
            clock.Stop();
            pixels += (long)sample.Width * sample.Height;
            ap.Add(result.Digits, sample.Boxes);
            exact.Add(result.Digits, sample.Boxes);
            var phones = PhoneNumbers(page, sample.Boxes, read).ToList();
            written.AddRange(phones);
            strays.AddRange(read.Where(r => !sample.Boxes.Any(t => !t.Ignored && t.Number >= 0 && r.Box.IoU(t.Box) > 0)));
        }

        var directory = BuildDirectory(written, options);
        var (found, wrong) = (0, 0);
        foreach (var w in written)
        {
            if (w.Read.FirstOrDefault(r => r.Box.IoU(w.Box) >= PlaceIoU) is { } number && directory.Lookup(number) is DirectoryMatch match)
            {
                found += match.Entry.Name == w.Name ? 1 : 0;
                wrong += match.Entry.Name == w.Name ? 0 : 1;
            }
        }

        // A number read where no phone number is written (a stray mark, a short number) that still names someone is a
        // wrong person too.
        wrong += strays.Count(r => directory.Lookup(r) is DirectoryMatch);
        return new PageEvaluationReport(
            detector.Source, options.Pages, pixels, ap.Compute(), exact.Compute(), new DirectoryAccuracy(found, written.Count, directory.Count, wrong), clock.Elapsed) { Preset = options.Preset };
    }

    /// <summary>The page's written numbers long enough to be phone numbers and fully visible, with what was read on the page.</summary>
    private static IEnumerable<WrittenNumber> PhoneNumbers(int page, IReadOnlyList<LabeledBox> truths, IReadOnlyList<RecognizedNumber> read) =>
        truths.Where(b => b.Number >= 0).GroupBy(b => b.Number)
            .Where(g => g.Count() >= MinDirectoryDigits && g.All(b => !b.Ignored))
            .Select(number => new WrittenNumber(
                $"page {page} number {number.Key}",
                string.Concat(number.Select(b => (char)('0' + b.Digit))),
                number.Select(b => b.Box).Aggregate((a, b) => new Box(Math.Min(a.X1, b.X1), Math.Min(a.Y1, b.Y1), Math.Max(a.X2, b.X2), Math.Max(a.Y2, b.Y2))),
                read));

    /// <summary>The written numbers, then <see cref="PageEvaluationOptions.Distractors"/> random ones from the seed.</summary>
    private static PhoneDirectory BuildDirectory(IReadOnlyList<WrittenNumber> written, PageEvaluationOptions options)
    {
        var builder = new PhoneDirectoryBuilder(new PhoneNumberOptions { MinDigits = MinDirectoryDigits });
        var line = 1L;
        foreach (var w in written)
        {
            builder.Add(w.Name, w.Text, line++);
        }

        var random = new Random(options.Seed);
        for (var i = 0; i < options.Distractors; i++)
        {
            var length = random.Next(DistractorLength.Min, DistractorLength.Max);
            builder.Add($"distractor {i}", string.Concat(Enumerable.Range(0, length).Select(_ => (char)('0' + random.Next(10)))), line++);
        }

        return builder.Build("evaluation directory");
    }

    /// <summary>A written phone number: its directory name, digits and box, and every number read on its page.</summary>
    private sealed record WrittenNumber(string Name, string Text, Box Box, IReadOnlyList<RecognizedNumber> Read);
}
