using DigitOcr.Boxes;
using DigitOcr.Torch;

namespace DigitOcr.Tests.Boxes;

public class BoxCoderTests
{
    private readonly BoxCoder coder = new(0.1, 0.2);

    [Fact]
    public void EncodeThenDecode_ReturnsOriginalBoxes()
    {
        using var scope = torch.NewDisposeScope();
        var boxes = torch.tensor(new[] { 0.1f, 0.2f, 0.3f, 0.5f, 0.4f, 0.4f, 0.9f, 0.6f, 0f, 0f, 1f, 1f }, [3, 4]);
        var priors = torch.tensor(new[] { 0.2f, 0.3f, 0.1f, 0.2f, 0.7f, 0.5f, 0.3f, 0.3f, 0.5f, 0.5f, 0.8f, 0.9f }, [3, 4]);
        var decoded = coder.Decode(coder.Encode(boxes, priors), priors);
        Support.TensorAssert.Close(boxes, decoded, 1e-5);
    }

    [Fact]
    public void Encode_MatchesHandComputedOffsets()
    {
        using var scope = torch.NewDisposeScope();
        // Box centre (0.25, 0.5), size (0.1, 0.2); prior centre (0.2, 0.4), size (0.2, 0.4).
        var offsets = coder.Encode(torch.tensor(new[] { 0.2f, 0.4f, 0.3f, 0.6f }, [1, 4]), torch.tensor(new[] { 0.2f, 0.4f, 0.2f, 0.4f }, [1, 4])).data<float>();
        Assert.Equal(0.05 / (0.1 * 0.2), offsets[0], 1e-4);
        Assert.Equal(0.1 / (0.1 * 0.4), offsets[1], 1e-4);
        Assert.Equal(Math.Log(0.5) / 0.2, offsets[2], 1e-4);
        Assert.Equal(Math.Log(0.5) / 0.2, offsets[3], 1e-4);
    }

    [Fact]
    public void TensorCoder_AgreesWithPlainBoxMath()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(9);
        var priors = torch.rand([50, 4]) * 0.5 + 0.1;
        var offsets = torch.randn([50, 4]);
        var decoded = coder.Decode(offsets, priors).data<float>();
        var p = priors.data<float>();
        var o = offsets.data<float>();
        for (var i = 0; i < 50; i++)
        {
            var box = BoxMath.Decode(o.AsSpan(4 * i, 4), p.AsSpan(4 * i, 4), 0.1, 0.2);
            Assert.Equal(box.X1, decoded[4 * i], 1e-5);
            Assert.Equal(box.Y2, decoded[(4 * i) + 3], 1e-5);
            var (dx, dy, dw, dh) = BoxMath.Encode(box, p.AsSpan(4 * i, 4), 0.1, 0.2);
            Assert.Equal(o[4 * i], dx, 1e-3);
            Assert.Equal(o[(4 * i) + 3], dh, 1e-3);
        }
    }

    [Fact]
    public void TensorIoU_AgreesWithPlainBoxMath()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(4);
        var a = BoxOps.PointForm(torch.rand([7, 4]));
        var b = BoxOps.PointForm(torch.rand([9, 4]));
        var expected = BoxMath.IoU(a.data<float>(), b.data<float>());
        var actual = BoxOps.IoU(a, b).data<float>();
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-5);
        }
    }

    [Fact]
    public void IoU_OfHandPlacedBoxes()
    {
        var a = new Box(0, 0, 2, 2);
        Assert.Equal(1f / 7, a.IoU(new Box(1, 1, 3, 3)), 1e-6);
        Assert.Equal(0f, a.IoU(new Box(2, 0, 4, 2)));
        Assert.Equal(1f, a.IoU(a));
    }
}
