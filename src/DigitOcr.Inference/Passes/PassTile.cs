namespace DigitOcr.Inference.Passes;

/// <summary>
/// One network input of a pass: the region <see cref="X"/>, <see cref="Y"/>, <see cref="Width"/> x
/// <see cref="Height"/> of the pass's (scaled) image, padded with white on the right and bottom to
/// <see cref="PaddedWidth"/> x <see cref="PaddedHeight"/>. The tile owns the detections whose box centre lies in
/// [<see cref="OwnX1"/>, <see cref="OwnX2"/>) x [<see cref="OwnY1"/>, <see cref="OwnY2"/>): the owned regions of a
/// pass's tiles cover it exactly once, each ending halfway across the overlap with the next tile. All in pass pixels.
/// </summary>
public sealed record PassTile(
    int X, int Y, int Width, int Height, int PaddedWidth, int PaddedHeight,
    double OwnX1, double OwnY1, double OwnX2, double OwnY2)
{
    /// <summary>True when a point (pass pixels) is this tile's to report.</summary>
    public bool Owns(double x, double y) => x >= OwnX1 && x < OwnX2 && y >= OwnY1 && y < OwnY2;
}
