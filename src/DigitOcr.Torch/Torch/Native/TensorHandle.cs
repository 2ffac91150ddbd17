using System.Runtime.InteropServices;

namespace DigitOcr.Torch.Native;

/// <summary>
/// Owns one native <c>at::Tensor*</c>. A SafeHandle cannot be released while a native call is using it, and its
/// critical finalizer frees a tensor nobody disposed.
/// </summary>
internal sealed class TensorHandle : SafeHandle
{
    /// <summary>Passed where an optional tensor argument is absent (the shim reads it as null).</summary>
    internal static readonly TensorHandle Null = new();

    public TensorHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public TensorHandle(IntPtr handle)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.dgo_tensor_free(handle);
        return true;
    }
}
