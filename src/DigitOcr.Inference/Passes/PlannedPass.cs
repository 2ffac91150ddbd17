using DigitOcr.Preprocessing;

namespace DigitOcr.Inference.Passes;

/// <summary>A pass of the network over an image at one scale, and the tiles it runs in (one when it fits in a tile).</summary>
public sealed record PlannedPass(DetectorPass Pass, IReadOnlyList<PassTile> Tiles)
{
    /// <summary>Pixels the network computes for this pass, padding and overlaps included.</summary>
    public long InputPixels => Tiles.Sum(t => (long)t.PaddedWidth * t.PaddedHeight);
}
