using System.Runtime.InteropServices;
using DigitOcr.Torch.Native;

namespace DigitOcr.Imaging;

/// <summary>
/// Owns one native image (a <c>cv::Mat*</c> of the shim). A SafeHandle cannot be released while a native call is
/// using it, and its critical finalizer frees an image nobody disposed.
/// </summary>
internal sealed class ImageHandle : SafeHandle
{
    public ImageHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public ImageHandle(IntPtr handle)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.dgo_image_free(handle);
        return true;
    }
}
