using DigitOcr.Torch.Modules;

namespace DigitOcr.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class utils
        {
            /// <summary>Folding layers into one another for inference, as <c>torch.nn.utils.fusion</c>.</summary>
            public static class fusion
            {
                /// <summary>
                /// Folds the eval-mode batch norm <paramref name="norm"/> that directly follows <paramref name="conv"/>
                /// into the convolution's weight and bias, in place, as PyTorch's <c>fuse_conv_bn_eval</c> computes
                /// them: with <c>s = gamma / sqrt(running_var + eps)</c> per output channel, <c>w' = w * s</c> and
                /// <c>b' = (b - running_mean) * s + beta</c> (b = 0 without a bias; the convolution gets one). The
                /// batch norm becomes an identity (<see cref="BatchNorm2d.IsFolded"/>). One pass over the feature map
                /// and one temporary fewer per pair at inference; the folded model cannot train.
                /// </summary>
                public static void fuse_conv_bn_eval_(Conv2d conv, BatchNorm2d norm)
                {
                    ArgumentNullException.ThrowIfNull(conv);
                    ArgumentNullException.ThrowIfNull(norm);
                    if (conv.training || norm.training)
                    {
                        throw new InvalidOperationException("batch norm is folded for inference only: call eval() first");
                    }

                    if (norm.IsFolded)
                    {
                        throw new InvalidOperationException("this batch norm is already folded into a convolution");
                    }

                    if (norm.NumFeatures != conv.OutChannels)
                    {
                        throw new ArgumentException($"a batch norm of {norm.NumFeatures} channels cannot follow a convolution to {conv.OutChannels}", nameof(norm));
                    }

                    using var scope = NewDisposeScope();
                    using var noGrad = no_grad();
                    var scale = norm.weight / (norm.running_var + norm.Eps).sqrt();
                    var shift = conv.bias is { } bias ? bias - norm.running_mean : -norm.running_mean;
                    conv.set_bias(shift * scale + norm.bias);
                    conv.weight.mul_(scale.view(-1, 1, 1, 1));
                    norm.MarkFolded();
                }
            }
        }
    }
}
