// The video-input exports of the shim (native/src/video.cpp). Capture inputs are VideoCaptureHandles so that a capture
// cannot be released while a read on another thread is using it; frames come back as raw image handles that
// DigitOcr.Imaging.Image takes over.
using System.Runtime.InteropServices;
using DigitOcr.Imaging;

namespace DigitOcr.Torch.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(NativeLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr dgo_video_open(string source, int camera);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_video_read(VideoCaptureHandle video, IntPtr* frame);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_video_info(VideoCaptureHandle video, double* fps, long* frameCount, int* width, int* height);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_video_backend(VideoCaptureHandle video, byte* name, int capacity);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial void dgo_video_release(IntPtr video);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial long dgo_live_videos();
}
