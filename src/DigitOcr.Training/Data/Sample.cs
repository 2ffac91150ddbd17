using DigitOcr.Boxes;
using DigitOcr.Imaging;

namespace DigitOcr.Data;

/// <summary>
/// One training or validation image with its ground truth. Owns <see cref="Image"/>: dispose the sample.
/// </summary>
public sealed class Sample : IDisposable
{
    /// <summary>Wraps a finished image and its ground truth; takes ownership of <paramref name="image"/>.</summary>
    public Sample(Image image, IReadOnlyList<LabeledBox> boxes, IReadOnlyList<LabeledBox> patchBoxes, IReadOnlyList<string> applied)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentNullException.ThrowIfNull(patchBoxes);
        ArgumentNullException.ThrowIfNull(applied);
        if (image.Channels != 1)
        {
            throw new ArgumentException("A sample's image is 8-bit grayscale (1 channel).", nameof(image));
        }

        Image = image;
        Boxes = boxes;
        PatchBoxes = patchBoxes;
        Applied = applied;
    }

    /// <summary>The 8-bit grayscale picture; ink may be dark on light or light on dark.</summary>
    public Image Image { get; }

    public int Width => Image.Width;

    public int Height => Image.Height;

    /// <summary>
    /// The ground truth: for each visible digit, the tight box of its ink (pixels, corner form, inside the image)
    /// and its digit. A digit cut by the image border keeps a plain box when mostly visible; otherwise its box is
    /// <see cref="LabeledBox.Ignored"/>: neither a positive nor a negative. Crossed-out digits and clutter have no box.
    /// </summary>
    public IReadOnlyList<LabeledBox> Boxes { get; }

    /// <summary>
    /// The <c>reference</c> preset's own ground truth, kept for parity: the enclosing box of the pasted 28x28 patch
    /// (padding included) after the affine step, clipped to the image. Empty for other presets.
    /// </summary>
    public IReadOnlyList<LabeledBox> PatchBoxes { get; }

    /// <summary>The names of the augmentation steps that acted on this sample, in order (see <c>TransformNames</c>).</summary>
    public IReadOnlyList<string> Applied { get; }

    public void Dispose() => Image.Dispose();

    public override string ToString() => $"Sample {Width}x{Height}, {Boxes.Count} box(es)";
}
