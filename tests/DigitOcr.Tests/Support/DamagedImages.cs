namespace DigitOcr.Tests.Support;

/// <summary>Image files damaged the ways scans and downloads get damaged: cut short, or with bad bytes inside.</summary>
public static class DamagedImages
{
    /// <summary>
    /// A copy of <paramref name="jpeg"/> with a restart marker (<c>FF D3</c>) half way through its compressed data,
    /// where none belongs: libjpeg still decodes the whole image, fills the rest of the scan with gray and prints
    /// <c>Corrupt JPEG data: premature end of data segment</c>. The end marker stays, so the file does not look cut.
    /// </summary>
    public static byte[] CorruptJpeg(byte[] jpeg)
    {
        var scan = jpeg.AsSpan().LastIndexOf([(byte)0xff, (byte)0xda]);
        Assert.True(scan > 0, "not a JPEG with a start-of-scan marker");
        var middle = (scan + jpeg.Length) / 2;
        var copy = jpeg.ToArray();
        copy[middle] = 0xff;
        copy[middle + 1] = 0xd3;
        return copy;
    }

    /// <summary>
    /// <paramref name="jpeg"/> cut <paramref name="fraction"/> of the way through its compressed data (after the
    /// headers, so it still decodes: libjpeg fills the missing rows with gray and says nothing).
    /// </summary>
    public static byte[] CutJpegScan(byte[] jpeg, double fraction)
    {
        var scan = jpeg.AsSpan().LastIndexOf([(byte)0xff, (byte)0xda]);
        Assert.True(scan > 0, "not a JPEG with a start-of-scan marker");
        var start = scan + 16;
        return jpeg.AsSpan(0, start + (int)((jpeg.Length - 2 - start) * fraction)).ToArray();
    }

    /// <summary>The first <paramref name="fraction"/> of <paramref name="file"/>, as a download cut short leaves it.</summary>
    public static byte[] Cut(byte[] file, double fraction) => file.AsSpan(0, (int)(file.Length * fraction)).ToArray();
}
