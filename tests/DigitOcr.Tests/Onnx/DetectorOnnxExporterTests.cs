using DigitOcr.Config;
using DigitOcr.Model;
using DigitOcr.Onnx;
using DigitOcr.Tests.Support;
using DigitOcr.Torch;
using DigitOcr.Torch.Modules;
using Microsoft.ML.OnnxRuntime;

namespace DigitOcr.Tests.Onnx;

/// <summary>An exported model, run by ONNX Runtime, computes what the libtorch model computes.</summary>
public class DetectorOnnxExporterTests
{
    private static readonly ModelConfig Tiny = new() { Name = "tiny", Model = new ModelOptions { Widths = [8, 16, 32, 64] } };

    [Theory]
    [InlineData(2, 96, 160)]
    [InlineData(1, 70, 90)] // not a multiple of 32: odd feature sizes, uneven upsampling
    [InlineData(1, 69, 91)] // odd sizes: the space-to-depth stem pads one more row and column
    public void ExportedRandomTinyModel_InOnnxRuntime_MatchesLibtorchWithin1e4(int batch, int height, int width)
    {
        using var scope = torch.NewDisposeScope();
        using var model = RandomTinyModel(seed: 5);
        using var input = torch.randn([batch, 1, height, width]);
        SsdOutput expected;
        using (torch.inference_mode())
        {
            expected = model.forward(input);
        }

        using var session = new InferenceSession(DetectorOnnxExporter.Export(model, Tiny));
        using var image = OrtValue.CreateTensorValueFromMemory(input.data<float>(), input.shape);
        using var outputs = session.Run(new RunOptions(), [DetectorOnnxExporter.InputName], [image],
            [DetectorOnnxExporter.LocName, DetectorOnnxExporter.ConfName, DetectorOnnxExporter.FeatureSizesName]);

        AssertWithin(expected.Loc, outputs[0], 1e-4, "loc");
        AssertWithin(expected.Conf, outputs[1], 1e-4, "conf");
        var sizes = outputs[2].GetTensorDataAsSpan<long>().ToArray();
        Assert.Equal(expected.FeatureSizes.SelectMany(s => new long[] { s.Height, s.Width }), sizes);
        Assert.Equal(new long[] { 4, 2 }, outputs[2].GetTensorTypeAndShape().Shape);
        expected.Dispose();
    }

    [Fact]
    public void ExportedFoldedModel_OneSessionAtSeveralInputSizes_MatchesLibtorchAndTheUnfoldedModelWithin1e4()
    {
        using var scope = torch.NewDisposeScope();
        using var model = RandomTinyModel(seed: 7);
        using var first = torch.randn([1, 1, 96, 128]);
        using var unfoldedSession = new InferenceSession(DetectorOnnxExporter.Export(model, Tiny));
        using var unfolded = Run(unfoldedSession, first);
        Assert.True(BatchNormFolding.Fold(model) > 0);
        var folded = DetectorOnnxExporter.Export(model, Tiny);

        // The detector's passes and tiles feed one session inputs of many sizes: height and width are dynamic.
        using var session = new InferenceSession(folded);
        foreach (var input in new[] { first, torch.randn([1, 1, 64, 64]), torch.randn([2, 1, 160, 96]) })
        {
            SsdOutput expected;
            using (torch.inference_mode())
            {
                expected = model.forward(input);
            }

            using var outputs = Run(session, input);
            var size = string.Join("x", input.shape);
            AssertWithin(expected.Loc, outputs[0], 1e-4, $"loc, folded, {size}");
            AssertWithin(expected.Conf, outputs[1], 1e-4, $"conf, folded, {size}");
            expected.Dispose();
        }

        // The folded graph computes what the unfolded one did, with the batch norms in the convolutions' weights and biases.
        using var foldedFirst = Run(session, first);
        using var unfoldedConf = torch.tensor(unfolded[1].GetTensorDataAsSpan<float>(), unfolded[1].GetTensorTypeAndShape().Shape);
        AssertWithin(unfoldedConf, foldedFirst[1], 1e-4, "conf, folded against unfolded");
        using var fresh = RandomTinyModel(seed: 7);
        Assert.Contains(".bn1.running_mean", System.Text.Encoding.UTF8.GetString(DetectorOnnxExporter.Export(fresh, Tiny)));
        Assert.DoesNotContain(".bn1.running_mean", System.Text.Encoding.UTF8.GetString(folded));
    }

    [Fact]
    public void Metadata_CarriesTheConfig_AndInitializersKeepStateDictNames()
    {
        using var model = RandomTinyModel(seed: 6);
        using var session = new InferenceSession(DetectorOnnxExporter.Export(model, Tiny));
        var json = session.ModelMetadata.CustomMetadataMap[DetectorOnnxExporter.ConfigMetadataKey];
        var config = ModelConfig.FromJson(json, "onnx metadata");
        Assert.Equal(Tiny.Model.Widths, config.Model.Widths);
        Assert.Equal("tiny", config.Name);
        Assert.Equal([DetectorOnnxExporter.InputName], session.InputMetadata.Keys);
        Assert.Equal(new[] { -1, 1, -1, -1 }, session.InputMetadata[DetectorOnnxExporter.InputName].Dimensions);
    }

    [Fact]
    public void UnknownBackbone_IsRefusedNamingIt()
    {
        using var model = new SsdDetector(Tiny.Model, new OtherBackbone());
        var e = Assert.Throws<NotSupportedException>(() => DetectorOnnxExporter.Export(model, Tiny));
        Assert.Contains("OtherBackbone", e.Message);
    }

    /// <summary>Random weights and batch-norm statistics far from their defaults, so a misplaced BN input shows.</summary>
    private static SsdDetector RandomTinyModel(int seed)
    {
        torch.manual_seed(seed);
        var model = new SsdDetector(Tiny.Model);
        model.InitializeWeights();
        RandomBatchNorms.Apply(model);
        using (torch.no_grad())
        {
            foreach (var bias in model.named_modules().Select(m => m.Module).OfType<Conv2d>().Select(c => c.bias).OfType<Tensor>())
            {
                bias.normal_(0, 0.2);
            }
        }

        model.eval();
        return model;
    }

    private static IDisposableReadOnlyCollection<OrtValue> Run(InferenceSession session, Tensor input)
    {
        using var image = OrtValue.CreateTensorValueFromMemory(input.data<float>(), input.shape);
        return session.Run(new RunOptions(), [DetectorOnnxExporter.InputName], [image], [DetectorOnnxExporter.LocName, DetectorOnnxExporter.ConfName]);
    }

    private static void AssertWithin(Tensor expected, OrtValue actual, double tolerance, string what)
    {
        Assert.Equal(expected.shape, actual.GetTensorTypeAndShape().Shape);
        var e = expected.data<float>();
        var a = actual.GetTensorDataAsSpan<float>().ToArray();
        var worst = e.Zip(a, (x, y) => Math.Abs(x - y)).Max();
        var scale = e.Max(Math.Abs);
        Assert.True(worst < tolerance, $"{what}: max |libtorch - onnxruntime| = {worst:E3} (values up to {scale:E2}), over {tolerance:E0}");
    }

    /// <summary>A backbone the exporter does not know (never run).</summary>
    private sealed class OtherBackbone : Backbone
    {
        public override IReadOnlyList<int> OutChannels => [8, 16, 32, 64];

        public override IReadOnlyList<Tensor> forward(Tensor input) => throw new NotSupportedException();
    }
}
