using System.CommandLine;
using System.Globalization;
using DigitOcr.CommandLine;
using DigitOcr.Evaluation;
using DigitOcr.Inference;

namespace DigitOcr.Training.Cli.Commands;

/// <summary>
/// <c>evaluate [--model FILE] [--preset pages|smallwriting] [--pages N]</c>: end-to-end accuracy on whole synthetic test pages
/// (<see cref="PageEvaluation"/>): digit mAP@0.5, number-level exact match, and directory accuracy.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var defaults = new PageEvaluationOptions();
        var model = new Option<FileInfo?>("--model") { Description = "Model file; default: the shipped model." };
        var pages = new Option<int>("--pages") { Description = "Test pages to read.", DefaultValueFactory = _ => defaults.Pages };
        var distractors = new Option<int>("--distractors") { Description = "Random numbers added to the directory.", DefaultValueFactory = _ => defaults.Distractors };
        var seed = new Option<int>("--seed") { Description = "Seed of the test pages.", DefaultValueFactory = _ => defaults.Seed };
        var pyramid = ValidatedOptions.OptionalInteger("--pyramid", "The most pyramid passes of the detector (1: the finest pass only; default: as the image size calls for)", 1, DetectorOptions.MaxPyramidLevels);
        var preset = ValidatedOptions.Choice<PageEvaluationPreset>("--preset", "Test pages: the pages preset's, or small writing (digits 10-40 px) on large photos (2000-4000 px)");
        var maxSide = ValidatedOptions.OptionalInteger("--max-side", "Scale pages down so that the detector's finest pass is at most this long (default: their own size)", 32, 65_536);
        var recognizer = new Option<FileInfo?>("--recognizer") { Description = "Recognizer model file; default: the shipped recognizer, if any." };
        var noRecognizer = new Option<bool>("--no-recognizer") { Description = "Detector only: do not read boxes a second time." };
        var command = new Command("evaluate", "End-to-end accuracy on whole test pages: digit mAP, number exact match, directory accuracy, wrong persons.") { model, preset, pages, distractors, seed, pyramid, maxSide, recognizer, noRecognizer };
        command.SetAction(parse =>
        {
            var report = PageEvaluation.Run(new PageEvaluationOptions
            {
                Preset = parse.GetValue(preset),
                Pages = parse.GetValue(pages),
                Distractors = parse.GetValue(distractors),
                Seed = parse.GetValue(seed),
                ModelPath = parse.GetValue(model)?.FullName,
                Detector = new DetectorOptions
                {
                    PyramidLevels = parse.GetValue(pyramid),
                    MaxSide = parse.GetValue(maxSide),
                    UseRecognizer = !parse.GetValue(noRecognizer),
                    RecognizerPath = parse.GetValue(recognizer)?.FullName,
                },
            });
            Print(report);
            return 0;
        });
        return command;
    }

    private static void Print(PageEvaluationReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var (digits, numbers, directory) = (report.Digits, report.Numbers, report.Directory);
        Console.WriteLine(string.Format(c, "model {0} on {1} test pages of the {4} preset ({2:F1} Mpixel, {3} digits)", report.Model, report.Pages, report.Pixels / 1e6, digits.GroundTruths, report.Preset.ToString().ToLowerInvariant()));
        Console.WriteLine(string.Format(c, "digit recall         {0:F4}  ({1}/{2} found by their digit at IoU 0.5)", digits.Recall, digits.Found, digits.GroundTruths));
        Console.WriteLine(string.Format(c, "digit mAP@0.5        {0:F4}  ({1})", digits.Mean, string.Join(" ", digits.PerClass.Select(kv => string.Format(c, "{0}:{1:F2}", kv.Key, kv.Value)))));
        Console.WriteLine(string.Format(c, "numbers read exactly {0}/{1} = {2:P1} ({3}+ digits, fully visible)", numbers.ReadExactly, numbers.Numbers, numbers.Rate, new DigitOcr.Reading.NumberReader().Options.MinDigits));
        Console.WriteLine(string.Format(c, "directory accuracy   {0}/{1} = {2:P1} ({3}+ digit numbers among {4:N0} entries)", directory.Found, directory.Written, directory.Rate, PageEvaluation.MinDirectoryDigits, directory.Entries));
        Console.WriteLine(string.Format(c, "wrong person named   {0} = {1:P1} of written numbers (precision of persons named {2:P1})", directory.Wrong, directory.WrongRate, directory.Precision));
        Console.WriteLine(string.Format(c, "time                 {0:F0} ms per page (detect + read)", report.MillisecondsPerPage));
    }
}
