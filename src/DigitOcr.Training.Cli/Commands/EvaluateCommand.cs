using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DigitOcr.Boxes;
using DigitOcr.Data;
using DigitOcr.Data.Sources;
using DigitOcr.Training.Metrics;
using DigitOcr.Inference;
using DigitOcr.Inference.PhoneBook;
using DigitOcr.Reading;

namespace DigitOcr.Training.Cli.Commands;

/// <summary>
/// <c>evaluate [--model FILE] [--pages N]</c>: end-to-end accuracy on whole synthetic pages made from MNIST test
/// digits (the <c>pages</c> preset's test split, never seen in training), through the public predictor exactly as a
/// user calls it: digit mAP@0.5, number-level exact match, and directory accuracy — every written number of 7+ digits
/// is put in a phone directory among random distractors, and counts as found when the number read at its place
/// looks up to its own entry.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<FileInfo?>("--model") { Description = "Model file; default: the shipped model." };
        var pages = new Option<int>("--pages") { Description = "Test pages to read.", DefaultValueFactory = _ => 40 };
        var distractors = new Option<int>("--distractors") { Description = "Random numbers added to the directory.", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the test pages.", DefaultValueFactory = _ => 1 };
        var pyramid = new Option<int>("--pyramid") { Description = "Pyramid passes of the detector (1: a single pass).", DefaultValueFactory = _ => new DetectorOptions().PyramidLevels };
        var command = new Command("evaluate", "End-to-end accuracy on whole test pages: digit mAP, number exact match, directory accuracy.") { model, pages, distractors, seed, pyramid };
        command.SetAction(parse =>
        {
            using var detector = DigitDetector.Load(parse.GetValue(model)?.FullName, new DetectorOptions { PyramidLevels = parse.GetValue(pyramid) });
            var options = new DataOptions { Preset = DataPreset.Pages, Seed = parse.GetValue(seed) };
            var source = (PageSampleSource)SampleSources.Create(options, DataSplit.Test);
            var reader = new NumberReader();
            var ap = new AveragePrecision();
            var exact = new NumberExactMatch(reader);
            var written = new List<(string Name, string Text, Box Box, IReadOnlyList<RecognizedNumber> Read)>();
            var clock = new Stopwatch();
            long pixels = 0;
            for (var page = 0; page < parse.GetValue(pages); page++)
            {
                using var sample = source.GeneratePage(0, page);
                clock.Start();
                var result = detector.Detect(sample.Image);
                var read = reader.Read(result.Digits);
                clock.Stop();
                pixels += (long)sample.Width * sample.Height;
                ap.Add(result.Digits, sample.Boxes);
                exact.Add(result.Digits, sample.Boxes);
                foreach (var number in sample.Boxes.Where(b => b.Number >= 0).GroupBy(b => b.Number).Where(g => g.Count() >= 7 && g.All(b => !b.Ignored)))
                {
                    var box = number.Select(b => b.Box).Aggregate((a, b) => new Box(Math.Min(a.X1, b.X1), Math.Min(a.Y1, b.Y1), Math.Max(a.X2, b.X2), Math.Max(a.Y2, b.Y2)));
                    written.Add(($"page {page} number {number.Key}", string.Concat(number.Select(b => (char)('0' + b.Digit))), box, read));
                }
            }

            var builder = new PhoneDirectoryBuilder(new PhoneNumberOptions { MinDigits = 7 });
            var line = 1L;
            foreach (var w in written)
            {
                builder.Add(w.Name, w.Text, line++);
            }

            var random = new Random(parse.GetValue(seed));
            for (var i = 0; i < parse.GetValue(distractors); i++)
            {
                var length = random.Next(7, 13);
                builder.Add($"distractor {i}", string.Concat(Enumerable.Range(0, length).Select(_ => (char)('0' + random.Next(10)))), line++);
            }

            var directory = builder.Build("evaluation directory");
            var found = written.Count(w =>
                w.Read.FirstOrDefault(r => r.Box.IoU(w.Box) >= 0.5) is { } number
                && directory.Lookup(number) is DirectoryMatch match
                && match.Entry.Name == w.Name);

            var c = CultureInfo.InvariantCulture;
            var mAp = ap.Compute();
            var numbers = exact.Compute();
            Console.WriteLine(string.Format(c, "model {0} on {1} test pages ({2:F1} Mpixel, {3} digits)", detector.Source, parse.GetValue(pages), pixels / 1e6, mAp.GroundTruths));
            Console.WriteLine(string.Format(c, "digit mAP@0.5        {0:F4}  ({1})", mAp.Mean, string.Join(" ", mAp.PerClass.Select(kv => string.Format(c, "{0}:{1:F2}", kv.Key, kv.Value)))));
            Console.WriteLine(string.Format(c, "numbers read exactly {0}/{1} = {2:P1} (2+ digits, fully visible)", numbers.ReadExactly, numbers.Numbers, numbers.Rate));
            Console.WriteLine(string.Format(c, "directory accuracy   {0}/{1} = {2:P1} (7+ digit numbers among {3:N0} entries)", found, written.Count, written.Count == 0 ? double.NaN : (double)found / written.Count, directory.Count));
            Console.WriteLine(string.Format(c, "time                 {0:F0} ms per page (detect + read)", clock.Elapsed.TotalMilliseconds / parse.GetValue(pages)));
            return 0;
        });
        return command;
    }
}
