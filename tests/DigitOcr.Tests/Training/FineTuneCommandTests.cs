using System.Globalization;
using System.Text.RegularExpressions;
using DigitOcr.Tests.Support;
using DigitOcr.Training;

namespace DigitOcr.Tests.Training;

/// <summary>
/// <c>train --data-dir</c> and <c>evaluate --data-dir</c> as users run them: a separate process, its figures on stdout,
/// and a folder that cannot be used refused with every problem listed, a documented exit code and no stack trace.
/// </summary>
public sealed partial class FineTuneCommandTests : IDisposable
{
    private const int Usage = 2;
    private const int BadAnnotations = 5;

    private readonly TempFolder folder = new("digitocr-finetune-cli-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void EvaluateDataDir_PrintsTheShippedModelsFiguresOnTheFolder()
    {
        var pages = AnnotatedPages.Generate(folder.File("pages"), count: 3, format: "voc", size: "320x240", digitHeight: "24-32");

        var result = CliProcess.Run(CliProcess.Trainer, ["evaluate", "--data-dir", pages]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("(Pascal VOC): all 3 images", result.Output);
        Assert.Contains("numbers read exactly", result.Output);
        Assert.Contains("digits read          recall", result.Output);
        var map = double.Parse(Map().Match(result.Output).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(map > 0.5, $"the shipped model should read generated pages of 24-32 px digits; got mAP {map}:\n{result.Output}");
    }

    [Fact]
    public void EvaluateDataDir_HeldOut_ScoresOnlyTheImagesAFineTuneHoldsOut()
    {
        var pages = AnnotatedPages.Generate(folder.File("pages"), count: 3, format: "csv", size: "200x150");

        var result = CliProcess.Run(CliProcess.Trainer, ["evaluate", "--data-dir", pages, "--held-out", "0.34", "--seed", "1", "--no-recognizer"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("the 1 of 3 images held out by a split of 0.34 with seed 1", result.Output);
    }

    [Fact]
    public void TrainDataDir_ThatDoesNotExist_IsAUsageError()
    {
        var result = CliProcess.Run(CliProcess.Trainer, ["train", "--config", Config, "--data-dir", folder.File("nowhere"), "--output", folder.File("run")]);

        CliAssert.OneLineError(result, "trainer", Usage, "--data-dir");
        Assert.Contains("there is no folder", result.Errors);
        Assert.False(Directory.Exists(folder.File("run")));
    }

    [Fact]
    public void TrainDataDir_WithBadAnnotations_ListsEachProblem_ExitsWith5_AndWritesNothing()
    {
        var bad = Directory.CreateDirectory(folder.File("bad")).FullName;
        AnnotatedPages.WriteImage(Path.Combine(bad, "a.png"), 40, 30);
        File.WriteAllText(Path.Combine(bad, "annotations.csv"), "image,x1,y1,x2,y2,digit\na.png,2,3,12,20,7\na.png,30,5,45,35,3\na.png,1,1,8,8,x\nb.png,1,1,5,5,2\n");

        var result = CliProcess.Run(CliProcess.Trainer, ["train", "--config", Config, "--data-dir", bad, "--output", folder.File("run")]);

        Assert.True(result.ExitCode == BadAnnotations, result.ToString());
        var lines = result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("trainer: --data-dir: the CSV annotations of", lines[0]);
        Assert.Contains("have 3 problem(s)", lines[0]);
        Assert.Contains("annotations.csv line 3: the box [30, 5, 45, 35] reaches outside the 40x30 image 'a.png'; clip it to the image", lines);
        Assert.Contains(lines, l => l.StartsWith("annotations.csv line 4: unknown label 'x'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("annotations.csv line 5: the image 'b.png' is not in the folder", StringComparison.Ordinal));
        CliAssert.NoStackTrace(result);
        Assert.False(Directory.Exists(folder.File("run")));
    }

    [Fact]
    public void TrainDataDir_WithoutAnnotations_SaysWhatTheFolderHolds()
    {
        var empty = Directory.CreateDirectory(folder.File("photos")).FullName;
        AnnotatedPages.WriteImage(Path.Combine(empty, "a.png"), 40, 30);

        var result = CliProcess.Run(CliProcess.Trainer, ["train", "--config", Config, "--data-dir", empty, "--output", folder.File("run")]);

        var error = CliAssert.OneLineError(result, "trainer", BadAnnotations, "--data-dir");
        Assert.Contains("holds no annotations (1 image (.png))", error);
    }

    [Fact]
    public void TrainDataDir_FineTunes_ReportingTheHeldOutImagesBeforeAndEachEpoch()
    {
        var pages = AnnotatedPages.Generate(folder.File("pages"), count: 4, format: "coco", size: "256x192", digitHeight: "16-24");
        var init = TinyModel.Save(folder.File("init.pt"));
        var config = folder.File("tiny.json");
        File.WriteAllText(config, TinyTraining.Config(epochs: 1, imagesPerEpoch: 16, batchSize: 8).ToJson());
        var output = folder.File("run");

        var result = CliProcess.Run(CliProcess.Trainer, ["train", "--config", config, "--data-dir", pages, "--init", init, "--output", output, "--threads", "1"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("4 images", result.Output);
        Assert.Contains("3 to train on, 1 held out", result.Output);
        Assert.Matches(@"before training: user mAP \d\.\d{4} loss \d+\.\d{4}", result.Output);
        Assert.Matches(@"epoch 1: .*\| user mAP \d\.\d{4} loss \d+\.\d{4}", result.Output);
        Assert.Contains(new MetricsLog(Path.Combine(output, "metrics.csv")).Read(), r => r.Set == "user" && r.ValidationLoss > 0);
    }

    private static string Config => Path.Combine(AppContext.BaseDirectory, "configs", "finetune.json");

    [GeneratedRegex(@"digit mAP@0\.5\s+(\d\.\d+)")]
    private static partial Regex Map();
}
