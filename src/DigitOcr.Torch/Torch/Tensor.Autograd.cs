using DigitOcr.Torch.Native;
using static DigitOcr.Torch.Native.NativeMethods;

namespace DigitOcr.Torch;

// Autograd: requires_grad, backward and gradients.
public partial class Tensor
{
    public bool requires_grad
    {
        get => dgo_tensor_requires_grad(Handle) == 1;
        set => NativeError.CheckStatus(dgo_set_requires_grad(Handle, value ? 1 : 0));
    }

    public Tensor requires_grad_(bool requiresGrad = true)
    {
        requires_grad = requiresGrad;
        return this;
    }

    /// <summary>The accumulated gradient as a new handle the caller owns, or null when there is none yet.</summary>
    public Tensor? grad
    {
        get
        {
            NativeError.CheckStatus(dgo_grad(Handle, out var g));
            return g == IntPtr.Zero ? null : Wrap(g);
        }
    }

    /// <summary>Back-propagates from this tensor (a scalar unless <paramref name="gradient"/> is given).</summary>
    public void backward(Tensor? gradient = null, bool retainGraph = false, bool createGraph = false) =>
        NativeError.CheckStatus(dgo_backward(Handle, gradient?.Handle ?? TensorHandle.Null, retainGraph ? 1 : 0, createGraph ? 1 : 0));
}
