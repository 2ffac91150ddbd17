using DigitOcr.Tests.Support;
using DigitOcr.Torch;
using DigitOcr.Training;
using F = DigitOcr.Torch.torch.nn.functional;

namespace DigitOcr.Tests.Torch;

public class AutocastTests
{
    [Fact]
    public void Convolution_InsideAnAutocastRegion_RunsInBFloat16_AndInFloat32Again_AfterIt()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(3);
        var input = torch.randn([2, 3, 8, 8]);
        var weight = torch.randn([4, 3, 3, 3]);
        var exact = F.conv2d(input, weight, padding: (1, 1));

        Tensor mixed;
        using (torch.autocast(DeviceType.CPU))
        {
            mixed = F.conv2d(input, weight, padding: (1, 1));
        }

        var after = F.conv2d(input, weight, padding: (1, 1));
        Assert.Equal(ScalarType.BFloat16, mixed.dtype);
        Assert.Equal(ScalarType.Float32, after.dtype);

        // bfloat16 keeps 8 significant bits (relative error 0.4 % per value); the sums stay within a few percent.
        TensorAssert.Close(exact, mixed.to(ScalarType.Float32), 0.03, "conv2d under autocast");
    }

    [Fact]
    public void LeavingTheRegion_DropsCastWeights_SoAnUpdatedParameterIsSeenByTheNextRegion()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(4);
        var input = torch.randn([1, 2, 6, 6]);
        var weight = torch.randn([2, 2, 3, 3]).requires_grad_();
        Tensor before;
        using (torch.autocast(DeviceType.CPU))
        {
            before = F.conv2d(input, weight);
        }

        using (torch.no_grad())
        {
            weight.add_(1.0);
        }

        Tensor updated;
        using (torch.autocast(DeviceType.CPU))
        {
            updated = F.conv2d(input, weight);
        }

        var expected = F.conv2d(input, weight.detach());
        TensorAssert.Close(expected, updated.to(ScalarType.Float32), 0.03, "the region after the update");
        var shift = before.to(ScalarType.Float32).data<float>().Zip(updated.to(ScalarType.Float32).data<float>(), (a, b) => Math.Abs(a - b)).Max();
        Assert.True(shift > 1, $"the second region reused the stale cast weight (largest change {shift})");
    }

    [Fact]
    public void Autocast_RejectsATypeItCannotComputeIn() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => torch.autocast(DeviceType.CPU, ScalarType.Int64));

    [Theory]
    [InlineData(TrainingPrecision.Float32, DeviceType.CPU, null)]
    [InlineData(TrainingPrecision.BFloat16, DeviceType.CPU, ScalarType.BFloat16)]
    [InlineData(TrainingPrecision.BFloat16, DeviceType.CUDA, ScalarType.BFloat16)]
    [InlineData(TrainingPrecision.Auto, DeviceType.CUDA, null)]
    public void Precision_ResolvesToTheAutocastTypeOfTheForwardPass(TrainingPrecision precision, DeviceType device, ScalarType? expected) =>
        Assert.Equal(expected, TrainingPrecisions.AutocastType(precision, device));

    [Fact]
    public void AutoPrecision_OnTheCpu_FollowsNativeBFloat16Support() =>
        Assert.Equal(torch.cpu.is_bf16_supported() ? ScalarType.BFloat16 : null, TrainingPrecisions.AutocastType(TrainingPrecision.Auto, DeviceType.CPU));
}
