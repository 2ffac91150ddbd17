using System.Diagnostics;
using DigitOcr.Boxes;
using DigitOcr.Data;
using DigitOcr.Data.Augmentation;
using DigitOcr.Data.Pages;
using DigitOcr.Postprocess;
using DigitOcr.Imaging;
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
        var source = new EvaluationPages(options.Preset, options.Seed, options.DataFolder);
        var reader = new NumberReader();
        var conditions = new ConditionTable();
        var errors = new NumberErrorAnalysis(reader.Options.MinDigits, PlaceIoU, reader.Options.MinDigitScore);
        var ap = new AveragePrecision();
        var exact = new NumberExactMatch(reader);
        var written = new List<WrittenPhoneNumber>();
        var pagesRead = new List<PageRead>();
        var edges = EdgeFlagCounts.None;
        var clock = new Stopwatch();
        long pixels = 0;
        for (var page = 0; page < options.Pages; page++)
        {
            using var sample = source.Page(page);
            using var enlarged = options.Enlarge == 1 ? null : Enlarge(sample.Image, options.Enlarge);
            var image = enlarged ?? sample.Image;
            var truths = enlarged is null ? sample.Boxes : sample.Boxes.Select(t => t with { Box = t.Box.Scale((float)options.Enlarge, (float)options.Enlarge) }).ToList();
            clock.Start();
            var result = detector.Detect(image);
            var read = reader.Read(result.Digits);
            clock.Stop();
            pixels += (long)image.Width * image.Height;
            ap.Add(result.Digits, truths);
            exact.Add(read, truths);
            edges = edges.Add(truths, read, result.Digits, image.Width, image.Height, reader.Options.MinDigits, PlaceIoU);
            conditions.Add(sample.Applied, Count(result.Digits, truths, read, reader));
            errors.Add(truths, read, $"page {page} ({string.Join(", ", sample.Applied.Where(ReportedConditions.Contains))})", result.Digits);
            written.AddRange(PhoneNumbers(page, truths));
            pagesRead.Add(new PageRead(read, truths.Where(t => !t.Ignored && t.Number >= 0).Select(t => t.Box).ToList()));
        }

        var directory = BuildDirectory(written, options);
        // Each page's numbers looked up as PageReader does (neighbours split where a digit was missed are joined).
        var lookups = pagesRead.Select(p => directory.LookupReadings(p.Read)).ToList();
        var found = 0;
        var wrong = new List<WrongPerson>();
        foreach (var w in written)
        {
            if (lookups[w.Page].FirstOrDefault(l => l.Reading.Box.IoU(w.Box) >= PlaceIoU) is { Result: DirectoryMatch match } lookup)
            {
                if (match.Entry.Name == w.Name)
                {
                    found++;
                }
                else
                {
                    wrong.Add(new WrongPerson(w.Text, lookup.Reading.Text, match.Entry.Number, match.Distance, match.IsExact));
                }
            }
        }

        // A number read where no phone number is written (a stray mark, a short number) that still names someone is a
        // wrong person too.
        for (var page = 0; page < lookups.Count; page++)
        {
            foreach (var lookup in lookups[page])
            {
                if (lookup.Result is DirectoryMatch match && !pagesRead[page].Written.Any(b => lookup.Reading.Box.IoU(b) > 0))
                {
                    wrong.Add(new WrongPerson(null, lookup.Reading.Text, match.Entry.Number, match.Distance, match.IsExact));
                }
            }
        }

        var accuracy = new DirectoryAccuracy(found, written.Count, directory.Count, wrong.Count) { WrongPersons = wrong };
        return new PageEvaluationReport(detector.Source, options.Pages, pixels, ap.Compute(), exact.Compute(), accuracy, clock.Elapsed)
        {
            Preset = options.Preset,
            Total = conditions.Total,
            Conditions = conditions.Compute(ReportedConditions),
            Errors = errors.Compute(),
            EdgeFlags = edges,
        };
    }

    /// <summary>The page <paramref name="factor"/> times larger (bicubic, as a closer camera would resolve it); the caller owns it.</summary>
    private static Image Enlarge(Image page, double factor) =>
        page.Resize((int)Math.Round(page.Width * factor), (int)Math.Round(page.Height * factor), Interpolation.Cubic);

    /// <summary>The conditions the per-condition table reports, when pages differ in them.</summary>
    public static IReadOnlyList<string> ReportedConditions { get; } =
    [
        PageConditions.Ruled, PageConditions.FormBoxes, PageConditions.Underline, PageConditions.Enclosed,
        PageConditions.CrossedOut, PageConditions.ScribbleNearDigits, PageConditions.Touching, PageConditions.LowContrast,
        TransformNames.Perspective, TransformNames.Shadow, TransformNames.Blur, TransformNames.Jpeg, PageConditions.LightOnDark,
    ];

    /// <summary>One page's counts at the reader's operating point (digits scoring at least its minimum digit score).</summary>
    internal static PageCounts Count(IReadOnlyList<Detection> detections, IReadOnlyList<LabeledBox> truths, IReadOnlyList<RecognizedNumber> read, NumberReader reader)
    {
        var reported = detections.Where(d => d.Score >= reader.Options.MinDigitScore).OrderByDescending(d => d.Score).ToList();
        var open = truths.Where(t => !t.Ignored).ToList();
        var (digits, right, counted) = (open.Count, 0, 0);
        foreach (var detection in reported)
        {
            var hit = open.FindIndex(t => t.Digit == detection.Digit && t.Box.IoU(detection.Box) >= 0.5);
            if (hit >= 0)
            {
                open.RemoveAt(hit);
                right++;
                counted++;
            }
            else if (!truths.Any(t => t.Ignored && t.Box.IoU(detection.Box) >= 0.5))
            {
                counted++;
            }
        }

        var exact = new NumberExactMatch(reader);
        exact.Add(read, truths);
        var numbers = exact.Compute();
        return new PageCounts(1, digits, right, counted, numbers.Numbers, numbers.ReadExactly);
    }

    /// <summary>The page's written numbers long enough to be phone numbers and fully visible.</summary>
    private static IEnumerable<WrittenPhoneNumber> PhoneNumbers(int page, IReadOnlyList<LabeledBox> truths) =>
        WrittenNumbers.Of(truths, MinDirectoryDigits)
            .Select(number => new WrittenPhoneNumber($"page {page} number {number.Number}", number.Text, number.Box, page));

    /// <summary>The written numbers, then <see cref="PageEvaluationOptions.Distractors"/> random ones from the seed.</summary>
    private static PhoneDirectory BuildDirectory(IReadOnlyList<WrittenPhoneNumber> written, PageEvaluationOptions options)
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

    /// <summary>A written phone number: its directory name, digits and box, and its page.</summary>
    private sealed record WrittenPhoneNumber(string Name, string Text, Box Box, int Page);

    /// <summary>The numbers read on a page, and the boxes of every digit written in a number there.</summary>
    private sealed record PageRead(IReadOnlyList<RecognizedNumber> Read, IReadOnlyList<Box> Written);
}
