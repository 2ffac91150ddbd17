using DigitOcr.Tests.Support;
using DigitOcr.Torch;
using F = DigitOcr.Torch.torch.nn.functional;

namespace DigitOcr.Tests.Torch;

/// <summary>Each op the detector needs against PyTorch's outputs and gradients (golden/make_golden.py).</summary>
public class OpsGoldenTests
{
    private static Tensor Leaf(string name) => Golden.Op(name).clone().requires_grad_();

    [Fact]
    public void Conv2d_MatchesPyTorch_OutputAndGradients()
    {
        using var scope = torch.NewDisposeScope();
        var x = Leaf("conv2d.input");
        var w = Leaf("conv2d.weight");
        var b = Leaf("conv2d.bias");
        var y = F.conv2d(x, w, b, stride: (2, 2), padding: (1, 1));
        y.backward(Golden.Op("conv2d.grad_output"));
        TensorAssert.Close(Golden.Op("conv2d.output"), y, what: "output");
        TensorAssert.Close(Golden.Op("conv2d.grad_input"), x.grad!, what: "grad input");
        TensorAssert.Close(Golden.Op("conv2d.grad_weight"), w.grad!, what: "grad weight");
        TensorAssert.Close(Golden.Op("conv2d.grad_bias"), b.grad!, what: "grad bias");
    }

    [Theory]
    [InlineData("train")]
    [InlineData("eval")]
    public void BatchNorm_MatchesPyTorch_IncludingRunningStatistics(string mode)
    {
        using var scope = torch.NewDisposeScope();
        var p = $"batch_norm_{mode}.";
        var x = Leaf(p + "input");
        var w = Leaf(p + "weight");
        var b = Leaf(p + "bias");
        var runningMean = Golden.Op(p + "running_mean").clone();
        var runningVar = Golden.Op(p + "running_var").clone();
        var y = F.batch_norm(x, runningMean, runningVar, w, b, training: mode == "train", momentum: 0.1, eps: 1e-5);
        y.backward(Golden.Op(p + "grad_output"));
        TensorAssert.Close(Golden.Op(p + "output"), y, what: "output");
        TensorAssert.Close(Golden.Op(p + "running_mean_after"), runningMean, what: "running mean");
        TensorAssert.Close(Golden.Op(p + "running_var_after"), runningVar, what: "running var");
        TensorAssert.Close(Golden.Op(p + "grad_input"), x.grad!, what: "grad input");
        TensorAssert.Close(Golden.Op(p + "grad_weight"), w.grad!, what: "grad weight");
        TensorAssert.Close(Golden.Op(p + "grad_bias"), b.grad!, what: "grad bias");
    }

    [Fact]
    public void MaxPool2d_MatchesPyTorch_OutputAndGradient()
    {
        using var scope = torch.NewDisposeScope();
        var x = Leaf("max_pool2d.input");
        var y = F.max_pool2d(x, (3, 3), (2, 2), (1, 1));
        y.backward(Golden.Op("max_pool2d.grad_output"));
        TensorAssert.Close(Golden.Op("max_pool2d.output"), y);
        TensorAssert.Close(Golden.Op("max_pool2d.grad_input"), x.grad!);
    }

    [Fact]
    public void BilinearInterpolateAlignCorners_MatchesPyTorch_OutputAndGradient()
    {
        using var scope = torch.NewDisposeScope();
        var x = Leaf("interpolate.input");
        var y = F.interpolate_bilinear(x, (7, 9), align_corners: true);
        y.backward(Golden.Op("interpolate.grad_output"));
        TensorAssert.Close(Golden.Op("interpolate.output"), y);
        TensorAssert.Close(Golden.Op("interpolate.grad_input"), x.grad!);
    }

    [Fact]
    public void Logsumexp_MatchesPyTorch_OutputAndGradient()
    {
        using var scope = torch.NewDisposeScope();
        var x = Leaf("logsumexp.input");
        var y = x.logsumexp(1);
        y.backward(Golden.Op("logsumexp.grad_output"));
        TensorAssert.Close(Golden.Op("logsumexp.output"), y);
        TensorAssert.Close(Golden.Op("logsumexp.grad_input"), x.grad!);
    }

    [Fact]
    public void Gather_MatchesPyTorch_OutputAndGradient()
    {
        using var scope = torch.NewDisposeScope();
        var x = Leaf("gather.input");
        var y = x.gather(1, Golden.Op("gather.index"));
        y.backward(Golden.Op("gather.grad_output"));
        TensorAssert.Close(Golden.Op("gather.output"), y);
        TensorAssert.Close(Golden.Op("gather.grad_input"), x.grad!);
    }

    [Fact]
    public void SmoothL1Sum_MatchesPyTorch_OutputAndGradient()
    {
        using var scope = torch.NewDisposeScope();
        var x = Leaf("smooth_l1.input");
        var y = F.smooth_l1_loss(x, Golden.Op("smooth_l1.target"), Reduction.Sum);
        y.backward();
        TensorAssert.Close(Golden.Op("smooth_l1.output"), y);
        TensorAssert.Close(Golden.Op("smooth_l1.grad_input"), x.grad!);
    }

    [Fact]
    public void CrossEntropy_MatchesPyTorch_SummedPerElementAndGradient()
    {
        using var scope = torch.NewDisposeScope();
        var x = Leaf("cross_entropy.input");
        var target = Golden.Op("cross_entropy.target");
        var y = F.cross_entropy(x, target, reduction: Reduction.Sum);
        y.backward();
        TensorAssert.Close(Golden.Op("cross_entropy.output"), y);
        TensorAssert.Close(Golden.Op("cross_entropy.grad_input"), x.grad!);
        TensorAssert.Close(Golden.Op("cross_entropy.output_none"), F.cross_entropy(x.detach(), target, reduction: Reduction.None));
    }
}
