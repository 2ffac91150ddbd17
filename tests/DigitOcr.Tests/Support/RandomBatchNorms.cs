using DigitOcr.Torch;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Tests.Support;

/// <summary>Batch-norm weights and statistics far from their defaults, so that a misplaced or skipped batch norm shows.</summary>
public static class RandomBatchNorms
{
    /// <summary>Randomises every <see cref="BatchNorm2d"/> of <paramref name="model"/> (from torch's current seed); returns how many.</summary>
    public static int Apply(Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var noGrad = torch.no_grad();
        var norms = model.named_modules().Select(m => m.Module).OfType<BatchNorm2d>().ToList();
        foreach (var norm in norms)
        {
            norm.weight.uniform_(0.5, 1.5);
            norm.bias.normal_(0, 0.2);
            norm.running_mean.normal_(0, 0.2);
            norm.running_var.uniform_(0.5, 2);
        }

        return norms.Count;
    }
}
