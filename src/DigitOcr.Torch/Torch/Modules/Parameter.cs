using DigitOcr.Torch.Native;

namespace DigitOcr.Torch.Modules;

/// <summary>
/// A trainable tensor owned by a <see cref="Module"/>: a leaf that requires grad and belongs to no dispose scope
/// (its module disposes it). Moving the module to a device swaps the native tensor inside this same object, so
/// optimizers that hold it stay valid.
/// </summary>
public sealed class Parameter : Tensor
{
    /// <summary>A parameter sharing <paramref name="data"/>'s storage; the caller still owns <paramref name="data"/>.</summary>
    public Parameter(Tensor data, bool requiresGrad = true)
        : base(NativeMethods.dgo_detach(data.Handle))
    {
        DetachFromDisposeScope();
        requires_grad = requiresGrad;
    }
}
