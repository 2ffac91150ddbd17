using System.Runtime.InteropServices;
using DigitOcr.Torch.Native;

namespace DigitOcr.Torch.Distributed;

/// <summary>
/// Owns one native process group (its TCPStore connection and its gloo context). A SafeHandle is not released while
/// a native call is using it; its critical finalizer releases a group nobody disposed.
/// </summary>
internal sealed class ProcessGroupHandle : SafeHandle
{
    public ProcessGroupHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public ProcessGroupHandle(IntPtr handle)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.dgo_dist_free(handle);
        return true;
    }
}
