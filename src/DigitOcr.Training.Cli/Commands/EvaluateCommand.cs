using System.CommandLine;
using System.Globalization;
using DigitOcr.CommandLine;
using DigitOcr.Data.Annotated;
using DigitOcr.Evaluation;
using DigitOcr.Inference;

namespace DigitOcr.Training.Cli.Commands;

/// <summary>
/// <c>evaluate [--preset pages|clean|hard|smallwriting] [--model FILE] [--pages N]</c>: end-to-end accuracy on whole
/// synthetic test pages (<see cref="PageEvaluation"/>): digit recall and mAP@0.5, digits and numbers per page condition,
/// how numbers were misread, directory accuracy and wrong persons. <c>evaluate --data-dir DIR [--held-out X --seed N]</c>
/// scores the same way a folder of the user's own annotated images (<see cref="AnnotatedEvaluation"/>).
/// </summary>
internal static class EvaluateCommand
{
    /// <summary>Canvases the reference preset reads unless told: about 200 per digit, where 40 would be noise.</summary>
    private const int ReferenceCanvases = 2000;

    public static Command Create()
    {
        var defaults = new PageEvaluationOptions();
        var preset = ValidatedOptions.Choice<EvaluationPreset>("--preset", "Test pages: pages (the training mix), clean, hard, smallwriting (digits 10-40 px on 2000-4000 px photos), or reference (the reference's protocol: one MNIST test digit per 224x224 canvas; digit mAP only)");
        var model = ValidatedOptions.ExistingFile("--model", "Model file; default: the shipped model.", "a detector model file, such as models/digitocr-lite.pt");
        var pages = ValidatedOptions.Integer("--pages", $"Test pages to read (reference: canvases, {ReferenceCanvases} unless given, at most {PageEvaluationOptions.ReferenceCanvases})", defaults.Pages, 1, 1_000_000);
        var distractors = ValidatedOptions.Integer("--distractors", "Random numbers added to the directory", defaults.Distractors, 0, 10_000_000);
        var seed = ValidatedOptions.Integer("--seed", "Seed of the test pages", defaults.Seed, 0, int.MaxValue);
        var pyramid = ValidatedOptions.OptionalInteger("--pyramid", "The most pyramid passes of the detector (1: the finest pass only; default: as the image size calls for)", 1, DetectorOptions.MaxPyramidLevels);
        var enlarge = ValidatedOptions.Number("--enlarge", "Enlarge each test page by this factor before reading it: large writing, as a camera close to the paper sees it", defaults.Enlarge, 1, PageEvaluationOptions.MaxEnlarge);
        var showMisread = ValidatedOptions.Integer("--show-misread", "List this many of the numbers not read exactly: where, what was written, what was read", 0, 0, NumberErrorAnalysis.MaxExamples);
        var maxSide = ValidatedOptions.OptionalInteger("--max-side", "Scale pages down so that the detector's finest pass is at most this long (default: their own size)", 32, 65_536);
        var threshold = ValidatedOptions.Fraction("--threshold", "The detector's score threshold (default: the model's)");
        var precision = ValidatedOptions.Choice<InferencePrecision>("--precision", "Arithmetic of the detector's network (bfloat16: libtorch autocast; int8: ONNX Runtime QDQ)");
        var nms = ValidatedOptions.Fraction("--nms", "IoU above which the weaker of two overlapping detections is dropped (default: the model's)");
        var recognizer = ValidatedOptions.ExistingFile("--recognizer", "Recognizer model file; default: the shipped recognizer, if any.", "a recognizer model file, such as models/digitocr-recognizer.pt");
        var noRecognizer = new Option<bool>("--no-recognizer") { Description = "Detector only: do not read boxes a second time." };
        var noReread = new Option<bool>("--no-reread") { Description = "Do not read small writing a second time enlarged." };
        var rereadBelow = ValidatedOptions.PositiveNumber("--reread-below", $"Read digits shorter than this (px) a second time enlarged (default: {new DetectorOptions().RereadBelowHeight})");
        var rereadScale = ValidatedOptions.Number("--reread-scale", "How much larger small writing is read the second time", new DetectorOptions().RereadScale, 1.01, DetectorOptions.MaxRereadScale);
        var dataDir = ValidatedOptions.ExistingFolder("--data-dir", "Score a folder of your own annotated images (annotations.csv, COCO .json or Pascal VOC .xml) instead of synthetic test pages.", "a folder of annotated images");
        var heldOut = ValidatedOptions.Share("--held-out", "With --data-dir: score only the images a fine-tune with this data.validationFraction (and --seed as data.seed) held out; default: every image.");
        var command = new Command("evaluate", "End-to-end accuracy on whole test pages, or on a folder of your own annotated images (--data-dir): digit recall and mAP, digits and numbers per condition, error types, directory accuracy, wrong persons.")
        {
            preset, model, pages, distractors, seed, enlarge, showMisread, pyramid, maxSide, threshold, precision, nms, recognizer, noRecognizer, noReread, rereadBelow, rereadScale, dataDir, heldOut,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(noReread) && parse.GetResult(rereadBelow) is { Implicit: false })
            {
                throw new CommandLineException(TrainerExitCodes.Usage, "--no-reread turns the second reading of small writing off and --reread-below sets its bound: drop one of them");
            }

            var detector = new DetectorOptions
            {
                PyramidLevels = parse.GetValue(pyramid),
                ScoreThreshold = parse.GetValue(threshold),
                Precision = parse.GetValue(precision),
                NmsIoU = parse.GetValue(nms),
                MaxSide = parse.GetValue(maxSide),
                UseRecognizer = !parse.GetValue(noRecognizer),
                RecognizerPath = parse.GetValue(recognizer) is { } r ? Path.GetFullPath(r) : null,
                RereadBelowHeight = parse.GetValue(noReread) ? null : parse.GetValue(rereadBelow) ?? new DetectorOptions().RereadBelowHeight,
                RereadScale = parse.GetValue(rereadScale),
            };
            var modelPath = parse.GetValue(model) is { } m ? Path.GetFullPath(m) : null;
            if (parse.GetValue(dataDir) is { } folder)
            {
                var synthetic = new Option[] { preset, pages, distractors, enlarge }.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false });
                if (synthetic is not null)
                {
                    throw new CommandLineException(TrainerExitCodes.Usage, $"{synthetic.Name} chooses synthetic test pages; with --data-dir the folder's images are scored: drop one of them");
                }

                try
                {
                    var annotated = AnnotatedEvaluation.Run(new AnnotatedEvaluationOptions
                    {
                        Folder = folder, HeldOut = parse.GetValue(heldOut) is > 0 and var h ? h : null, Seed = parse.GetValue(seed), ModelPath = modelPath, Detector = detector,
                    });
                    Print(annotated);
                    PrintMisread(annotated.Errors, parse.GetValue(showMisread));
                    return TrainerExitCodes.Success;
                }
                catch (AnnotatedFolderException e)
                {
                    return UserDataReport.Fail(e);
                }
            }

            if (parse.GetResult(heldOut) is { Implicit: false })
            {
                throw new CommandLineException(TrainerExitCodes.Usage, "--held-out picks images of a --data-dir folder; give --data-dir too");
            }

            var chosen = parse.GetValue(preset);
            var report = PageEvaluation.Run(new PageEvaluationOptions
            {
                Preset = chosen,
                Pages = chosen == EvaluationPreset.Reference && parse.GetResult(pages) is null or { Implicit: true } ? ReferenceCanvases : parse.GetValue(pages),
                Distractors = parse.GetValue(distractors),
                Seed = parse.GetValue(seed),
                Enlarge = parse.GetValue(enlarge),
                ModelPath = modelPath,
                Detector = detector,
            });
            Print(report);
            if (report.Errors is { } errors)
            {
                PrintMisread(errors, parse.GetValue(showMisread));
            }

            return 0;
        });
        return command;
    }

    private static void PrintMisread(NumberErrors errors, int count)
    {
        if (count == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine($"misread numbers, the first {Math.Min(count, errors.Examples.Count)} of {errors.Misread}:");
        foreach (var m in errors.Examples.Take(count))
        {
            Console.WriteLine($"  {m.Image}: written {m.Written}, read {m.Read ?? "nothing"}{(m.EveryDigitRead ? " (every digit read right)" : string.Empty)}");
        }
    }

    private static void Print(AnnotatedEvaluationReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var (digits, numbers, total, e) = (report.Digits, report.Numbers, report.Total, report.Errors);
        var minDigitScore = new DigitOcr.Reading.NumberReaderOptions().MinDigitScore;
        Console.WriteLine(string.Format(c, "model {0} on {1} ({2}): {3} ({4:F1} Mpixel, {5} digits)", report.Model, report.Folder, AnnotationFormats.Name(report.Format), report.Scope, report.Pixels / 1e6, digits.GroundTruths));
        Console.WriteLine(string.Format(c, "digit recall         {0:F4}  ({1}/{2} found by their digit at IoU 0.5)", digits.Recall, digits.Found, digits.GroundTruths));
        Console.WriteLine(string.Format(c, "digit mAP@0.5        {0:F4}  ({1})", digits.Mean, string.Join(" ", digits.PerClass.Select(kv => string.Format(c, "{0}:{1:F2}", kv.Key, kv.Value)))));
        Console.WriteLine(string.Format(c, "digits read          recall {0:P1}, precision {1:P1} (score >= {2}, right digit at IoU 0.5)", total.Recall, total.Precision, minDigitScore));
        Console.WriteLine(string.Format(c, "numbers read exactly {0}/{1} = {2:P1} ({3}+ digits, as the reader groups the annotated digits)", numbers.ReadExactly, numbers.Numbers, numbers.Rate, new DigitOcr.Reading.NumberReader().Options.MinDigits));
        Console.WriteLine(string.Format(c, "time                 {0:F0} ms per image (detect + read)", report.MillisecondsPerImage));
        Console.WriteLine(string.Format(c, "misread numbers      {0}: {1} wrong digits only, {2} missing digits, {3} extra digits, {4} both, {5} not read at all; {6} stray numbers read where none is written; {7} with every written digit read right (extra marks read, or grouped otherwise)",
            e.Misread, e.SubstitutionOnly, e.MissedDigit, e.ExtraDigit, e.Mixed, e.NotRead, e.StrayNumbers, e.EveryDigitRead));
        Console.WriteLine(string.Format(c, "digit errors         {0} substituted, {1} missed, {2} extra; most frequent: {3}",
            e.SubstitutedDigits, e.MissedDigits, e.ExtraDigits, string.Join(", ", e.Confusions.Take(8).Select(x => $"{x.Written}->{x.Read} x{x.Count}"))));
    }

    private static void Print(PageEvaluationReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var (digits, numbers, directory, total) = (report.Digits, report.Numbers, report.Directory, report.Total);
        var minDigitScore = new DigitOcr.Reading.NumberReaderOptions().MinDigitScore;
        Console.WriteLine(string.Format(c, "model {0} on {1} {2} test pages ({3:F1} Mpixel, {4} digits)", report.Model, report.Pages, report.Preset.ToString().ToLowerInvariant(), report.Pixels / 1e6, digits.GroundTruths));
        Console.WriteLine(string.Format(c, "digit recall         {0:F4}  ({1}/{2} found by their digit at IoU 0.5)", digits.Recall, digits.Found, digits.GroundTruths));
        Console.WriteLine(string.Format(c, "digit mAP@0.5        {0:F4}  ({1})", digits.Mean, string.Join(" ", digits.PerClass.Select(kv => string.Format(c, "{0}:{1:F2}", kv.Key, kv.Value)))));
        Console.WriteLine(string.Format(c, "digits read          recall {0:P1}, precision {1:P1} (score >= {2}, right digit at IoU 0.5)", total.Recall, total.Precision, minDigitScore));
        if (report.Preset == EvaluationPreset.Reference)
        {
            // One digit per canvas: nothing to read as a number or to look up.
            Console.WriteLine(string.Format(c, "time                 {0:F1} ms per canvas (detect + read)", report.MillisecondsPerPage));
            return;
        }

        Console.WriteLine(string.Format(c, "numbers read exactly {0}/{1} = {2:P1} ({3}+ digits, fully visible)", numbers.ReadExactly, numbers.Numbers, numbers.Rate, new DigitOcr.Reading.NumberReader().Options.MinDigits));
        Console.WriteLine(string.Format(c, "directory accuracy   {0}/{1} = {2:P1} ({3}+ digit numbers among {4:N0} entries)", directory.Found, directory.Written, directory.Rate, PageEvaluation.MinDirectoryDigits, directory.Entries));
        Console.WriteLine(string.Format(c, "wrong person named   {0} = {1:P1} of written numbers (precision of persons named {2:P1})", directory.Wrong, directory.WrongRate, directory.Precision));
        foreach (var w in directory.WrongPersons)
        {
            Console.WriteLine(string.Format(c, "  {0} read as {1}, named {2} ({3})", w.Written is null ? "nothing written" : "written " + w.Written, w.Read, w.Named, w.IsExact ? "exact" : string.Format(c, "one edit, distance {0:F2}", w.Distance)));
        }

        Console.WriteLine(string.Format(c, "time                 {0:F0} ms per page (detect + read)", report.MillisecondsPerPage));
        var edges = report.EdgeFlags;
        Console.WriteLine(string.Format(c, "edge flag            cut by the picture's edge: {0} of {1} numbers, {2} of them flagged; flagged: {3} of {4} not read exactly, {5} of {6} read exactly",
            edges.Cut, edges.Written, edges.CutFlagged, edges.MisreadFlagged, edges.Misread, edges.ExactFlagged, edges.Written - edges.Misread));
        if (report.Errors is { } e)
        {
            Console.WriteLine(string.Format(c, "misread numbers      {0}: {1} wrong digits only, {2} missing digits, {3} extra digits, {4} both, {5} not read at all; {6} stray numbers read where none is written; {7} with every written digit read right (extra marks read, or grouped otherwise)",
                e.Misread, e.SubstitutionOnly, e.MissedDigit, e.ExtraDigit, e.Mixed, e.NotRead, e.StrayNumbers, e.EveryDigitRead));
            Console.WriteLine(string.Format(c, "digit errors         {0} substituted, {1} missed, {2} extra; most frequent: {3}",
                e.SubstitutedDigits, e.MissedDigits, e.ExtraDigits, string.Join(", ", e.Confusions.Take(8).Select(x => $"{x.Written}->{x.Read} x{x.Count}"))));
        }

        if (report.Conditions.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("condition              pages   recall with/without   precision with/without   numbers exact with/without");
            foreach (var row in report.Conditions)
            {
                Console.WriteLine(string.Format(c, "{0,-22} {1,5}   {2,6:P1} / {3,-6:P1}       {4,6:P1} / {5,-6:P1}          {6,6:P1} / {7,-6:P1}",
                    row.Condition, row.With.Pages, row.With.Recall, row.Without.Recall, row.With.Precision, row.Without.Precision, row.With.ExactRate, row.Without.ExactRate));
            }
        }
    }
}
