using DigitOcr.Config;

namespace DigitOcr.Training.Recognition;

/// <summary>
/// Labelled 8-bit crops for the recognizer, held in one array (<c>S x S</c> bytes each, row-major): labels are the
/// digits 0-9 and <see cref="RecognizerConfig.NotADigit"/>.
/// </summary>
public sealed class CropSet(int cropSize)
{
    private readonly List<byte> labels = [];
    private byte[] pixels = new byte[1 << 20];

    public int CropSize { get; } = cropSize;

    public int Count => labels.Count;

    public int Label(int index) => labels[index];

    public ReadOnlySpan<byte> Pixels(int index) => pixels.AsSpan(index * CropSize * CropSize, CropSize * CropSize);

    /// <summary>How many crops carry each label (index = label).</summary>
    public int[] LabelCounts()
    {
        var counts = new int[RecognizerConfig.Classes];
        labels.ForEach(l => counts[l]++);
        return counts;
    }

    public void Add(ReadOnlySpan<byte> crop, int label)
    {
        var size = CropSize * CropSize;
        if (crop.Length != size)
        {
            throw new ArgumentException($"a crop holds {size} pixels, got {crop.Length}", nameof(crop));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(label);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(label, RecognizerConfig.Classes);
        if ((Count + 1) * size > pixels.Length)
        {
            Array.Resize(ref pixels, pixels.Length * 2);
        }

        crop.CopyTo(pixels.AsSpan(Count * size));
        labels.Add((byte)label);
    }
}
