using DigitOcr.Boxes;

namespace DigitOcr.Data.Annotated;

/// <summary>
/// One checked image of an annotated folder: its name (relative to the folder), full path and size, and its digits
/// (pixel-edge corner boxes inside the image; <see cref="LabeledBox.Number"/> groups them into the written numbers
/// that <see cref="GroundTruthNumbers"/> finds). Holds no pixels: training and evaluation decode the file when they
/// use it.
/// </summary>
public sealed record AnnotatedImage(string Name, string Path, int Width, int Height, IReadOnlyList<LabeledBox> Boxes);
