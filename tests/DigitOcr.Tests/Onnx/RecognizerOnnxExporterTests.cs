using DigitOcr.Config;
using DigitOcr.Model;
using DigitOcr.Onnx;
using DigitOcr.Tests.Support;
using DigitOcr.Torch;
using DigitOcr.Torch.Modules;
using Microsoft.ML.OnnxRuntime;

namespace DigitOcr.Tests.Onnx;

/// <summary>An exported recognizer, run by ONNX Runtime, computes what the libtorch recognizer computes.</summary>
public class RecognizerOnnxExporterTests
{
    [Theory]
    [InlineData(1, false)] // the first recognizers' shape: one conv in the last stage
    [InlineData(2, false)]
    [InlineData(2, true)] // folded, as the detector's second stage loads it
    public void ExportedRandomRecognizer_InOnnxRuntime_MatchesLibtorchWithin1e4(int lastStageConvs, bool folded)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(3);
        using var model = new DigitRecognizer(new RecognizerConfig { Widths = [8, 16, 24], LastStageConvs = lastStageConvs });
        model.InitializeWeights(3);
        RandomBatchNorms.Apply(model);
        using (torch.no_grad())
        {
            model.classifier.bias!.normal_(0, 0.2);
        }

        model.eval();
        if (folded)
        {
            Assert.True(BatchNormFolding.Fold(model) > 0);
        }

        using var crops = torch.randn([5, 1, 32, 32]);
        Tensor expected;
        using (torch.inference_mode())
        {
            expected = model.forward(crops);
        }

        using var session = new InferenceSession(RecognizerOnnxExporter.Export(model));
        using var input = OrtValue.CreateTensorValueFromMemory(crops.data<float>(), crops.shape);
        using var outputs = session.Run(new RunOptions(), [RecognizerOnnxExporter.InputName], [input], [RecognizerOnnxExporter.LogitsName]);

        Assert.Equal(new long[] { 5, RecognizerConfig.Classes }, outputs[0].GetTensorTypeAndShape().Shape);
        var e = expected.data<float>();
        var a = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        var worst = e.Zip(a, (x, y) => Math.Abs(x - y)).Max();
        Assert.True(worst < 1e-4, $"max |libtorch - onnxruntime| = {worst:E3} (logits up to {e.Max(Math.Abs):E2})");
        Assert.True(e.Max(Math.Abs) > 0.1, "the logits are all near zero: the comparison would prove nothing");
    }
}
