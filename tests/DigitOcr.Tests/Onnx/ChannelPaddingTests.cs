using DigitOcr.Onnx;
using DigitOcr.Torch;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Tests.Onnx;

/// <summary>Zero channels added to a convolution change nothing it computes.</summary>
public class ChannelPaddingTests
{
    [Theory]
    [InlineData(28, 32)]
    [InlineData(16, 16)]
    [InlineData(7, 16)]
    [InlineData(112, 112)]
    public void Round_GoesUpToAMultipleOf16(long channels, long expected) => Assert.Equal(expected, ChannelPadding.Round(channels));

    [Fact]
    public void PaddedConvolution_OnZeroPaddedInput_GivesTheSameChannelsThenZeros()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(3);
        using var conv = new Conv2d(7, 5, 3, stride: 2, padding: 1, bias: true);
        var input = torch.randn([1, 7, 9, 10]);
        var paddedInput = torch.cat([input, torch.zeros([1, 9, 9, 10])], 1);

        using var padded = ChannelPadding.Pad(conv, inChannels: 16, outChannels: 16);
        Tensor expected, actual;
        using (torch.inference_mode())
        {
            expected = conv.forward(input);
            actual = padded.forward(paddedInput);
        }

        Assert.Equal([16L, 16L, 3L, 3L], padded.weight.shape);
        var head = actual.narrow(1, 0, 5).data<float>();
        var worst = expected.data<float>().Zip(head, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst < 1e-5, $"max |convolution - padded convolution| = {worst:E3} (summation order only)");
        Assert.All(actual.narrow(1, 5, 11).data<float>(), v => Assert.Equal(0f, v));
    }
}
