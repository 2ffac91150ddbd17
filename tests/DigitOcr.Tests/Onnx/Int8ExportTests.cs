using DigitOcr.Config;
using DigitOcr.Inference;
using DigitOcr.Inference.Backends;
using DigitOcr.Model;
using DigitOcr.ModelFiles;
using DigitOcr.Onnx;
using DigitOcr.Tests.Support;
using DigitOcr.Torch;
using Microsoft.ML.OnnxRuntime;

namespace DigitOcr.Tests.Onnx;

/// <summary>The int8 (QDQ) export: calibrated ranges, 8-bit arithmetic close to float, and the errors around it.</summary>
public sealed class Int8ExportTests : IDisposable
{
    private static readonly ModelConfig Tiny = new() { Name = "tiny", Model = new ModelOptions { Widths = [8, 16, 32, 64] } };

    private readonly TempFolder folder = new("digitocr-int8-");

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(-1f, 3f, 4f / 255, 64)] // 1 / (4 / 255) = 63.75
    [InlineData(0f, 5.1f, 0.02f, 0)] // never negative: all 256 steps above 0
    [InlineData(2f, 5.1f, 0.02f, 0)] // 0 is always in range: padding and ReLU produce it
    [InlineData(-2.55f, -1f, 0.01f, 255)]
    public void ActivationRange_ScaleAndZeroPoint_AsComputedByHand(float min, float max, float scale, int zeroPoint)
    {
        var range = new ActivationRange(min, max);

        Assert.Equal(scale, range.Scale, 1e-6f);
        Assert.Equal(zeroPoint, range.ZeroPoint);
    }

    [Fact]
    public void ActivationRanges_RoundTripThroughJson_AndABadPairIsRefusedNamingIt()
    {
        var ranges = new Dictionary<string, ActivationRange> { ["a.relu"] = new(0, 2.5f), ["b"] = new(-1, 1) };

        var back = ActivationRanges.FromJson(ActivationRanges.ToJson(ranges), "test");

        Assert.Equal(ranges, back);
        var e = Assert.Throws<InvalidDataException>(() => ActivationRanges.FromJson("""{"c": [3, 1]}""", "model.pt"));
        Assert.Contains("model.pt", e.Message);
        Assert.Contains("'c'", e.Message);
    }

    [Fact]
    public void Int8Export_OfACalibratedRandomTinyModel_StaysWithinAFewPercentOfFloat()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(11);
        using var model = new SsdDetector(Tiny.Model);
        model.InitializeWeights();
        RandomBatchNorms.Apply(model);
        model.eval();
        BatchNormFolding.Fold(model);
        var calibration = Enumerable.Range(0, 4).Select(_ => torch.randn([2, 1, 96, 128])).ToList();
        var ranges = OnnxCalibration.Measure(model, Tiny, calibration, threads: 1);
        using var input = torch.randn([1, 1, 96, 128]);

        using var float32 = new InferenceSession(DetectorOnnxExporter.Export(model, Tiny));
        using var int8 = new InferenceSession(DetectorOnnxExporter.ExportInt8(model, Tiny, ranges));
        var exact = Conf(float32, input);
        var quantized = Conf(int8, input);

        // About 20 layers, each rounding to 1/255 of its range: a few percent of the output's range, not more.
        var spread = exact.Max() - exact.Min();
        var worst = exact.Zip(quantized, (a, b) => Math.Abs(a - b)).Max();
        var mean = exact.Zip(quantized, (a, b) => Math.Abs(a - b)).Average();
        Assert.True(mean < 0.02 * spread && worst < 0.15 * spread, $"mean |float - int8| {mean:E2}, worst {worst:E2}, over an output spread of {spread:E2}");
        Assert.True(worst > 0, "the int8 graph computed exactly what float did: it cannot have quantized anything");
    }

    [Fact]
    public void Int8RecognizerExport_OfACalibratedRandomRecognizer_StaysWithinAFewPercentOfFloat()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(13);
        using var model = new DigitRecognizer(new RecognizerConfig { Widths = [8, 16, 24], LastStageConvs = 2 });
        model.InitializeWeights(13);
        RandomBatchNorms.Apply(model);
        model.eval();
        BatchNormFolding.Fold(model);
        var calibration = Enumerable.Range(0, 4).Select(_ => torch.randn([16, 1, 32, 32])).ToList();
        var ranges = OnnxCalibration.Measure(model, calibration, threads: 1);
        using var crops = torch.randn([8, 1, 32, 32]);

        // One range per activation: the input, each ReLU and the logits (pools and the average share their input's).
        Assert.Equal(1 + 6 + 1, ranges.Count);
        var exact = Logits(RecognizerOnnxExporter.Export(model), crops);
        var quantized = Logits(RecognizerOnnxExporter.ExportInt8(model, ranges), crops);

        var spread = exact.Max() - exact.Min();
        var worst = exact.Zip(quantized, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 0.1 * spread && worst > 0, $"worst |float - int8| {worst:E2} over a logit spread of {spread:E2}");
    }

    [Fact]
    public void Int8Export_WithAnActivationMissingItsRange_IsRefusedNamingIt()
    {
        using var model = new SsdDetector(Tiny.Model);
        model.eval();
        BatchNormFolding.Fold(model);

        var e = Assert.Throws<ArgumentException>(() => DetectorOnnxExporter.ExportInt8(model, Tiny, new Dictionary<string, ActivationRange>()));

        Assert.Contains("no calibrated range for the activation 'image'", e.Message);
    }

    [Fact]
    public void Int8Export_OfAModelWithBatchNormNotFolded_IsRefusedNamingIt()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new SsdDetector(Tiny.Model);
        model.eval();
        var ranges = OnnxCalibration.Measure(model, Tiny, [torch.randn([1, 1, 64, 64])], threads: 1);

        var e = Assert.Throws<ArgumentException>(() => DetectorOnnxExporter.ExportInt8(model, Tiny, ranges));

        Assert.Contains("needs batch norm folded", e.Message);
        Assert.Contains("backbone.bn1", e.Message);
    }

    [Fact]
    public void Int8_OfAModelFileWithoutRanges_IsRefusedNamingTheFileAndTheFix()
    {
        var path = folder.File("plain.pt");
        using (var model = new SsdDetector(Tiny.Model))
        {
            ModelFile.Save(path, model, System.Text.Json.JsonSerializer.Serialize(Tiny, ModelConfig.JsonOptions), halfPrecision: false);
        }

        var e = Assert.Throws<InvalidDataException>(() => DigitDetector.Load(path, new DetectorOptions { Precision = InferencePrecision.Int8, UseRecognizer = false }));

        Assert.Contains(path, e.Message);
        Assert.Contains("export", e.Message);
    }

    private static float[] Logits(byte[] onnx, Tensor crops)
    {
        using var session = new InferenceSession(onnx);
        using var input = OrtValue.CreateTensorValueFromMemory(crops.data<float>(), crops.shape);
        using var outputs = session.Run(new RunOptions(), [RecognizerOnnxExporter.InputName], [input], [RecognizerOnnxExporter.LogitsName]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    private static float[] Conf(InferenceSession session, Tensor input)
    {
        using var image = OrtValue.CreateTensorValueFromMemory(input.data<float>(), input.shape);
        using var outputs = session.Run(new RunOptions(), [DetectorOnnxExporter.InputName], [image], [DetectorOnnxExporter.ConfName]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
