using DigitOcr.Boxes;
using DigitOcr.Imaging;
using DigitOcr.Inference;
using DigitOcr.Model;
using DigitOcr.Postprocess;
using DigitOcr.Tests.Support;
using DigitOcr.Torch;
using DigitOcr.Torch.Modules;
using DigitOcr.Training;

namespace DigitOcr.Tests.Inference;

/// <summary>
/// <see cref="DetectorBackend.OnnxRuntime"/> through the whole detector — batch norm folded at load, every pass and tile
/// of the size policy run at its own input size — gives the detections libtorch gives.
/// </summary>
public sealed class OnnxRuntimeBackendTests : IDisposable
{
    private readonly TempFolder folder = new("digitocr-onnx-backend-");

    public void Dispose() => folder.Dispose();

    private static string SamplePage => Path.Combine(AppContext.BaseDirectory, "samples", "sample-page.png");

    [Theory]
    [InlineData(null)] // the default size policy: the page whole, then at 1/2 and 1/4
    [InlineData(320)] // the native pass in four 320 px tiles: inputs of several sizes in one session
    public void ShippedModel_OnTheSamplePage_OnnxRuntimeFindsWhatLibtorchFinds(int? tileSize)
    {
        using var page = Image.Load(SamplePage);
        var options = new DetectorOptions { UseRecognizer = false, TileSize = tileSize ?? new DetectorOptions().TileSize };
        using var libtorch = DigitDetector.Load(options: options with { Backend = DetectorBackend.Libtorch });
        using var onnx = DigitDetector.Load(options: options with { Backend = DetectorBackend.OnnxRuntime });

        var expected = libtorch.Detect(page).Digits;
        var actual = onnx.Detect(page).Digits;

        Assert.True(expected.Count >= 10, $"the sample page should give digits, got {expected.Count}");
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal(e.Digit, a.Digit);
            Assert.True(Math.Abs(e.Score - a.Score) < 1e-3, $"score {e.Score} vs {a.Score}");
            Assert.True(Math.Abs(e.Box.X1 - a.Box.X1) < 0.5 && Math.Abs(e.Box.Y1 - a.Box.Y1) < 0.5 && Math.Abs(e.Box.X2 - a.Box.X2) < 0.5 && Math.Abs(e.Box.Y2 - a.Box.Y2) < 0.5,
                $"box {e.Box} vs {a.Box}");
        }
    }

    [Fact]
    public void TinyModelWithBatchNormStatistics_InTilesAndPyramid_OnnxRuntimeFindsWhatLibtorchFinds()
    {
        // Random weights with batch-norm statistics far from the identity, so that a fold exported wrongly shows; 320 px
        // tiles and three passes run the network at several input sizes (the ONNX graph's height and width are dynamic).
        var model = SaveRandomTinyModel(folder.File("tiny.pt"));
        using var page = Image.Load(SamplePage);
        var options = new DetectorOptions { UseRecognizer = false, TileSize = 320, PyramidLevels = 3, ScoreThreshold = Threshold };
        using var libtorch = DigitDetector.Load(model, options with { Backend = DetectorBackend.Libtorch });
        using var onnx = DigitDetector.Load(model, options with { Backend = DetectorBackend.OnnxRuntime });

        var expected = libtorch.Detect(page).Digits;
        var actual = onnx.Detect(page).Digits;

        Assert.True(expected.Count >= 20, $"the random model should find plenty on the page, got {expected.Count}");
        AssertEachFoundByTheOther(expected, actual, "onnxruntime");
        AssertEachFoundByTheOther(actual, expected, "libtorch");
    }

    [Theory]
    [InlineData("cpu", DetectorBackend.OnnxRuntime)]
    [InlineData("CPU", DetectorBackend.OnnxRuntime)]
    [InlineData("cuda", DetectorBackend.Libtorch)]
    [InlineData("cuda:1", DetectorBackend.Libtorch)]
    public void DefaultBackend_IsOnnxRuntimeOnTheCpuAndLibtorchOnCuda(string device, DetectorBackend expected)
    {
        Assert.Equal(expected, new DetectorOptions { Device = device }.EffectiveBackend);
        Assert.Equal(DetectorBackend.Libtorch, new DetectorOptions { Device = device, Backend = DetectorBackend.Libtorch }.EffectiveBackend);
    }

    [Fact]
    public void OnnxRuntimeOnCuda_IsRefusedNamingBoth()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DigitDetector.Load(options: new DetectorOptions { Backend = DetectorBackend.OnnxRuntime, Device = "cuda" }));
        Assert.Contains("Backend", e.Message);
        Assert.Contains("cuda", e.Message);
    }

    [Fact]
    public void BFloat16_RunsOnLibtorchByDefault_AndIsRefusedOnOnnxRuntime()
    {
        Assert.Equal(DetectorBackend.Libtorch, new DetectorOptions { Precision = InferencePrecision.BFloat16 }.EffectiveBackend);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DigitDetector.Load(options: new DetectorOptions { Precision = InferencePrecision.BFloat16, Backend = DetectorBackend.OnnxRuntime }));
        Assert.Contains("bfloat16 runs on the libtorch backend only", e.Message);
    }

    [Fact]
    public void Int8_RunsOnOnnxRuntimeByDefault_AndIsRefusedOnLibtorch()
    {
        Assert.Equal(DetectorBackend.OnnxRuntime, new DetectorOptions { Precision = InferencePrecision.Int8 }.EffectiveBackend);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DigitDetector.Load(options: new DetectorOptions { Precision = InferencePrecision.Int8, Backend = DetectorBackend.Libtorch }));
        Assert.Contains("int8 runs on the ONNX Runtime backend only", e.Message);
    }

    [Fact]
    public void UndefinedBackend_IsRefused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DigitDetector.Load(options: new DetectorOptions { Backend = (DetectorBackend)7 }));
        Assert.Contains("Backend", e.Message);
    }

    private const double Threshold = 0.2;

    /// <summary>
    /// Every detection of <paramref name="these"/> is in <paramref name="others"/>: same digit, score within 1e-3, box
    /// within half a pixel. One whose score is within 1e-3 of the threshold may be missing: the engines round
    /// differently, and such a detection may fall on either side of the threshold or of a suppression.
    /// </summary>
    private static void AssertEachFoundByTheOther(IReadOnlyList<Detection> these, IReadOnlyList<Detection> others, string otherName)
    {
        foreach (var d in these)
        {
            var candidates = others.Where(o => o.Digit == d.Digit && Math.Abs(o.Score - d.Score) < 1e-3).ToList();
            if (candidates.Count == 0 && Math.Abs(d.Score - Threshold) < 1e-3)
            {
                continue;
            }

            Assert.True(candidates.Count > 0, $"digit {d.Digit} ({d.Score:F5}) at {d.Box}: {otherName} has none with that digit and score");
            var closest = candidates.Min(o => Distance(o.Box, d.Box));
            Assert.True(closest < 0.5, $"digit {d.Digit} ({d.Score:F5}) at {d.Box}: {otherName}'s nearest box is {closest:F3} px off");
        }
    }

    private static float Distance(Box a, Box b) =>
        new[] { a.X1 - b.X1, a.Y1 - b.Y1, a.X2 - b.X2, a.Y2 - b.Y2 }.Max(Math.Abs);

    private static string SaveRandomTinyModel(string path)
    {
        torch.manual_seed(11);
        using var model = new SsdDetector(TinyModel.Config.Model);
        model.InitializeWeights();
        RandomBatchNorms.Apply(model);

        Checkpoint.SaveModel(path, model, TinyModel.Config, new TrainingProgress(0, 0, 0, 0), halfPrecision: false);
        return path;
    }
}
