using DigitOcr.Torch;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Model;

/// <summary>
/// Folds every batch norm of a detector or recognizer into the convolution it follows, for inference
/// (<c>torch.nn.utils.fusion.fuse_conv_bn_eval_</c> on each pair): the same outputs up to float rounding, with one
/// pass over each feature map and one temporary fewer per pair. The pairs are read from the blocks that hold them
/// (the ResNet stem, <see cref="BasicBlock"/>, <see cref="Bottleneck"/>) and from any <see cref="Sequential"/> in which a
/// batch norm directly follows a convolution; a block of a new kind lists its pairs here, or its batch norms simply
/// stay unfolded. The model is put in evaluation mode and cannot train afterwards.
/// </summary>
public static class BatchNormFolding
{
    /// <summary>Folds the pairs of <paramref name="model"/> in place; returns how many were folded.</summary>
    public static int Fold(Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.eval();
        var pairs = model.named_modules().SelectMany(m => PairsIn(m.Module)).ToList();
        foreach (var (conv, norm) in pairs)
        {
            torch.nn.utils.fusion.fuse_conv_bn_eval_(conv, norm);
        }

        return pairs.Count;
    }

    /// <summary>The (convolution, batch norm) pairs a module's own forward runs back to back, not its children's.</summary>
    private static IEnumerable<(Conv2d Conv, BatchNorm2d Norm)> PairsIn(Module module) => module switch
    {
        ResNet18Backbone stem => [(stem.conv1, stem.bn1)],
        BasicBlock block => [(block.conv1, block.bn1), (block.conv2, block.bn2)],
        Bottleneck block => [(block.conv1, block.bn1), (block.conv2, block.bn2), (block.conv3, block.bn3)],
        Sequential sequence => Enumerable.Range(0, Math.Max(0, sequence.Count - 1))
            .Where(i => sequence[i] is Conv2d && sequence[i + 1] is BatchNorm2d)
            .Select(i => ((Conv2d)sequence[i], (BatchNorm2d)sequence[i + 1])),
        _ => [],
    };
}
