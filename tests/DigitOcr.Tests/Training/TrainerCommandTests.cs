using System.Globalization;
using System.Text.RegularExpressions;
using DigitOcr.Imaging;
using DigitOcr.ModelFiles;
using DigitOcr.Tests.Support;
using DigitOcr.Torch;

namespace DigitOcr.Tests.Training;

/// <summary>
/// The trainer's commands other than <c>train</c> as users run them: a separate process at tiny sizes, checked on its
/// exit code, the shape of the figures it prints and what it writes; bad values give one line naming the option.
/// </summary>
public sealed partial class TrainerCommandTests : IDisposable
{
    private const int Usage = 2;
    private const int Files = 4;

    private readonly TempFolder folder = new("digitocr-trainer-commands-");

    public void Dispose() => folder.Dispose();

    private static string Configs => Path.Combine(AppContext.BaseDirectory, "configs");

    [Fact]
    public void Info_WithAConfig_PrintsTheRuntimeAndPartsThatAddUp()
    {
        var result = Trainer(["info", "--config", Path.Combine(Configs, "lite.json")]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"(?m)^libtorch \S+, OpenCV \S+$", result.Output);
        Assert.Matches(@"(?m)^threads  \d+, OpenMP wait policy \S+$", result.Output);
        var parameters = Regex.Match(result.Output, @"(?m)^parameters +([\d,]+) = backbone ([\d,]+) \+ neck ([\d,]+) \+ head ([\d,]+)$");
        Assert.True(parameters.Success, result.Output);
        var counts = parameters.Groups.Values.Skip(1).Select(g => long.Parse(g.Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(counts[0], counts[1] + counts[2] + counts[3]);
        Assert.Matches(@"(?m)^priors +[1-9][\d,]*$", result.Output);
        Assert.Matches(@"(?m)^multiply-adds +[1-9][\d,]* per image \(\d+\.\d{3} G\)$", result.Output);
    }

    [Fact]
    public void Render_WritesOneFilePerSampleAndASheetOfThem()
    {
        var result = Trainer(["render", "--preset", "reference", "--count", "2", "--seed", "5", "--out", "out", "--sheet", "sheet.png"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        // One MNIST digit per reference canvas: whole, or cut by the border and ignored.
        var lines = Regex.Matches(result.Output, @"(?m)^reference-sample-00([01])\.png: (\d+) digit\(s\), (\d+) ignored; \w");
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(1, int.Parse(l.Groups[2].Value, CultureInfo.InvariantCulture) + int.Parse(l.Groups[3].Value, CultureInfo.InvariantCulture)));
        using var sample = Image.Load(folder.File("out", "reference-sample-000.png"));
        using var sheet = Image.Load(folder.File("out", "sheet.png"));
        Assert.True(File.Exists(folder.File("out", "reference-sample-001.png")));
        // Two cells side by side, 4 px apart and around.
        Assert.Equal(((2 * sample.Width) + 12, sample.Height + 8), (sheet.Width, sheet.Height));
    }

    [Fact]
    public void BenchData_PrintsThroughputAndTheWaitForData()
    {
        var result = Trainer(["bench-data", "--preset", "reference", "--seconds", "0.2", "--batch", "2", "--workers", "1", "--steps", "2", "--step-ms", "5", "--step-threads", "1"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"(?m)^\d+ cores; batch 2, 1 loader thread\(s\), prefetch \d+$", result.Output);
        Assert.Matches(@"(?m)^reference +one thread: +[\d.]+ canvases/s, +[\d.]+ 224x224 samples/s \(wall\); +[\d.]+ samples per CPU-second \([1-9]\d* samples in [\d.]+ s, [\d.]+ CPU-s\)$", result.Output);
        Assert.Matches(@"(?m)^reference +loader alone: +[\d.]+ images/s, [\d.]+ batches/s$", result.Output);
        Assert.Matches(@"(?m)^reference +training simulation \(2 steps of 5 ms on 1 busy thread\(s\)\): waited \d+ ms = [\d.]+% of the run; after the first batch [\d.]+% \(first batch \d+ ms\)$", result.Output);
        Assert.DoesNotContain("pages", result.Output);
    }

    [Fact]
    public void BenchTrain_DigitOcrOnly_PrintsImagesPerSecond()
    {
        var config = TinyConfig();

        var result = Trainer(["bench-train", "--config", config, "--no-pytorch", "--steps", "1", "--warmup", "1", "--batch-size", "2", "--threads", "1", "--rounds", "1", "--data", "reference"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"(?m)^tiny at 64x64, batch 2, 1 thread\(s\), reference data, channels-last \w+, .+; 1 warm-up \+ 1 timed steps per round$", result.Output);
        var rate = Regex.Match(result.Output, @"(?m)^DigitOcr: ([\d.]+) images/s \(best of 1; all: ([\d.]+)\)$");
        Assert.True(rate.Success, result.Output);
        Assert.InRange(double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture), 0.01, 1e6);
        Assert.DoesNotContain("PyTorch:", result.Output);
    }

    [Fact]
    public void BenchTrain_WithPyTorch_PrintsBothAndTheirRatio()
    {
        var config = TinyConfig();

        // From the repository root, where bench/pytorch_train.py is.
        var result = CliProcess.Run(CliProcess.Trainer, ["bench-train", "--config", config, "--steps", "1", "--warmup", "1", "--batch-size", "2", "--threads", "1", "--rounds", "1", "--data", "reference"], timeoutSeconds: 180);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"(?m)^round 1: PyTorch  [\d.]+ images/s$", result.Output);
        Assert.Matches(@"(?m)^ratio DigitOcr / PyTorch: [\d.]+x \(best vs best\), [\d.]+x \(median vs median\)$", result.Output);
    }

    [Fact]
    public void Evaluate_OnePage_PrintsEveryFigure()
    {
        var result = Trainer(["evaluate", "--pages", "1", "--distractors", "10"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"(?m)^model .+ on 1 pages test pages \([\d.]+ Mpixel, [1-9]\d* digits\)$", result.Output);
        Assert.Matches(@"(?m)^digit mAP@0\.5 +[01]\.\d{4} +\(0:", result.Output);
        Assert.Matches(@"(?m)^digits read +recall [\d.]+ ?%, precision [\d.]+ ?%", result.Output);
        Assert.Matches(@"(?m)^numbers read exactly \d+/[1-9]\d* = ", result.Output);
        Assert.Matches(@"(?m)^directory accuracy +\d+/\d+ = .+ among [\d,]+ entries\)$", result.Output);
        Assert.Matches(@"(?m)^wrong person named +\d+ = ", result.Output);
        Assert.Matches(@"(?m)^time +\d+ ms per page \(detect \+ read\)$", result.Output);
        Assert.Matches(@"(?m)^misread numbers +\d+: \d+ wrong digits only, ", result.Output);
    }

    [Fact]
    public void Evaluate_ShowMisread_ListsEveryMisreadNumber_WithItsPageAndBothReadings()
    {
        var result = Trainer(["evaluate", "--preset", "hard", "--pages", "2", "--distractors", "10", "--show-misread", "1000"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var misread = int.Parse(Regex.Match(result.Output, @"(?m)^misread numbers +(\d+):").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(misread > 0, "two hard pages were read without a mistake: the listing is not exercised");
        Assert.Contains($"misread numbers, the first {misread} of {misread}:", result.Output);
        Assert.Equal(misread, Regex.Matches(result.Output, @"(?m)^  page \d+ \(.*\): written \d+, read (\d+|nothing)$").Count);
    }

    [Fact]
    public void Export_Half_WritesAModelThatLoadsBackWithTheSameWeightsInHalfTheSpace_AndItsInt8Ranges()
    {
        var checkpoint = TinyModel.Save(folder.File("tiny.pt"));

        var result = Trainer(["export", "--checkpoint", "tiny.pt", "--output", Path.Combine("shipped", "tiny-half.pt"), "--half"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var exported = folder.File("shipped", "tiny-half.pt");
        Assert.Matches($@"^{Regex.Escape(exported)}: tiny-untrained, epoch 0, step 0, best mAP 0\.0000, \d+\.\d MB; int8 ranges of (\d+) activations from 64 training crops\s*$", result.Output);
        Assert.InRange(new FileInfo(exported).Length, 1, new FileInfo(checkpoint).Length * 6 / 10);
        using var original = ModelFile.Load(checkpoint);
        using var half = ModelFile.Load(exported);
        Assert.Equal(original.Weights.Keys.Order(), half.Weights.Keys.Order());
        foreach (var (name, weight) in original.Weights.Where(w => w.Value.dtype == ScalarType.Float32))
        {
            TensorAssert.Close(weight, half.Weights[name], relative: 1e-3, what: name);
        }

        // The ranges int8 needs travel with the weights: one per activation the int8 graph quantizes, and it loads.
        var count = int.Parse(Regex.Match(result.Output, @"int8 ranges of (\d+) activations").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(count, half.ActivationRanges?.Count);
        Assert.Contains(half.ActivationRanges!, r => r.Value.Min < 0);
        using var int8 = DigitOcr.Inference.DigitDetector.Load(exported, new DigitOcr.Inference.DetectorOptions { Precision = DigitOcr.Inference.InferencePrecision.Int8, UseRecognizer = false });
        using var page = DigitOcr.Imaging.Image.Create(96, 64);
        Assert.NotNull(int8.Detect(page));
    }

    [Fact]
    public void Export_OfARecognizer_WritesItAgainWithItsInt8Ranges_WeightsUnchanged()
    {
        var shipped = Path.Combine(Shell.RepositoryRoot(), "models", "digitocr-recognizer.pt");

        var result = Trainer(["export", "--checkpoint", shipped, "--output", "recognizer.pt"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var original = ModelFile.Load(shipped);
        var members = original.Recognizer!.Members;
        var what = members == 1 ? "digit recognizer" : $"digit recognizer ensemble of {members}";
        Assert.Matches($@"{what}, \d+\.\d MB; int8 ranges of {8 * members} activations from \d+ crops", result.Output);
        using var written = ModelFile.Load(folder.File("recognizer.pt"));
        Assert.Equal(members, written.Recognizer?.Members);
        Assert.Equal(8 * members, written.ActivationRanges?.Count);
        Assert.Equal(original.Weights.Keys.Order(), written.Weights.Keys.Order());
        foreach (var (name, weight) in original.Weights.Where(w => w.Value.dtype == ScalarType.Float32))
        {
            TensorAssert.Close(weight, written.Weights[name], relative: 1e-12, what: name);
        }
    }

    [Fact]
    public void Export_TwoRecognizers_WritesOneEnsembleFileThatEvaluateRecognizerReads()
    {
        var shipped = Path.Combine(Shell.RepositoryRoot(), "models", "digitocr-recognizer.pt");
        using (var file = ModelFile.Load(shipped))
        {
            Assert.True(2 * file.Recognizer!.Members <= DigitOcr.Config.RecognizerConfig.MaxMembers, "two copies of the shipped recognizer stay within the ensemble limit");
        }

        var result = Trainer(["export", "--checkpoint", shipped, "--checkpoint", shipped, "--output", "pair.pt"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using (var written = ModelFile.Load(folder.File("pair.pt")))
        using (var original = ModelFile.Load(shipped))
        {
            var members = 2 * original.Recognizer!.Members;
            Assert.Matches($@"digit recognizer ensemble of {members}, \d+\.\d MB; int8 ranges of {8 * members} activations from \d+ crops", result.Output);
            Assert.Equal(members, written.Recognizer!.Members);
            Assert.Equal(8 * members, written.ActivationRanges?.Count);
            Assert.Equal(members * DigitOcr.Model.RecognizerEnsemble.MemberEntries(original.Weights, 0, original.Recognizer.Members).Count, written.Weights.Count);
        }

        var evaluated = Trainer(["evaluate-recognizer", "--model", "pair.pt", "--digits", "100"]);
        Assert.True(evaluated.ExitCode == 0, evaluated.ToString());
        Assert.Matches(@"^MNIST test \(100 digits, ensemble of \d\): accuracy", evaluated.Output);
    }

    [Fact]
    public void Export_TwoCheckpointsAsOnnx_IsAUsageErrorNamingWhatToDrop()
    {
        var shipped = Path.Combine(Shell.RepositoryRoot(), "models", "digitocr-recognizer.pt");

        var result = Trainer(["export", "--onnx", "--checkpoint", shipped, "--checkpoint", shipped, "--output", "pair.onnx"]);

        Assert.Equal(Usage, result.ExitCode);
        Assert.Contains("recognizer ensemble", result.Errors);
        Assert.Contains("drop --onnx", result.Errors);
        Assert.False(File.Exists(folder.File("pair.onnx")));
    }

    [Fact]
    public void Export_ADetectorInAnEnsemble_IsAFileErrorNamingIt()
    {
        var recognizer = Path.Combine(Shell.RepositoryRoot(), "models", "digitocr-recognizer.pt");
        var detector = Path.Combine(Shell.RepositoryRoot(), "models", "digitocr-lite.pt");

        var result = Trainer(["export", "--checkpoint", recognizer, "--checkpoint", detector, "--output", "pair.pt"]);

        Assert.Equal(Files, result.ExitCode);
        Assert.Contains("digitocr-lite.pt' is not a digit recognizer", result.Errors);
        Assert.False(File.Exists(folder.File("pair.pt")));
    }

    [Fact]
    public void Export_OntoAnExistingFile_IsRefusedAndTheFileKept()
    {
        TinyModel.Save(folder.File("tiny.pt"));
        File.WriteAllText(folder.File("shipped.pt"), "the model a user ships");

        var result = Trainer(["export", "--checkpoint", "tiny.pt", "--output", "shipped.pt"]);

        Assert.True(result.ExitCode == 4, result.ToString()); // TrainerExitCodes.Files
        Assert.Contains("shipped.pt' exists", result.Errors);
        Assert.Contains("--force", result.Errors);
        Assert.DoesNotContain("   at ", result.Errors);
        Assert.Equal("the model a user ships", File.ReadAllText(folder.File("shipped.pt")));
    }

    [Fact]
    public void Export_WithForce_ReplacesAnExistingFile()
    {
        TinyModel.Save(folder.File("tiny.pt"));
        File.WriteAllText(folder.File("shipped.pt"), "an older model");

        var result = Trainer(["export", "--checkpoint", "tiny.pt", "--output", "shipped.pt", "--force"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var exported = ModelFile.Load(folder.File("shipped.pt"));
        Assert.Equal("tiny-untrained", exported.Config?.Name);
    }

    [Fact]
    public void Export_WithoutMnist_WritesTheModelAndSaysInt8RangesAreMissing()
    {
        TinyModel.Save(folder.File("tiny.pt"));
        Directory.CreateDirectory(folder.File("empty-data"));

        var result = CliProcess.Run(CliProcess.Trainer, ["export", "--checkpoint", "tiny.pt", "--output", "tiny-out.pt"],
            new Dictionary<string, string?> { ["DIGITOCR_DATA"] = folder.File("empty-data") }, folder.Path, timeoutSeconds: 180);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("no int8 ranges", result.Output);
        Assert.Contains("warning: no int8 ranges written", result.Errors);
        Assert.Contains("fetch-mnist", result.Errors);
        using var exported = ModelFile.Load(folder.File("tiny-out.pt"));
        Assert.Null(exported.ActivationRanges);
    }

    [Fact]
    public void EvaluateRecognizer_FirstTestDigits_AreMostlyReadRight()
    {
        var recognizer = Path.Combine(Shell.RepositoryRoot(), "models", "digitocr-recognizer.pt");

        var result = Trainer(["evaluate-recognizer", "--model", recognizer, "--digits", "300"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var figures = Regex.Match(result.Output, @"^MNIST test \(300 digits(, ensemble of \d)?\): accuracy ([\d.]+) ?% \(all 11 classes\), ([\d.]+) ?% \(best digit\), called not-a-digit ([\d.]+) ?%\s*$");
        Assert.True(figures.Success, result.Output);
        Assert.InRange(double.Parse(figures.Groups[3].Value, CultureInfo.InvariantCulture), 90, 100);
    }

    [Fact]
    public void EvaluateNoRereadWithARereadBound_IsOneLineAskingToDropOne()
    {
        var result = Trainer(["evaluate", "--no-reread", "--reread-below", "20", "--pages", "1"]);

        var error = CliAssert.OneLineError(result, "trainer", Usage, "--no-reread");
        Assert.Contains("drop one of them", error);
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("bench-data", "--seconds", "0")]
    [InlineData("bench-data", "--batch", "0")]
    [InlineData("bench-data", "--preset", "photos")]
    [InlineData("bench-data", "--config", "missing.json")]
    [InlineData("bench-train", "--steps", "0")]
    [InlineData("bench-train", "--warmup", "0")]
    [InlineData("bench-train", "--threads", "-1")]
    [InlineData("bench-train", "--data", "photos")]
    [InlineData("bench-train", "--channels-last", "maybe")]
    [InlineData("bench-train", "--precision", "half")]
    [InlineData("evaluate", "--pages", "0")]
    [InlineData("evaluate", "--distractors", "-1")]
    [InlineData("evaluate", "--preset", "dirty")]
    [InlineData("evaluate", "--nms", "1.5")]
    [InlineData("evaluate", "--enlarge", "0.5")]
    [InlineData("evaluate", "--reread-scale", "1")]
    [InlineData("evaluate", "--reread-below", "-3")]
    [InlineData("evaluate", "--enlarge", "9")]
    [InlineData("evaluate", "--show-misread", "-1")]
    [InlineData("evaluate-recognizer", "--digits", "10001")]
    [InlineData("evaluate-recognizer", "--model", ".")]
    [InlineData("export", "--checkpoint", "missing.pt")]
    [InlineData("export", "--output", ".")]
    [InlineData("info", "--config", "missing.json")]
    [InlineData("render", "--count", "0")]
    [InlineData("render", "--split", "dev")]
    [InlineData("render", "--preset", "photos")]
    [InlineData("render", "--first", "-1")]
    [InlineData("render", "--sheet", "sheet.gif")]
    public void BadValue_IsOneLineNamingTheOptionAndTheValue(string command, string option, string value)
    {
        // Where a command needs another option, it is given a valid one, so only the bad value can be refused.
        string[] required = command switch
        {
            "evaluate-recognizer" when option != "--model" => ["--model", Path.Combine(Shell.RepositoryRoot(), "models", "digitocr-recognizer.pt")],
            "export" when option == "--output" => ["--checkpoint", TinyModel.Save(folder.File("tiny.pt"))],
            "export" => ["--output", "out.pt"],
            _ => [],
        };

        var result = Trainer([command, .. required, option, value]);

        var error = CliAssert.OneLineError(result, "trainer", Usage, option);
        Assert.Contains($"'{value}'", error);
        Assert.Empty(result.Output);
        Assert.DoesNotContain(Directory.GetFileSystemEntries(folder.Path), e => Path.GetFileName(e) != "tiny.pt");
    }

    [Fact]
    public void RequiredOptionMissing_IsAUsageError()
    {
        var result = Trainer(["export", "--output", "out.pt"]);

        CliAssert.OneLineError(result, "trainer", Usage, "--checkpoint");
    }

    [Fact]
    public void Export_AFileThatIsNotACheckpoint_IsAFileErrorNamingTheOptionAndWritesNothing()
    {
        File.WriteAllText(folder.File("notes.pt"), "not a checkpoint");

        var result = Trainer(["export", "--checkpoint", "notes.pt", "--output", "out.pt"]);

        CliAssert.OneLineError(result, "trainer", Files, "--checkpoint: ");
        Assert.False(File.Exists(folder.File("out.pt")));
    }

    [Fact]
    public void EvaluateRecognizer_ADetectorModel_IsAFileErrorNamingTheOption()
    {
        var detector = Path.Combine(Shell.RepositoryRoot(), "models", "digitocr-lite.pt");

        var result = Trainer(["evaluate-recognizer", "--model", detector, "--digits", "10"]);

        var error = CliAssert.OneLineError(result, "trainer", Files, "--model: ");
        Assert.Contains("not a recognizer", error);
    }

    [Fact]
    public void Render_WholePagesOfTheReferencePreset_IsAUsageErrorAndWritesNothing()
    {
        var result = Trainer(["render", "--preset", "reference", "--pages", "--out", "out"]);

        CliAssert.OneLineError(result, "trainer", Usage, "--pages");
        Assert.False(Directory.Exists(folder.File("out")));
    }

    private string TinyConfig()
    {
        var path = folder.File("tiny.json");
        File.WriteAllText(path, TinyTraining.Config(epochs: 1, imagesPerEpoch: 8, batchSize: 2).ToJson());
        return path;
    }

    private CliResult Trainer(IEnumerable<string> arguments) =>
        CliProcess.Run(CliProcess.Trainer, arguments, workingDirectory: folder.Path, timeoutSeconds: 180);
}
