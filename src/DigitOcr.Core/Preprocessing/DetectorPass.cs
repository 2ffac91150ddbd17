namespace DigitOcr.Preprocessing;

/// <summary>
/// One run of the network over an image: the image scaled to <see cref="Width"/> x <see cref="Height"/>, padded with
/// white to <see cref="PaddedWidth"/> x <see cref="PaddedHeight"/> (right and bottom). <see cref="Level"/> 0 is the
/// size policy's scale, each further level half the previous.
/// </summary>
public sealed record DetectorPass(
    int Level, int SourceWidth, int SourceHeight, int Width, int Height, int PaddedWidth, int PaddedHeight)
{
    public double ScaleX => (double)Width / SourceWidth;

    public double ScaleY => (double)Height / SourceHeight;

    /// <summary>The pass's scale relative to the source image (the smaller of the two axes' scales).</summary>
    public double Scale => Math.Min(ScaleX, ScaleY);

    /// <summary>True when the pass runs at the image's own size (no resize needed).</summary>
    public bool IsNativeSize => Width == SourceWidth && Height == SourceHeight;
}
