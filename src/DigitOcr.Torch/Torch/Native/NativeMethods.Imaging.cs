// The imaging exports of the shim (native/src/imaging.cpp), one declaration per export. Image inputs are
// ImageHandles so that an image cannot be freed while a call uses it; results come back as raw handles that
// DigitOcr.Imaging.Image takes over. Encoded bytes come back as dgo_buffer handles (see dgo_buffer_data/size/free).
using System.Runtime.InteropServices;
using DigitOcr.Imaging;

namespace DigitOcr.Torch.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_image_decode(byte* data, long length, long maxPixels);

    /// <summary>dgo_image_decode with libpng's and libjpeg's stderr output captured into <paramref name="messages"/> (a buffer, or null when they printed nothing).</summary>
    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_image_decode_captured(byte* data, long length, long maxPixels, IntPtr* messages);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_image_from_pixels(byte* data, int width, int height, int channels, long stride);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_image_new(int width, int height, int channels, int fill);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial void dgo_image_free(IntPtr image);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_image_info(ImageHandle image, int* width, int* height, int* channels);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_image_copy_to(ImageHandle image, byte* destination, long destinationStride);

    [LibraryImport(NativeLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr dgo_image_encode(ImageHandle image, string extension, int quality);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_image_clone(ImageHandle image);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_image_crop(ImageHandle image, int x, int y, int width, int height);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_image_resize(ImageHandle image, int width, int height, int interpolation);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_image_warp_affine(ImageHandle image, double* matrix, int width, int height, int interpolation, int borderMode, double borderValue);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_image_warp_perspective(ImageHandle image, double* matrix, int width, int height, int interpolation, int borderMode, double borderValue);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_image_threshold(ImageHandle image, double threshold, double maxValue, int type);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_image_morphology(ImageHandle image, int op, int kernelSize, int iterations);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_image_gaussian_blur(ImageHandle image, int kernelSize, double sigma);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_image_convert_color(ImageHandle image, int code);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_image_draw_rectangle(ImageHandle image, int x1, int y1, int x2, int y2, double b, double g, double r, int thickness);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_image_draw_line(ImageHandle image, double x1, double y1, double x2, double y2, double b, double g, double r, int thickness);

    [LibraryImport(NativeLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int dgo_image_draw_text(ImageHandle image, string text, int x, int y, double scale, double b, double g, double r, int thickness);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_image_draw_image(ImageHandle destination, ImageHandle source, int x, int y, int mode);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_image_draw_polyline(ImageHandle image, double* xy, int count, int closed, double b, double g, double r, int thickness);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_image_draw_circle(ImageHandle image, double cx, double cy, double radius, double b, double g, double r, int thickness);
}
