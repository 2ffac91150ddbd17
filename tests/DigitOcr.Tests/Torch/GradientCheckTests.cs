using DigitOcr.Torch;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Tests.Torch;

/// <summary>Autograd through conv + batch norm + relu agrees with central finite differences in float64.</summary>
public class GradientCheckTests
{
    private const double Step = 1e-6;

    [Fact]
    public void ConvBatchNormRelu_AutogradMatchesFiniteDifferences()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(3);
        using var net = new Sequential(new Conv2d(2, 3, 3, padding: 1), new BatchNorm2d(3), new ReLU(), new Conv2d(3, 2, 1));
        net.to(ScalarType.Float64);
        var input = torch.randn([2, 2, 5, 5], ScalarType.Float64).requires_grad_();
        var upstream = torch.randn([2, 2, 5, 5], ScalarType.Float64);

        Tensor Loss() => (net.forward(input) * upstream).sum();

        Loss().backward();
        var leaves = new List<(string Name, Tensor Tensor)> { ("input", input) };
        leaves.AddRange(net.named_parameters().Select(p => (p.Name, (Tensor)p.Parameter)));
        foreach (var (name, leaf) in leaves)
        {
            var analytic = leaf.grad!.flatten().data<double>();
            var values = leaf.detach().flatten().data<double>();
            // Every element of small tensors; a stride through larger ones keeps the test fast.
            var stride = Math.Max(1, values.Length / 25);
            for (var i = 0; i < values.Length; i += stride)
            {
                var numeric = (Perturbed(leaf, values, i, +Step, Loss) - Perturbed(leaf, values, i, -Step, Loss)) / (2 * Step);
                var error = Math.Abs(numeric - analytic[i]) / Math.Max(1.0, Math.Abs(numeric));
                Assert.True(error < 1e-6, $"{name}[{i}]: autograd {analytic[i]:R} vs finite difference {numeric:R}");
            }
        }
    }

    private static double Perturbed(Tensor leaf, double[] values, int index, double delta, Func<Tensor> loss)
    {
        var changed = (double[])values.Clone();
        changed[index] += delta;
        using var noGrad = torch.no_grad();
        leaf.copy_from<double>(changed);
        var result = loss().item<double>();
        leaf.copy_from<double>(values);
        return result;
    }
}
