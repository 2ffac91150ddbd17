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
}
