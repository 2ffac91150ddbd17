using System.Diagnostics;
using System.Globalization;
using DigitOcr.Data.Annotated;
using DigitOcr.Imaging;
using DigitOcr.Inference;
using DigitOcr.Reading;
using DigitOcr.Training;
using DigitOcr.Training.Metrics;

namespace DigitOcr.Evaluation;

/// <summary>
/// End-to-end accuracy on the user's own annotated images (<c>evaluate --data-dir</c>), through the public predictor
/// exactly as a user calls it (<see cref="DigitDetector.Detect(Image)"/> with its passes and recognizer), scored with
/// <see cref="PageEvaluation"/>'s pieces: digit mAP@0.5 and recall, digits at the reader's operating point, numbers
/// read exactly (the written numbers being what the reader makes of the annotated boxes, <see cref="GroundTruthNumbers"/>),
/// and how misread numbers went wrong.
/// </summary>
public static class AnnotatedEvaluation
{
    /// <exception cref="ArgumentException">An option is out of range (all listed).</exception>
    /// <exception cref="AnnotatedFolderException">The folder cannot be used (every problem listed).</exception>
    public static AnnotatedEvaluationReport Run(AnnotatedEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionChecks.ThrowIfAny(options.Validate(), nameof(options));
        var folder = AnnotatedFolder.Load(options.Folder);
        var (images, scope) = Select(folder, options);
        using var detector = DigitDetector.Load(options.ModelPath, options.Detector);
        var reader = new NumberReader();
        var ap = new AveragePrecision();
        var exact = new NumberExactMatch(reader);
        var errors = new NumberErrorAnalysis(reader.Options.MinDigits, PageEvaluation.PlaceIoU, reader.Options.MinDigitScore);
        var total = default(PageCounts);
        var clock = new Stopwatch();
        long pixels = 0;
        foreach (var image in images)
        {
            using var gray = Image.Load(image.Path);
            clock.Start();
            var result = detector.Detect(gray);
            var read = reader.Read(result.Digits);
            clock.Stop();
            pixels += (long)gray.Width * gray.Height;
            ap.Add(result.Digits, image.Boxes);
            exact.Add(read, image.Boxes);
            errors.Add(image.Boxes, read, Path.GetFileName(image.Path), result.Digits);
            total += PageEvaluation.Count(result.Digits, image.Boxes, read, reader);
        }

        return new AnnotatedEvaluationReport(
            detector.Source, folder.Folder, folder.Format, scope, images.Count, pixels, ap.Compute(), total, exact.Compute(), errors.Compute(), clock.Elapsed);
    }

    private static (IReadOnlyList<AnnotatedImage> Images, string Scope) Select(AnnotatedFolder folder, AnnotatedEvaluationOptions options)
    {
        if (options.HeldOut is not { } fraction)
        {
            return (folder.Images, $"all {folder.Images.Count} images");
        }

        if (folder.Images.Count < 2)
        {
            throw new AnnotatedFolderException(options.Folder, $"the annotated folder '{options.Folder}' has {folder.Images.Count} image; a held-out split needs at least 2");
        }

        var split = AnnotatedSplit.Of(folder.Images, fraction, options.Seed);
        return (split.HeldOut, string.Create(CultureInfo.InvariantCulture,
            $"the {split.HeldOut.Count} of {folder.Images.Count} images held out by a split of {fraction} with seed {options.Seed}"));
    }
}
