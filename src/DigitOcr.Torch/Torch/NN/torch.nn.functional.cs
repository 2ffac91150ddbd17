using static DigitOcr.Torch.Native.NativeMethods;
using DigitOcr.Torch.Native;

namespace DigitOcr.Torch;

/// <summary>How a loss reduces over elements, numbered as at::Reduction.</summary>
public enum Reduction
{
    None = 0,
    Mean = 1,
    Sum = 2,
}

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Stateless layers, as <c>torch.nn.functional</c>. Tensors are NCHW.</summary>
        public static class functional
        {
            public static unsafe Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null,
                (long H, long W)? stride = null, (long H, long W)? padding = null, (long H, long W)? dilation = null, long groups = 1)
            {
                var s = stride ?? (1, 1);
                var p = padding ?? (0, 0);
                var d = dilation ?? (1, 1);
                long* sa = stackalloc long[] { s.H, s.W };
                long* pa = stackalloc long[] { p.H, p.W };
                long* da = stackalloc long[] { d.H, d.W };
                return Tensor.Wrap(dgo_conv2d(input.Handle, weight.Handle, bias?.Handle ?? TensorHandle.Null, sa, pa, da, groups));
            }

            /// <summary>Batch norm; when <paramref name="training"/>, the running statistics are updated in place.</summary>
            public static Tensor batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight = null,
                Tensor? bias = null, bool training = false, double momentum = 0.1, double eps = 1e-5) =>
                Tensor.Wrap(dgo_batch_norm(input.Handle, weight?.Handle ?? TensorHandle.Null, bias?.Handle ?? TensorHandle.Null,
                    running_mean?.Handle ?? TensorHandle.Null, running_var?.Handle ?? TensorHandle.Null, training ? 1 : 0, momentum, eps));

            public static Tensor relu(Tensor input) => Tensor.Wrap(dgo_relu(input.Handle));

            public static unsafe Tensor max_pool2d(Tensor input, (long H, long W) kernel_size, (long H, long W)? stride = null,
                (long H, long W)? padding = null, (long H, long W)? dilation = null, bool ceil_mode = false)
            {
                var s = stride ?? kernel_size;
                var p = padding ?? (0, 0);
                var d = dilation ?? (1, 1);
                long* ka = stackalloc long[] { kernel_size.H, kernel_size.W };
                long* sa = stackalloc long[] { s.H, s.W };
                long* pa = stackalloc long[] { p.H, p.W };
                long* da = stackalloc long[] { d.H, d.W };
                return Tensor.Wrap(dgo_max_pool2d(input.Handle, ka, sa, pa, da, ceil_mode ? 1 : 0));
            }

            /// <summary><c>F.interpolate(input, size=(h, w), mode="bilinear", align_corners=...)</c>.</summary>
            public static Tensor interpolate_bilinear(Tensor input, (long H, long W) size, bool align_corners) =>
                Tensor.Wrap(dgo_upsample_bilinear2d(input.Handle, size.H, size.W, align_corners ? 1 : 0));

            public static Tensor softmax(Tensor input, long dim) => Tensor.Wrap(dgo_softmax(input.Handle, dim));

            public static Tensor log_softmax(Tensor input, long dim) => Tensor.Wrap(dgo_log_softmax(input.Handle, dim));

            public static Tensor smooth_l1_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, double beta = 1.0) =>
                Tensor.Wrap(dgo_smooth_l1_loss(input.Handle, target.Handle, (long)reduction, beta));

            /// <summary>Cross entropy of logits <c>[N, C]</c> against class indices <c>[N]</c> (int64).</summary>
            public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean,
                long ignore_index = -100, double label_smoothing = 0.0) =>
                Tensor.Wrap(dgo_cross_entropy(input.Handle, target.Handle, weight?.Handle ?? TensorHandle.Null, (long)reduction, ignore_index, label_smoothing));
        }
    }
}
