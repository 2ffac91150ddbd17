using System.Runtime.InteropServices;
using DigitOcr.Torch.Native;

namespace DigitOcr.Imaging;

/// <summary>
/// Owns one native video capture (a <c>cv::VideoCapture*</c> of the shim). A SafeHandle is not released while a
/// native call is using it, so disposing a capture from one thread while another is blocked in a read releases it
/// only when that read returns; its critical finalizer releases a capture nobody disposed.
/// </summary>
internal sealed class VideoCaptureHandle : SafeHandle
{
    public VideoCaptureHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public VideoCaptureHandle(IntPtr handle)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.dgo_video_release(handle);
        return true;
    }
}
