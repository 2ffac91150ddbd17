using DigitOcr.Onnx;
using DigitOcr.Torch;
using DigitOcr.Torch.Modules;
using Microsoft.ML.OnnxRuntime;

namespace DigitOcr.Tests.Onnx;

/// <summary>The stem written over a space-to-depth input computes the stride-2 convolution it replaces.</summary>
public class SpaceToDepthStemTests
{
    [Theory]
    [InlineData(1, 16, 16)]
    [InlineData(1, 15, 17)] // odd sizes: one more row and column of padding after the input
    [InlineData(2, 9, 12)]
    [InlineData(3, 10, 11)] // three input channels: SpaceToDepth's channel order
    public void FoldedStem_InOnnxRuntime_EqualsTheStrideTwoConvolutionWithin1e5(int channels, int height, int width)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(11);
        using var conv = new Conv2d(channels, 8, 7, stride: 2, padding: 3, bias: true);
        using var input = torch.randn([2, channels, height, width]);
        Tensor expected;
        using (torch.inference_mode())
        {
            expected = conv.forward(input);
        }

        var graph = new OnnxGraph("stem");
        var x = graph.Input("image", OnnxDataType.Float, "batch", channels, "height", "width");
        using var folded = SpaceToDepthStem.Fold(conv);
        var output = new OnnxLayers(graph).Conv(folded, SpaceToDepthStem.Input(graph, conv, x, "stem"), "stem");
        graph.Output(output, OnnxDataType.Float, "batch", 8, "h", "w");
        using var session = new InferenceSession(graph.ToModel(17, "test", new Dictionary<string, string>()));
        using var value = OrtValue.CreateTensorValueFromMemory(input.data<float>(), input.shape);
        using var results = session.Run(new RunOptions(), ["image"], [value], [output]);

        Assert.True(SpaceToDepthStem.Applies(conv));
        Assert.Equal([8L, 4L * channels, 4L, 4L], folded.weight.shape);
        Assert.Equal(expected.shape, results[0].GetTensorTypeAndShape().Shape);
        var worst = expected.data<float>().Zip(results[0].GetTensorDataAsSpan<float>().ToArray(), (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst < 1e-5, $"max |convolution - folded stem| = {worst:E3}");
    }

    [Fact]
    public void Applies_OnlyToStrideTwoUngroupedConvolutions()
    {
        using var strideOne = new Conv2d(1, 8, 3, stride: 1, padding: 1);
        using var dilated = new Conv2d(1, 8, 3, stride: 2, padding: 2, dilation: 2);

        Assert.False(SpaceToDepthStem.Applies(strideOne));
        Assert.False(SpaceToDepthStem.Applies(dilated));
    }
}
