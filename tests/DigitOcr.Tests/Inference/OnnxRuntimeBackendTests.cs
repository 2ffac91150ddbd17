using DigitOcr.Imaging;
using DigitOcr.Inference;

namespace DigitOcr.Tests.Inference;

/// <summary><see cref="DetectorBackend.OnnxRuntime"/> through the whole detector: same detections as libtorch.</summary>
public class OnnxRuntimeBackendTests
{
    private static string SamplePage => Path.Combine(AppContext.BaseDirectory, "samples", "sample-page.png");

    [Fact]
    public void ShippedModel_OnTheSamplePage_OnnxRuntimeFindsWhatLibtorchFinds()
    {
        using var page = Image.Load(SamplePage);
        var options = new DetectorOptions { UseRecognizer = false };
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
    public void UndefinedBackend_IsRefused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DigitDetector.Load(options: new DetectorOptions { Backend = (DetectorBackend)7 }));
        Assert.Contains("Backend", e.Message);
    }
}
