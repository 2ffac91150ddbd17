using DigitOcr.Config;
using DigitOcr.Onnx;
using DigitOcr.Tests.Support;
using Microsoft.ML.OnnxRuntime;

namespace DigitOcr.Tests.Onnx;

/// <summary>The trainer's <c>export --onnx</c>, run as a process.</summary>
public sealed class ExportOnnxCommandTests : IDisposable
{
    private readonly TempFolder folder = new("digitocr-export-onnx-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void ExportOnnx_WritesAModelOnnxRuntimeLoads_CarryingItsConfig()
    {
        var model = TinyModel.Save(folder.File("tiny.pt"));
        var output = folder.File("out", "tiny.onnx");

        var result = CliProcess.Run(CliProcess.Trainer, ["export", "--onnx", "--checkpoint", model, "--output", output]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("as ONNX (opset 17", result.Output);
        using var session = new InferenceSession(output);
        var config = ModelConfig.FromJson(session.ModelMetadata.CustomMetadataMap[DetectorOnnxExporter.ConfigMetadataKey]);
        Assert.Equal([8, 16, 32, 64], config.Model.Widths);
        Assert.Equal([DetectorOnnxExporter.LocName, DetectorOnnxExporter.ConfName, DetectorOnnxExporter.FeatureSizesName], session.OutputMetadata.Keys);
    }

    [Fact]
    public void ExportOnnxInt8_OfTheShippedModel_WritesAQdqModelThatAgreesWithFloat()
    {
        var shipped = Path.Combine(Shell.RepositoryRoot(), "models", "digitocr-lite.pt");
        var (float32, int8) = (folder.File("lite.onnx"), folder.File("lite-int8.onnx"));

        var plain = CliProcess.Run(CliProcess.Trainer, ["export", "--onnx", "--checkpoint", shipped, "--output", float32]);
        var result = CliProcess.Run(CliProcess.Trainer, ["export", "--onnx", "--int8", "--checkpoint", shipped, "--output", int8]);

        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"int8 QDQ over \d+ calibrated activations", result.Output);
        Assert.InRange(new FileInfo(int8).Length, 1, new FileInfo(float32).Length * 6 / 10);
        // A blank page with one dark bar: both find the same strongest prior, and agree on the logits within a little.
        var pixels = new float[128 * 128];
        Array.Fill(pixels, 2.2f);
        for (var y = 40; y < 90; y++)
        {
            for (var x = 60; x < 68; x++)
            {
                pixels[(y * 128) + x] = -2.1f;
            }
        }

        var (exact, quantized) = (Conf(float32, pixels), Conf(int8, pixels));
        var worst = exact.Zip(quantized, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 0.1 * (exact.Max() - exact.Min()), $"worst |float - int8| {worst} over a logit spread of {exact.Max() - exact.Min()}");
    }

    [Fact]
    public void ExportOnnxInt8_OfAModelWithoutRanges_IsOneLineNamingTheFix()
    {
        var model = TinyModel.Save(folder.File("tiny.pt"));

        var result = CliProcess.Run(CliProcess.Trainer, ["export", "--onnx", "--int8", "--checkpoint", model, "--output", folder.File("t.onnx")]);

        var error = CliAssert.OneLineError(result, "trainer", 4, "--int8: ");
        Assert.Contains("export --checkpoint", error);
        Assert.False(File.Exists(folder.File("t.onnx")));
    }

    [Fact]
    public void ExportOnnx_WithHalf_IsAUsageErrorNamingBoth()
    {
        var model = TinyModel.Save(folder.File("tiny.pt"));

        var result = CliProcess.Run(CliProcess.Trainer, ["export", "--onnx", "--half", "--checkpoint", model, "--output", folder.File("t.onnx")]);

        var error = CliAssert.OneLineError(result, "trainer", 2, "--half");
        Assert.Contains("--onnx", error);
        Assert.False(File.Exists(folder.File("t.onnx")));
    }

    [Fact]
    public void ExportOnnx_OfAFileThatIsNotAModel_IsOneLineNamingTheOption()
    {
        File.WriteAllText(folder.File("junk.pt"), "not a model");

        var result = CliProcess.Run(CliProcess.Trainer, ["export", "--onnx", "--checkpoint", folder.File("junk.pt"), "--output", folder.File("j.onnx")]);

        CliAssert.OneLineError(result, "trainer", 4, "--checkpoint: ");
        Assert.False(File.Exists(folder.File("j.onnx")));
    }

    [Fact]
    public void ExportOnnx_OfARecognizer_IsRefusedInOneLine()
    {
        var recognizer = Path.Combine(Shell.RepositoryRoot(), "models", "digitocr-recognizer.pt");

        var result = CliProcess.Run(CliProcess.Trainer, ["export", "--onnx", "--checkpoint", recognizer, "--output", folder.File("r.onnx")]);

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains("recognizer", result.Errors);
        Assert.Single(result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(folder.File("r.onnx")));
    }

    private static float[] Conf(string model, float[] pixels)
    {
        using var session = new InferenceSession(model);
        using var image = OrtValue.CreateTensorValueFromMemory(pixels, [1, 1, 128, 128]);
        using var outputs = session.Run(new RunOptions(), [DetectorOnnxExporter.InputName], [image], [DetectorOnnxExporter.ConfName]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
