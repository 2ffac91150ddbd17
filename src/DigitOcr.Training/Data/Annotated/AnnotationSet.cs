namespace DigitOcr.Data.Annotated;

/// <summary>An image an annotation file names: its file name relative to the folder, and the size the file declares, if any.</summary>
public sealed record DeclaredImage(string Name, AnnotationSource Source, int? Width = null, int? Height = null);

/// <summary>
/// A box as an annotation file gives it, converted to pixel-edge corners (<c>x2</c>, <c>y2</c> the far edges, as
/// <see cref="Boxes.Box"/>) but not yet checked: its label is the text the file holds.
/// </summary>
public sealed record DeclaredBox(string Image, double X1, double Y1, double X2, double Y2, string Label, bool Ignored, AnnotationSource Source);

/// <summary>
/// What one format's reader found in a folder: the images its files name, the boxes, and the problems it could tell
/// on its own (malformed files, missing fields, numbers that are not numbers). Checking boxes against the images
/// and labels against the digits is <see cref="AnnotatedFolder"/>'s, the same for every format.
/// </summary>
public sealed record AnnotationSet(IReadOnlyList<DeclaredImage> Images, IReadOnlyList<DeclaredBox> Boxes, IReadOnlyList<AnnotationProblem> Problems);
