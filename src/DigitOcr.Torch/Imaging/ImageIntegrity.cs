namespace DigitOcr.Imaging;

/// <summary>
/// Looks at an encoded image's bytes for signs that the file was cut short, which decoders do not always report:
/// libjpeg decodes a JPEG cut in half without an error and fills the missing rows with gray, so digits there are
/// silently missing. Checks the end markers: a JPEG's EOI (<c>FF D9</c>) after its last start-of-scan
/// (<c>FF DA</c>), a PNG's <c>IEND</c> chunk. Other formats are not checked.
/// </summary>
public static class ImageIntegrity
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

    private static ReadOnlySpan<byte> PngEnd => [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

    private static ReadOnlySpan<byte> JpegStart => [0xff, 0xd8];

    private static ReadOnlySpan<byte> JpegStartOfScan => [0xff, 0xda];

    private static ReadOnlySpan<byte> JpegEnd => [0xff, 0xd9];

    /// <summary>Why <paramref name="data"/> looks truncated, or null when its end marker is there (or its format is not checked).</summary>
    public static string? FindTruncation(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(PngSignature))
        {
            return data.LastIndexOf(PngEnd) >= 0
                ? null
                : $"the PNG has no IEND chunk after its {data.Length} bytes: the file was cut short";
        }

        if (data.StartsWith(JpegStart))
        {
            // In entropy-coded data every FF byte is followed by 00 (or a restart marker), so an FF D9 after the last
            // FF DA is the image's end; a thumbnail's own end marker comes before the main image's scans.
            return data.LastIndexOf(JpegEnd) > data.LastIndexOf(JpegStartOfScan)
                ? null
                : $"the JPEG has no end marker (FF D9) after its last scan, {data.Length} bytes in: the file was cut short, and the decoder filled the missing part with gray";
        }

        return null;
    }
}
