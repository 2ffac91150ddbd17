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

    /// <summary>
    /// Ops with one differentiable input, by their name in ops.pt: each is checked the same way, output and the
    /// gradient it passes back. Scalar losses are differentiated as they are; other outputs against PyTorch's recorded
    /// upstream gradient (<c>grad_output</c>).
    /// </summary>
    private static readonly Dictionary<string, (Func<Tensor, Tensor> Forward, bool ScalarLoss)> SingleInputOps = new()
    {
        ["max_pool2d"] = (x => F.max_pool2d(x, (3, 3), (2, 2), (1, 1)), false),
        ["interpolate"] = (x => F.interpolate_bilinear(x, (7, 9), align_corners: true), false),
        ["logsumexp"] = (x => x.logsumexp(1), false),
        ["gather"] = (x => x.gather(1, Golden.Op("gather.index")), false),
        ["smooth_l1"] = (x => F.smooth_l1_loss(x, Golden.Op("smooth_l1.target"), Reduction.Sum), true),
    };

    public static TheoryData<string> SingleInputOpNames => new(SingleInputOps.Keys);

    [Theory]
    [MemberData(nameof(SingleInputOpNames))]
    public void SingleInputOp_MatchesPyTorch_OutputAndGradient(string op)
    {
        using var scope = torch.NewDisposeScope();
        var (forward, scalarLoss) = SingleInputOps[op];
        var x = Leaf(op + ".input");
        var y = forward(x);
        if (scalarLoss)
        {
            y.backward();
        }
        else
        {
            y.backward(Golden.Op(op + ".grad_output"));
        }

        TensorAssert.Close(Golden.Op(op + ".output"), y, what: "output");
        TensorAssert.Close(Golden.Op(op + ".grad_input"), x.grad!, what: "grad input");
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
